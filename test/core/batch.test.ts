/** `check` over many files: worker threads give byte-for-byte the output of one thread; shards. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers';

const BIN = path.join(ROOT, 'bin', 'policy-review.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'check', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });

/** test/fixtures and examples copied `copies` times into a temporary folder (more than 50 files). */
function manyDrafts(copies: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-batch-'));
  const sources = ['test/fixtures', 'examples'].flatMap((d) =>
    fs
      .readdirSync(path.join(ROOT, d))
      .filter((f) => /\.(md|txt)$/.test(f))
      .map((f) => path.join(ROOT, d, f)),
  );
  for (let k = 0; k < copies; k++) {
    const sub = path.join(dir, `copy-${String(k).padStart(2, '0')}`);
    fs.mkdirSync(sub);
    for (const f of sources) fs.copyFileSync(f, path.join(sub, path.basename(f)));
  }
  return dir;
}

test('JSON, SARIF and text output are the same with worker threads as in one thread', () => {
  for (const format of ['json', 'sarif', 'text']) {
    const one = run('--format', format, '--no-color', '--jobs', '1', 'test/fixtures', 'examples');
    const two = run('--format', format, '--no-color', '--jobs', '2', 'test/fixtures', 'examples');
    assert.ok(one.stdout.length > 0, one.stderr);
    assert.equal(two.stdout, one.stdout, `${format} output differs`);
    assert.equal(two.stderr, one.stderr);
    assert.equal(two.status, one.status);
  }
});

test('more than 50 files go to worker threads by default, with the same JSON as --jobs 1', () => {
  const dir = manyDrafts(6);
  try {
    const files = fs.readdirSync(dir).flatMap((d) => fs.readdirSync(path.join(dir, d)));
    assert.ok(files.length > 50, `only ${files.length} files`);
    const auto = run('--format', 'json', '--verbose', dir);
    const one = run('--format', 'json', '--verbose', '--jobs', '1', dir);
    assert.equal(auto.stdout, one.stdout);
    // Threads really ran: every core by default (as many as there are here), two with --jobs 2, one with --jobs 1.
    const threads = (r: typeof auto) => Number(/(\d+) (?:个线程|thread)/.exec(r.stderr)?.[1]);
    assert.equal(threads(auto), Math.min(os.availableParallelism(), files.length), auto.stderr);
    const two = run('--format', 'json', '--verbose', '--jobs', '2', dir);
    assert.equal(two.stdout, one.stdout);
    assert.equal(threads(two), 2, two.stderr);
    assert.equal(threads(one), 1, one.stderr);
    assert.equal(auto.status, one.status);
    const parsed = JSON.parse(auto.stdout) as { files: { path: string }[] };
    assert.equal(parsed.files.length, files.length);
    // Input order: the folder walk's order, not the order in which threads finished.
    const paths = parsed.files.map((f) => f.path);
    assert.deepEqual(paths, [...paths].sort((a, b) => a.localeCompare(b)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('--shard i/n: the shards together are the whole run, each file once, in order', () => {
  const whole = JSON.parse(run('--format', 'json', '--jobs', '1', 'test/fixtures', 'examples').stdout) as { files: unknown[] };
  const shards = [1, 2, 3].map((i) => JSON.parse(run('--format', 'json', '--shard', `${i}/3`, 'test/fixtures', 'examples').stdout) as { files: unknown[] });
  assert.ok(shards.every((s) => s.files.length > 0));
  const merged: unknown[] = [];
  for (let k = 0; k < whole.files.length; k++) merged.push(shards[k % 3].files[Math.floor(k / 3)]);
  assert.deepEqual(merged, whole.files);
  assert.equal(shards.reduce((n, s) => n + s.files.length, 0), whole.files.length);
});

test('bad --shard and --jobs values are usage errors (exit 2), Chinese first', () => {
  for (const args of [['--shard', '0/2'], ['--shard', '3/2'], ['--shard', 'x'], ['--jobs', '0']]) {
    const r = run(...args, 'examples');
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^[\u4e00-\u9fff]/m);
  }
});
