/**
 * Owns the language client: starts the server (dist/server.js over IPC), restarts it when the
 * document selector or workspace trust changes, and exposes the custom coverage messages.
 */
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  CoverageChangedNotification,
  CoverageRequest,
  type CoverageChangedParams,
  type CoverageParams,
  type CoverageResult,
} from '../../shared/src/protocol';
import { REVIEWED_SCHEMES, SECTION, isReviewedDocument, readSettings, reviewedLanguageIds } from './configuration';

const CLIENT_ID = 'policyReview';

/** Options the server reads from `initialize`. */
export interface PolicyReviewInitializationOptions {
  /** The client wraps the insert commands, so the server registers them as `policyReview.server.*`. */
  clientHandlesCommands: true;
  /** False in restricted mode: the server then loads no workspace rule packs. */
  trustedWorkspace: boolean;
  settings: ReturnType<typeof readSettings>;
}

export class PolicyReviewClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient | undefined> | undefined;
  private disposed = false;
  private languageIds: string[] = reviewedLanguageIds();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly clientDisposables: vscode.Disposable[] = [];

  private readonly coverageChanged = new vscode.EventEmitter<CoverageChangedParams>();
  /** The server published a new analysis for a document. */
  readonly onDidChangeCoverage = this.coverageChanged.event;

  private readonly restarted = new vscode.EventEmitter<void>();
  /** A (re)started server is ready: cached coverage is stale. */
  readonly onDidStart = this.restarted.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.coverageChanged,
      this.restarted,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`${SECTION}.languageIds`)) return;
        const next = reviewedLanguageIds();
        if (next.join('\u0000') === this.languageIds.join('\u0000')) return;
        this.languageIds = next;
        void this.restart();
      }),
      // Rule packs from the workspace load only once the workspace is trusted.
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.restart()),
    );
  }

  /** Reviewed language ids (from `policyReview.languageIds`). */
  get reviewedLanguageIds(): readonly string[] {
    return this.languageIds;
  }

  isReviewed(doc: vscode.TextDocument): boolean {
    return isReviewedDocument(doc, this.languageIds);
  }

  /** Starts the server once; later calls wait for the same start (or restart). */
  start(): Promise<LanguageClient | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    this.starting ??= this.create();
    return this.starting;
  }

  /** Stops the running server and starts a new one; callers meanwhile wait for the new one. */
  async restart(): Promise<void> {
    if (this.disposed) return;
    const previous = this.starting;
    this.starting = (async () => {
      await previous?.catch(() => undefined);
      await this.stopClient();
      return this.disposed ? undefined : this.create();
    })();
    await this.starting;
  }

  /** Coverage of one open document, or undefined when the server is not running. */
  async coverage(uri: vscode.Uri): Promise<CoverageResult | undefined> {
    const client = await this.start();
    if (!client || client.state !== State.Running) return undefined;
    const params: CoverageParams = { uri: client.code2ProtocolConverter.asUri(uri) };
    return client.sendRequest<CoverageResult>(CoverageRequest, params);
  }

  /** Runs a server-side command through workspace/executeCommand. */
  async executeServerCommand(command: string, args: unknown[]): Promise<unknown> {
    const client = await this.start();
    if (!client) throw new Error(vscode.l10n.t('The Policy Review server is not running.'));
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** The protocol form of a URI, as the server knows the document. */
  async protocolUri(uri: vscode.Uri): Promise<string> {
    const client = await this.start();
    return client ? client.code2ProtocolConverter.asUri(uri) : uri.toString();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
    const pending = this.starting;
    this.starting = undefined;
    await pending?.catch(() => undefined);
    await this.stopClient();
  }

  private async create(): Promise<LanguageClient | undefined> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const documentSelector = this.languageIds.flatMap((language) =>
      REVIEWED_SCHEMES.map((scheme) => ({ scheme, language })),
    );
    const packWatcher = vscode.workspace.createFileSystemWatcher('**/{*.policy-rules.{json,yaml,yml},rules/*.{json,yaml,yml}}');
    this.clientDisposables.push(packWatcher);
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      outputChannel: this.output,
      synchronize: {
        configurationSection: SECTION,
        // Editing a workspace rule pack takes effect without a settings change.
        fileEvents: packWatcher,
      },
      // A function, so a restart after the trust grant sends the current trust and settings.
      initializationOptions: (): PolicyReviewInitializationOptions => ({
        clientHandlesCommands: true,
        trustedWorkspace: vscode.workspace.isTrusted,
        settings: readSettings(),
      }),
    };
    const client = new LanguageClient(CLIENT_ID, vscode.l10n.t('Policy Review Server'), serverOptions, clientOptions);
    this.clientDisposables.push(
      client.onNotification(CoverageChangedNotification, (params: CoverageChangedParams) =>
        this.coverageChanged.fire(params),
      ),
      // Also after the client restarts a crashed server on its own.
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.restarted.fire();
      }),
    );
    this.client = client;
    try {
      await client.start();
    } catch {
      // The client has logged the error and shown a notification; `restartServer` retries.
      return undefined;
    }
    return client;
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const d of this.clientDisposables.splice(0)) d.dispose();
    if (!client) return;
    try {
      if (client.isRunning()) await client.stop();
      await client.dispose();
    } catch (err) {
      this.output.warn(String(err));
    }
  }
}
