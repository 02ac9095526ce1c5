/**
 * Reviewing many files: in this thread, or in worker threads (dist/cli-worker.js) that each load
 * the segmenter once and take files in small batches as they finish the previous ones. Reports
 * come back in input order and are the same objects either way, so every output format is
 * byte-for-byte the same whatever the number of jobs.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Analyzer, createSegmenter, type ReviewSettings, type RulePack } from '../../core/src';
import type { SegmenterBackend } from '../../shared/src/settings';
import type { Target } from './files';
import { reviewFile, type FileReport } from './review';

/** With more files than this and no --jobs, the files are reviewed in worker threads. */
export const PARALLEL_THRESHOLD = 50;

export interface BatchJob {
  packs: RulePack[];
  backend: SegmenterBackend;
  settings: Partial<ReviewSettings>;
  maxFileSize: number;
}

/** What the main thread sends a worker. */
export type ToWorker = { type: 'review'; first: number; files: string[] } | { type: 'done' };

/** What a worker sends back. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'reports'; first: number; reports: FileReport[] }
  | { type: 'error'; message: string };

/** The report of a target that could not even be listed. */
function unreadable(t: Target): FileReport {
  return { path: path.resolve(t.path), findings: [], coverage: [], elements: [], outline: [], engaged: false, error: t.error };
}

/** Worker threads to use: --jobs, or every core when there are many files. */
export function jobCount(requested: number | undefined, files: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const jobs = requested ?? (files > PARALLEL_THRESHOLD ? cores : 1);
  return Math.max(1, Math.min(jobs, files));
}

/**
 * Keeps shard `index` (1-based) of `count`: every count-th target from the index-th, so that
 * shards get a similar share of a folder's files and together cover each file exactly once.
 */
export function shardTargets<T>(targets: T[], shard: { index: number; count: number } | undefined): T[] {
  if (!shard || shard.count === 1) return targets;
  return targets.filter((_, i) => i % shard.count === shard.index - 1);
}

/** Reviews every target, in this thread or in `jobs` worker threads; reports in input order. */
export async function reviewTargets(targets: Target[], job: BatchJob, jobs: number): Promise<FileReport[]> {
  if (jobs <= 1) {
    const analyzer = new Analyzer(job.packs, createSegmenter(job.backend, Analyzer.words(job.packs)));
    return targets.map((t) => (t.error ? unreadable(t) : reviewFile(analyzer, path.resolve(t.path), job.settings, job.maxFileSize)));
  }
  const reports: (FileReport | undefined)[] = targets.map((t) => (t.error ? unreadable(t) : undefined));
  const todo = targets.flatMap((t, i) => (t.error ? [] : [i]));
  const files = targets.map((t) => path.resolve(t.path));
  await runWorkers(job, jobs, todo, files, reports);
  return reports as FileReport[];
}

/** Files per message: small enough to balance the load, large enough to keep messages few. */
function batchSize(files: number, jobs: number): number {
  return Math.max(1, Math.min(16, Math.floor(files / (jobs * 8))));
}

function runWorkers(job: BatchJob, jobs: number, todo: number[], files: string[], reports: (FileReport | undefined)[]): Promise<void> {
  const size = batchSize(todo.length, jobs);
  let next = 0;
  let running = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(err);
    };
    /** Sends the next batch of files, or tells the worker to stop. */
    const feed = (w: Worker) => {
      if (next >= todo.length) {
        w.postMessage({ type: 'done' } satisfies ToWorker);
        return;
      }
      // Consecutive indexes: a batch is a slice of the input order.
      const first = next;
      const batch: string[] = [];
      while (next < todo.length && batch.length < size && todo[next] === todo[first] + batch.length) batch.push(files[todo[next++]]);
      w.postMessage({ type: 'review', first: todo[first], files: batch } satisfies ToWorker);
    };
    // Loaded here: a run over a few files never starts a thread and need not load the module.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
    for (let k = 0; k < jobs; k++) {
      const w = new WorkerThread(path.join(__dirname, 'cli-worker.js'), { workerData: job });
      workers.push(w);
      running++;
      w.on('message', (m: FromWorker) => {
        if (m.type === 'error') fail(new Error(m.message));
        else {
          if (m.type === 'reports') m.reports.forEach((r, i) => (reports[m.first + i] = r));
          if (!failed) feed(w);
        }
      });
      w.on('error', (err) => fail(err instanceof Error ? err : new Error(String(err))));
      w.on('exit', () => {
        running--;
        if (running === 0 && !failed) {
          if (reports.some((r) => r === undefined)) fail(new Error('审校线程意外退出。/ A review thread stopped unexpectedly.'));
          else resolve();
        }
      });
    }
  });
}
