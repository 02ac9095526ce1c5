/**
 * A small LSP client for the server tests: spawns `node dist/server.js --stdio`, speaks JSON-RPC
 * over its pipes, records what the server pushes (diagnostics, messages, coverage changes) and
 * answers what it asks (workspace/configuration, workspace/applyEdit). Every wait is bounded.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ApplyWorkspaceEditParams,
  ApplyWorkspaceEditResult,
  ConfigurationParams,
  InitializeResult,
  LogMessageParams,
  Position,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CoverageChangedParams } from '../../shared/src/protocol';

/** dist/server.js, seen from dist/test/server/*.test.js. */
export const SERVER_JS = path.resolve(__dirname, '..', '..', 'server.js');
/** The command line entry, bin/policy-review.js. */
export const CLI_JS = path.resolve(__dirname, '..', '..', '..', 'bin', 'policy-review.js');

export const DEFAULT_TIMEOUT = 15_000;

export interface StartOptions {
  /** Sent as initializationOptions. */
  initializationOptions?: Record<string, unknown>;
  /** Whether the client answers workspace/configuration (pull model). Default true. */
  configuration?: boolean;
  /** The `policyReview` section returned by workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Workspace folder (file system path). */
  workspaceFolder?: string;
  /** The client's display language, sent as `locale` (VS Code sends its own). */
  locale?: string;
  /** Extra environment of the server process. */
  env?: Record<string, string>;
  /** Node arguments that start the server over stdio; default `dist/server.js --stdio`. */
  args?: string[];
  /** Start dist/server.js with --node-ipc instead, as the VS Code client does. */
  ipc?: boolean;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

/** Waits for `probe` to return something other than undefined, re-checking on every message. */
type Waiter = () => void;

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly coverageChanged: CoverageChangedParams[] = [];
  readonly applyEditRequests: ApplyWorkspaceEditParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  /** What the client answers to workspace/configuration. */
  settings: Record<string, unknown>;
  /** How the client answers workspace/applyEdit; by default like an editor: applies it if the version matches. */
  onApplyEdit: (params: ApplyWorkspaceEditParams) => ApplyWorkspaceEditResult | Promise<ApplyWorkspaceEditResult>;
  stderr = '';
  exited = false;
  initializeResult!: InitializeResult;

