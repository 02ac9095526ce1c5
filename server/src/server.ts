/**
 * Connection setup: capabilities, document sync and the wiring of every handler to the pieces
 * that do the work. Each handler is guarded: an exception is logged and answered with an empty
 * result, so no document text can bring the server down.
 */
import { setLocale, t } from '../../shared/src/lang';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import {
  CoverageChangedNotification,
  CoverageRequest,
  type CoverageChangedParams,
  type CoverageParams,
  type CoverageResult,
} from '../../shared/src/protocol';
import { toOffset } from '../../shared/src/positions';
import { AnalysisService, type Outcome, type Snapshot } from './analysis';
import { AnalyzerHost, type PackContext } from './analyzers';
import { codeActions } from './codeActions';
import { advertisedCommands, executeCommand } from './commands';
import { TRIGGER_CHARACTERS, completions } from './completion';
import { coverageOf } from './coverage';
import { toDiagnostics } from './diagnostics';
import { ClampedTextDocument } from './documents';
import { hoverAt } from './hover';
import { SECTION, SettingsStore } from './settings';
import { documentSymbols, foldingRanges } from './symbols';

export const SERVER_NAME = 'policy-review';

export interface StartOptions {
  /** A connection to use instead of one picked from the command line (--stdio, --node-ipc, …). */
  connection?: Connection;
  /** Folder of the built-in rule packs; defaults to rules/ next to dist/. */
  builtinRulesDir?: string;
}

interface InitOptions {
  clientHandlesCommands?: boolean;
  trustedWorkspace?: boolean;
  /** The language to speak, when the client does not send `locale` (e.g. "en"). */
  locale?: string;
  settings?: unknown;
}

function fsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Starts the language server on the given connection or on the transport named in process.argv. */
export function startServer(options: StartOptions = {}): Connection {
  const connection = options.connection ?? createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(ClampedTextDocument);
  const log = (message: string): void => connection.console.log(message);
  const logError = (message: string): void => connection.console.error(message);
  const show = (type: MessageType, message: string): void =>
    void connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined);

  let folders: WorkspaceFolder[] = [];
  let settings = new SettingsStore({ log }, undefined);
  let host: AnalyzerHost | undefined;
  let pushSupported = false;
  const seen = new Set<string>();
  const published = new Set<string>();
  const skipNoticeShown = new Map<string, string>();

  /** Runs a handler; any exception (but a deliberate ResponseError) is logged and answered with `fallback`. */
  function guard<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
    return async (...args: P) => {
      try {
        return await fn(...args);
      } catch (err) {
        if (err instanceof ResponseError) throw err;
        const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
        logError(t(`${name} 出错：${detail}`, `${name} failed: ${detail}`));
        return fallback;
      }
    };
  }

  function packContext(uri: string): PackContext {
    let best: WorkspaceFolder | undefined;
    for (const f of folders) {
      const prefix = f.uri.endsWith('/') ? f.uri : `${f.uri}/`;
      if ((uri.startsWith(prefix) || uri === f.uri) && (!best || f.uri.length > best.uri.length)) best = f;
    }
    const folder = fsPath((best ?? folders[0])?.uri ?? '');
    const file = fsPath(uri);
    return { folder, documentDir: file ? path.dirname(file) : undefined };
  }

  const analysis = new AnalysisService({
    getDocument: (uri) => documents.get(uri),
    getSettings: (uri) => settings.get(uri),
    settingsEpoch: () => settings.epoch,
    getAnalyzer: (uri, s) => host?.get(s, packContext(uri)),
    publish,
    log: logError,
  });

  function publish(outcome: Outcome): void {
    const { uri, version } = outcome;
    if (outcome.kind === 'skipped') {
      if (outcome.reason === 'too-large' || outcome.reason === 'binary') {
        if (skipNoticeShown.get(uri) !== outcome.reason) {
          skipNoticeShown.set(uri, outcome.reason);
          show(MessageType.Info, outcome.message);
        }
      } else skipNoticeShown.delete(uri);
      // Documents never reviewed need no empty diagnostics nor coverage updates.
      if (outcome.reason === 'language' && !published.has(uri)) return;
    } else skipNoticeShown.delete(uri);
    const diagnostics = outcome.kind === 'reviewed' ? toDiagnostics(outcome) : [];
    published.add(uri);
    void connection.sendDiagnostics({ uri, version, diagnostics });
    const params: CoverageChangedParams = { uri, version };
    void connection.sendNotification(CoverageChangedNotification, params);
  }

  /** The reviewed snapshot of a document's current version, if it is reviewed. */
  async function snapshot(uri: string): Promise<Snapshot | undefined> {
    const outcome = await analysis.current(uri);
    return outcome?.kind === 'reviewed' ? outcome : undefined;
  }

  function reanalyseAll(): void {
    analysis.clearCache();
    for (const doc of documents.all()) analysis.schedule(doc.uri, true);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitOptions;
    // Everything the server says is in the client's language (initializationOptions.locale overrides).
    setLocale(typeof init.locale === 'string' ? init.locale : params.locale);
    const caps = params.capabilities;
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: path.basename(params.rootUri) }] : []);
    const pull = caps.workspace?.configuration === true;
    pushSupported = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    settings = new SettingsStore(
      {
        log,
        fetch: pull ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }) : undefined,
      },
      init.settings,
    );
    host = new AnalyzerHost({
      builtinRulesDir: options.builtinRulesDir ?? path.join(__dirname, '..', 'rules'),
      // Workspace packs load only when the client says the workspace is trusted.
      trustedWorkspace: init.trustedWorkspace === true,
      log,
      showError: (message) => show(MessageType.Error, message),
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
        executeCommandProvider: { commands: advertisedCommands(init.clientHandlesCommands === true) },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME },
    };
  });

  connection.onInitialized(
    guard('initialized', undefined, async () => {
      if (pushSupported) await connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION });
      if (folders.length) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)), ...e.added];
          host?.clear();
          reanalyseAll();
        });
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guard('didChangeConfiguration', undefined, (params) => {
      settings.changed(params.settings);
      host?.clear();
      reanalyseAll();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard('didChangeWatchedFiles', undefined, () => {
      // A rule pack may have been edited: read the packs again, and report their problems again.
      host?.clear();
      host?.resetShownErrors();
      reanalyseAll();
    }),
  );

  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    const first = !seen.has(uri);
    seen.add(uri);
    analysis.schedule(uri, first);
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    seen.delete(uri);
    skipNoticeShown.delete(uri);
    analysis.forget(uri);
    settings.forget(uri);
    if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover(
    guard('hover', null, async (params) => {
      const snap = await snapshot(params.textDocument.uri);
      return snap ? hoverAt(snap, toOffset(snap.doc, params.position)) : null;
    }),
  );

  connection.onCompletion(
    guard('completion', [], async (params) => {
      const snap = await snapshot(params.textDocument.uri);
      return snap ? completions(snap, toOffset(snap.doc, params.position)) : [];
    }),
  );

  connection.onCodeAction(
    guard('codeAction', [], async (params) => {
      const snap = await snapshot(params.textDocument.uri);
      return snap ? codeActions(snap, params) : [];
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', [], async (params) => {
      const snap = await snapshot(params.textDocument.uri);
      return snap ? documentSymbols(snap) : [];
    }),
  );

  connection.onFoldingRanges(
    guard('foldingRange', [], async (params) => {
      const snap = await snapshot(params.textDocument.uri);
      return snap ? foldingRanges(snap) : [];
    }),
  );

  connection.onExecuteCommand(
    guard('executeCommand', null, (params) =>
      executeCommand(
        { current: (uri) => analysis.current(uri), applyEdit: (p) => connection.workspace.applyEdit(p), log: logError },
        params.command,
        params.arguments,
      ),
    ),
  );

  connection.onRequest(
    CoverageRequest,
    guard('coverage', null as CoverageResult | null, async (params: CoverageParams) => {
      const outcome = await analysis.current(params.uri);
      if (!outcome) return null;
      const result = coverageOf(outcome);
      return host?.fallbackNotice ? { ...result, notice: host.fallbackNotice } : result;
    }),
  );

  connection.onShutdown(() => analysis.dispose());

  documents.listen(connection);
  connection.listen();
  return connection;
}
