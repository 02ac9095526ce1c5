/**
 * Reviewing many files: in this thread, or in worker threads (dist/cli-worker.js) that each load
 * the segmenter once and take files in small batches as they finish the previous ones. Reports
 * come back in input order and are the same objects either way, so every output format is
 * byte-for-byte the same whatever the number of jobs.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Analyzer, type ReviewSettings, type RulePack } from '../../core/src';
import { loadSegmenter } from '../../host/src';
import type { SegmenterBackend } from '../../shared/src/settings';
import type { Lang } from '../../core/src/locale';
import type { Target } from './files';
import { reviewFile, type FileReport } from './review';

/** With more files than this and no --jobs, the files are reviewed in worker threads. */
export const PARALLEL_THRESHOLD = 50;

export interface BatchJob {
  packs: RulePack[];
  backend: SegmenterBackend;
  settings: Partial<ReviewSettings>;
  maxFileSize: number;
  /** The language of messages. */
  lang: Lang;
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

/** Hands reports on in input order as they arrive, keeping only those that arrived early. */
class InOrder {
  private next = 0;
  private readonly early = new Map<number, FileReport>();

  constructor(private readonly emit: (r: FileReport) => void) {}

  put(i: number, r: FileReport): void {
    this.early.set(i, r);
    for (let x = this.early.get(this.next); x; x = this.early.get(this.next)) {
      this.early.delete(this.next++);
      this.emit(x);
    }
  }
}

/**
 * Reviews every target in `jobs` threads: this one, plus jobs - 1 worker threads started first so
 * that their segmenters load while this thread loads its own. Each report goes to `emit` in input
 * order as soon as those before it are done, and is not kept: memory does not grow with the count.
 */
export async function streamTargets(
  targets: Target[],
  job: BatchJob,
  jobs: number,
  emit: (r: FileReport) => void,
  used: Set<number> = new Set(),
  note: (message: string) => void = () => undefined,
): Promise<void> {
  /** This thread's analyzer; a backend that cannot load falls back, and the writer is told once. */
  const local = () => {
    const { segmenter, notes } = loadSegmenter(job.backend, Analyzer.words(job.packs), job.lang);
    notes.forEach(note);
    return new Analyzer(job.packs, segmenter);
  };
  if (jobs <= 1) {
    if (targets.some((t) => !t.error)) used.add(0);
    const analyzer = local();
    for (const t of targets) emit(t.error ? unreadable(t) : reviewFile(analyzer, path.resolve(t.path), job.settings, job.maxFileSize));
    return;
  }
  const reports = new InOrder(emit);
  targets.forEach((t, i) => t.error && reports.put(i, unreadable(t)));
  const queue = new Queue(
    targets.flatMap((t, i) => (t.error ? [] : [i])),
    targets.map((t) => path.resolve(t.path)),
    jobs,
  );
  const pool = new Pool(job, jobs - 1, queue, reports, used);
  try {
    const analyzer = local();
    used.add(0);
    // Between batches, this thread lets the workers' messages in.
    for (let b = queue.take(); b && !pool.failed; b = queue.take()) {
      b.files.forEach((file, i) => reports.put(b.first + i, reviewFile(analyzer, file, job.settings, job.maxFileSize)));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    pool.stop();
    throw err;
  }
  await pool.finished;
}

/** Every report, in input order (for small runs and tests). */
export async function reviewTargets(targets: Target[], job: BatchJob, jobs: number, used: Set<number> = new Set()): Promise<FileReport[]> {
  const out: FileReport[] = [];
  await streamTargets(targets, job, jobs, (r) => out.push(r), used);
  return out;
}

/** The files still to review, handed out in batches of consecutive targets. */
class Queue {
  private next = 0;
  private readonly size: number;

  constructor(
    private readonly todo: number[],
    private readonly files: string[],
    threads: number,
  ) {
    // Small enough to balance the load, large enough to keep messages few.
    this.size = Math.max(1, Math.min(16, Math.floor(todo.length / (threads * 8))));
  }

  /** The next batch: the index of its first target and the files; undefined when all are taken. */
  take(): { first: number; files: string[] } | undefined {
    if (this.next >= this.todo.length) return undefined;
    const start = this.next;
    const files: string[] = [];
    while (this.next < this.todo.length && files.length < this.size && this.todo[this.next] === this.todo[start] + files.length) {
      files.push(this.files[this.todo[this.next++]]);
    }
    return { first: this.todo[start], files };
  }
}

/** Worker threads taking batches from the queue; each keeps one batch in hand while it works. */
class Pool {
  failed = false;
  readonly finished: Promise<void>;
  private readonly workers: Worker[] = [];

  /** `used` gets the number (1…count) of each worker that ran: loaded its segmenter and took batches. */
  constructor(job: BatchJob, count: number, queue: Queue, reports: InOrder, used: Set<number>) {
    let running = count;
    this.finished = new Promise((resolve, reject) => {
      const fail = (err: Error) => {
        if (this.failed) return;
        this.failed = true;
        this.stop();
        reject(err);
      };
      /** Batches sent to each worker and not yet reported. */
      const inHand = new Map<Worker, number>();
      /** Sends the next batch, or tells the worker to stop when there is none. */
      const feed = (w: Worker) => {
        const batch = queue.take();
        if (batch) inHand.set(w, (inHand.get(w) ?? 0) + 1);
        w.postMessage((batch ? { type: 'review', ...batch } : { type: 'done' }) satisfies ToWorker);
      };
      // Loaded here: a run over a few files never starts a thread and need not load the module.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
      for (let k = 0; k < count; k++) {
        const number = k + 1;
        const w = new WorkerThread(path.join(__dirname, 'cli-worker.js'), { workerData: job });
        this.workers.push(w);
        w.on('message', (m: FromWorker) => {
          if (this.failed) return;
          if (m.type === 'error') fail(new Error(m.message));
          else if (m.type === 'ready') {
            used.add(number);
            // Two batches: the worker starts the second as soon as it is done with the first.
            feed(w);
            feed(w);
          } else {
            m.reports.forEach((r, i) => reports.put(m.first + i, r));
            inHand.set(w, (inHand.get(w) ?? 1) - 1);
            feed(w);
          }
        });
        w.on('error', (err) => fail(err instanceof Error ? err : new Error(String(err))));
        w.on('exit', () => {
          if (this.failed) return;
          if ((inHand.get(w) ?? 0) > 0) fail(new Error('审校线程意外退出。/ A review thread stopped unexpectedly.'));
          else if (--running === 0) resolve();
        });
      }
      if (count === 0) resolve();
    });
    // A failure is reported by reviewTargets; never as an unhandled rejection meanwhile.
    this.finished.catch(() => undefined);
  }

  stop(): void {
    for (const w of this.workers) void w.terminate();
  }
}
