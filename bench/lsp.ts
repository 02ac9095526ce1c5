/**
 * A minimal LSP client for the benchmark: spawns `node dist/server.js --stdio`, initialises it
 * with settings in initializationOptions (the server reads them there when the client does not
 * answer workspace/configuration), opens and edits documents and waits for their diagnostics.
 * Every wait is bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface Diagnostics {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

export class LspServer {
  readonly process: ChildProcess;
  readonly spawnedAt: number;
  private readonly connection: MessageConnection;
  private waiters: { test: (d: Diagnostics) => boolean; resolve: (d: Diagnostics) => void }[] = [];
  private exited = false;

  constructor(
    serverJs: string,
    private readonly settings: Record<string, unknown>,
    private readonly timeoutMs = 60_000,
  ) {
    this.spawnedAt = performance.now();
    this.process = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr?.resume();
    this.process.on('exit', () => (this.exited = true));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Diagnostics) => {
      const keep: typeof this.waiters = [];
      for (const w of this.waiters) {
        if (w.test(p)) w.resolve(p);
        else keep.push(w);
      }
      this.waiters = keep;
    });
    // Requests the server may send: answer them so it never waits on the benchmark.
    this.connection.onRequest(() => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { settings: this.settings },
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves with the first diagnostics for which test holds, published after this call. */
  waitFor(test: (d: Diagnostics) => boolean): Promise<Diagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics within ${this.timeoutMs} ms`)), this.timeoutMs);
      this.waiters.push({
        test,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
  }

  open(uri: string, text: string, languageId = 'plaintext'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces one UTF-16 unit at (line, character) by `insert`. */
  replaceChar(uri: string, version: number, line: number, character: number, insert: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: insert }],
    });
  }

  /** Resident set size now and at its peak, from /proc (Linux); undefined elsewhere. */
  memory(): { rss: number; peak: number } | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(2000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    const killer = setTimeout(() => this.process.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(killer);
    this.connection.dispose();
  }
}

export function delay(msec: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msec));
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}