  private readonly docs = new Map<string, TextDocument>();
  private readonly exitedPromise: Promise<void>;
  private readonly waiters = new Set<Waiter>();

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: MessageConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    this.exitedPromise = new Promise((resolve) => child.once('exit', () => resolve()));
    this.onApplyEdit = (params) => this.applyLikeEditor(params);
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = options.ipc
      ? fork(SERVER_JS, ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'], env: { ...process.env, ...options.env } })
      : spawn(process.execPath, options.args ?? [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const connection = options.ipc
      ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options.settings ?? {});
    child.stderr!.on('data', (d: Buffer) => (client.stderr += d.toString()));
    child.on('exit', () => {
      client.exited = true;
      client.notify();
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => client.record(client.diagnostics, p));
    connection.onNotification('window/showMessage', (p: ShowMessageParams) => client.record(client.messages, p));
    connection.onNotification('window/logMessage', (p: LogMessageParams) => client.record(client.logs, p));
    connection.onNotification('policyReview/coverageChanged', (p: CoverageChangedParams) => client.record(client.coverageChanged, p));
    connection.onRequest('workspace/configuration', (p: ConfigurationParams) => {
      client.record(client.configurationRequests, p);
      return p.items.map((item) => (item.section === 'policyReview' ? client.settings : null));
    });
    connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      client.record(client.applyEditRequests, p);
      return client.onApplyEdit(p);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();

    const folder = options.workspaceFolder;
    client.initializeResult = await client.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folder ? fileUri(folder) : null,
      workspaceFolders: folder ? [{ uri: fileUri(folder), name: path.basename(folder) }] : null,
      initializationOptions: options.initializationOptions,
      ...(options.locale ? { locale: options.locale } : {}),
      capabilities: {
        workspace: {
          configuration: options.configuration !== false,
          didChangeConfiguration: { dynamicRegistration: options.configuration !== false },
          applyEdit: true,
          workspaceEdit: { documentChanges: true },
          workspaceFolders: true,
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: {},
        },
        window: { showMessage: {} },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private record<T>(list: T[], item: T): void {
    list.push(item);
    this.notify();
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with the first value `probe` returns other than undefined; rejects after timeoutMs. */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = DEFAULT_TIMEOUT): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check: Waiter = () => {
        let v: T | undefined;
        try {
          v = probe();
        } catch (err) {
          done();
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        if (v !== undefined) {
          done();
          resolve(v);
        } else if (this.exited) {
          done();
          reject(new Error(`server exited while waiting for ${what}\n${this.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Diagnostics published for uri at exactly this version (or the latest, without version). */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = DEFAULT_TIMEOUT): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics of ${uri}${version !== undefined ? ` v${version}` : ''}`, () =>
      [...this.diagnostics].reverse().find((d) => d.uri === uri && (version === undefined || d.version === version)),
    timeoutMs);
  }

  /** A request with a deadline. */
  async request<R>(method: string, params: unknown, timeoutMs = DEFAULT_TIMEOUT): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${method}\n${this.stderr}`)), timeoutMs);
    });
    const exited = this.exitedPromise.then((): never => {
      throw new Error(`server exited during ${method}\n${this.stderr}`);
    });
    try {
      return await Promise.race([this.connection.sendRequest<R>(method, params), timeout, exited]);
    } finally {
      clearTimeout(timer);
    }
  }

  notifyServer(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  text(uri: string): string {
    return this.doc(uri).getText();
  }

  version(uri: string): number {
    return this.doc(uri).version;
  }

  doc(uri: string): TextDocument {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`not open: ${uri}`);
    return d;
  }

  async open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.notifyServer('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Incremental change(s) or full replacements; returns the new version. */
  async change(uri: string, edits: TextDocumentContentChangeEvent[]): Promise<number> {
    const doc = this.doc(uri);
    const version = doc.version + 1;
    // Each change goes through TextDocument.update on a copy made afresh from the text, so that the
    // reference copy's line table never carries damage from a range past the end (see
    // server/src/documents.ts): the text is what the changes mean, whatever the server does.
    let text = doc.getText();
    for (const e of edits) {
      const copy = TextDocument.create(uri, doc.languageId, 0, text);
      TextDocument.update(copy, [e], 1);
      text = copy.getText();
    }
    this.docs.set(uri, TextDocument.create(uri, doc.languageId, version, text));
    await this.notifyServer('textDocument/didChange', { textDocument: { uri, version }, contentChanges: edits });
    return version;
  }

  /** Inserts text at the end of the document (incremental change). */
  append(uri: string, text: string): Promise<number> {
    const doc = this.doc(uri);
    const end = doc.positionAt(doc.getText().length);
    return this.change(uri, [{ range: { start: end, end }, text }]);
  }

  /** Replaces the first occurrence of `find` (incremental change). */
  replace(uri: string, find: string, by: string): Promise<number> {
    const doc = this.doc(uri);
    const at = doc.getText().indexOf(find);
    if (at < 0) throw new Error(`not found: ${find}`);
    return this.change(uri, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + find.length) }, text: by }]);
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.notifyServer('textDocument/didClose', { textDocument: { uri } });
  }

  /** Position of the n-th occurrence (0-based) of needle, plus delta characters. */
  positionOf(uri: string, needle: string, delta = 0, nth = 0): Position {
    const doc = this.doc(uri);
    const text = doc.getText();
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`not found: ${needle}`);
    }
    return doc.positionAt(at + delta);
  }

  /** What an editor does with workspace/applyEdit: refuse a stale version, else apply and send didChange. */
  async applyLikeEditor(params: ApplyWorkspaceEditParams): Promise<ApplyWorkspaceEditResult> {
    for (const change of params.edit.documentChanges ?? []) {
      const c = change as TextDocumentEdit;
      const doc = this.docs.get(c.textDocument.uri);
      if (!doc) return { applied: false, failureReason: 'document not open' };
      if (c.textDocument.version !== null && c.textDocument.version !== doc.version) {
        return { applied: false, failureReason: `version mismatch: edit for ${c.textDocument.version}, document at ${doc.version}` };
      }
    }
    for (const change of params.edit.documentChanges ?? []) {
      const c = change as TextDocumentEdit;
      const doc = this.doc(c.textDocument.uri);
      const newText = TextDocument.applyEdits(doc, c.edits as TextEdit[]);
      const end = doc.positionAt(doc.getText().length);
      await this.change(c.textDocument.uri, [{ range: { start: { line: 0, character: 0 }, end }, text: newText }]);
    }
    return { applied: true };
  }

  /** Shuts the server down politely, then makes sure the process is gone. */
  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await this.request('shutdown', null, 5_000);
        await this.notifyServer('exit', null);
      } catch {
        // Killed below.
      }
      try {
        await this.waitFor('server exit', () => (this.exited ? true : undefined), 5_000);
      } catch {
        this.child.kill('SIGKILL');
      }
    }
    this.connection.dispose();
  }
}
