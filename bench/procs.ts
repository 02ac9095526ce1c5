/**
 * Whole processes for the benchmark: wall time from spawn to exit, and peak resident memory of
 * the process (all its threads) read by a preloaded module at exit.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ProcResult {
  ms: number;
  code: number | null;
  /** Peak RSS in bytes (VmHWM at exit), NaN if unknown. */
  maxRss: number;
  stdout: string;
  stderr: string;
}

/**
 * Writes the preload module that reports peak RSS; returns its path. It reads VmHWM from /proc:
 * getrusage's maxRSS is no good here, as Linux carries the parent's peak over fork and exec.
 */
export function writeRssProbe(dir: string): string {
  const file = path.join(dir, 'rss-probe.js');
  fs.writeFileSync(
    file,
    `'use strict';
const fs = require('fs');
const out = process.env.POLICY_REVIEW_BENCH_RSS;
function peak() {
  try {
    const m = /^VmHWM:\\s+(\\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {}
  return process.resourceUsage().maxRSS * 1024;
}
if (out) process.on('exit', () => { try { fs.appendFileSync(out, peak() + '\\n'); } catch {} });
`,
  );
  return file;
}

/** Runs `node args…`, optionally with the RSS probe preloaded; keeps stdout only if asked. */
export function runNode(args: string[], opts: { probe?: string; cwd?: string; keepStdout?: boolean } = {}): Promise<ProcResult> {
  const rssFile = opts.probe ? path.join(path.dirname(opts.probe), `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`) : undefined;
  const nodeArgs = opts.probe ? ['-r', opts.probe, ...args] : args;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, nodeArgs, {
      cwd: opts.cwd,
      stdio: ['ignore', opts.keepStdout ? 'pipe' : 'ignore', 'pipe'],
      env: { ...process.env, ...(rssFile ? { POLICY_REVIEW_BENCH_RSS: rssFile } : {}) },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let maxRss = NaN;
      if (rssFile) {
        try {
          maxRss = Math.max(...fs.readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
          fs.rmSync(rssFile, { force: true });
        } catch {
          // No report: leave NaN.
        }
      }
      resolve({ ms, code, maxRss, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
