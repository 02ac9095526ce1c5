/**
 * Child processes with bounds: every command runs in its own process group with a timeout, its
 * output goes to a log file, and a failure names the step and shows the log tail.
 */
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { bi } from './paths';

export class StepError extends Error {
  constructor(
    readonly step: string,
    readonly detail: string,
    readonly logTail = '',
  ) {
    super(`${bi('步骤失败', 'step failed')}: ${step}: ${detail}${logTail ? `\n--- log tail ---\n${logTail}` : ''}`);
  }
}

/** The last lines of a file (empty when it does not exist). */
export function tail(file: string, lines = 40): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines).join('\n').trimEnd();
  } catch {
    return '';
  }
}

const timestamp = Date.now();
/** Log a line with seconds since the start of this process. */
export function log(...parts: unknown[]): void {
  const t = ((Date.now() - timestamp) / 1000).toFixed(1).padStart(6);
  console.log(`[e2e ${t}s]`, ...parts);
}

export interface StepOptions {
  timeoutMs: number;
  logFile: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs one command to completion in its own process group, output appended to logFile.
 * Rejects with a StepError (step name, reason, log tail) on a non-zero exit or on timeout,
 * after killing the whole group.
 */
export function runStep(step: string, cmd: string, args: string[], opts: StepOptions): Promise<void> {
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  fs.appendFileSync(opts.logFile, `\n$ ${cmd} ${args.join(' ')}\n`);
  const fd = fs.openSync(opts.logFile, 'a');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', fd, fd], detached: true });
    fs.closeSync(fd);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) void killGroup(child.pid);
    }, opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new StepError(step, `${bi('无法启动', 'cannot start')} ${cmd}: ${e.message}`, tail(opts.logFile)));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new StepError(step, bi(`超时（${opts.timeoutMs / 1000} 秒）`, `timed out after ${opts.timeoutMs / 1000}s`), tail(opts.logFile)));
      else if (code !== 0) reject(new StepError(step, bi(`退出码 ${code ?? signal}`, `exit code ${code ?? signal}`), tail(opts.logFile)));
      else resolve();
    });
  });
}

/** Runs a short command and returns its exit status and output (never throws). */
export function probe(cmd: string, args: string[], timeoutMs = 15000, env?: NodeJS.ProcessEnv): { ok: boolean; out: string } {
  try {
    const out = execFileSync(cmd, args, { timeout: timeoutMs, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    return { ok: true, out };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` || err.message };
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM a process group, then SIGKILL whatever is left after graceMs. */
export async function killGroup(pgid: number, graceMs = 5000): Promise<void> {
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  await waitUntil(() => !groupAlive(pgid), graceMs, 100);
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* gone */
    }
    await waitUntil(() => !groupAlive(pgid), 3000, 100);
  }
}

/** Synchronous last resort for 'exit' handlers. */
export function killGroupNow(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

/** Polls a condition until it holds or the time is up; resolves to whether it held. */
export async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return true;
    if (Date.now() >= end) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A free TCP port on 127.0.0.1 in [lo, hi], starting from a random point to keep parallel runs apart. */
export async function freePort(lo = 18000, hi = 18999): Promise<number> {
  const span = hi - lo + 1;
  const start = Math.floor(Math.random() * span);
  for (let i = 0; i < span; i++) {
    const port = lo + ((start + i) % span);
    const ok = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error(bi(`${lo}–${hi} 之间没有空闲端口`, `no free port in ${lo}-${hi}`));
}

/** Pids of processes whose command line contains marker (a unique scratch path of this run). */
export function pidsWithArg(marker: string): number[] {
  const found: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) found.push(Number(name));
    } catch {
      /* exited meanwhile */
    }
  }
  return found;
}

/** Process group id of pid, or undefined when it is gone. */
export function pgidOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the ")" of the command name: state ppid pgrp ...
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[2]);
  } catch {
    return undefined;
  }
}

/** Kills every process whose command line contains marker, group by group (never our own group). */
export async function killByMarker(marker: string): Promise<number[]> {
  const pids = pidsWithArg(marker);
  const own = pgidOf(process.pid);
  const groups = new Set(pids.map(pgidOf).filter((g): g is number => g !== undefined && g !== own && g > 1));
  for (const g of groups) await killGroup(g, 3000);
  for (const pid of pidsWithArg(marker)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  return pids;
}

