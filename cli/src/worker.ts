/**
 * Entry of dist/cli-worker.js: a review thread of `policy-review check`. Loads the segmenter
 * once, then reviews the batches of files the main thread sends until told it is done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Analyzer } from '../../core/src';
import { loadSegmenter } from '../../host/src';
import type { BatchJob, FromWorker, ToWorker } from './batch';
import { reviewFile } from './review';
import { setLang } from '../../shared/src/lang';

function start(port: NonNullable<typeof parentPort>, job: BatchJob): void {
  // A worker thread has its own modules: it speaks the language the main thread was asked for.
  setLang(job.lang);
  let analyzer: Analyzer;
  try {
    analyzer = new Analyzer(job.packs, loadSegmenter(job.backend, Analyzer.words(job.packs), job.lang).segmenter);
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FromWorker);
    return;
  }
  port.on('message', (m: ToWorker) => {
    if (m.type === 'done') {
      port.close();
      return;
    }
    const reports = m.files.map((file) => reviewFile(analyzer, file, job.settings, job.maxFileSize));
    port.postMessage({ type: 'reports', first: m.first, reports } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

if (parentPort) start(parentPort, workerData as BatchJob);
