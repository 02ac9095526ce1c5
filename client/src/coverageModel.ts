/**
 * The coverage of the draft in the active editor, fetched from the server with
 * `policyReview/coverage` and refreshed on `policyReview/coverageChanged`. The status bar and the
 * coverage view both render this one state.
 */
import * as vscode from 'vscode';
import type { CoverageResult } from '../../shared/src/protocol';
import type { PolicyReviewClient } from './languageClient';

export type CoverageState =
  /** No reviewed draft is shown. */
  | { kind: 'none' }
  /** Waiting for the server's first answer for this document. */
  | { kind: 'loading'; uri: vscode.Uri }
  | { kind: 'ready'; uri: vscode.Uri; result: CoverageResult }
  /** The server skipped the document (too large, binary…). */
  | { kind: 'skipped'; uri: vscode.Uri; result: CoverageResult }
  | { kind: 'error'; uri: vscode.Uri; message: string };

/** Context key for `viewsWelcome` and menus: the kind of the current state. */
const STATE_CONTEXT_KEY = 'policyReview.coverageState';

export class CoverageModel implements vscode.Disposable {
  private current: CoverageState = { kind: 'none' };
  /** Bumped on every fetch so a slow answer never overwrites a newer one. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<CoverageState>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: PolicyReviewClient) {
    this.disposables.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        // The language of the active document may change (e.g. plaintext → markdown).
        if (doc === vscode.window.activeTextEditor?.document) this.follow();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.uri?.toString() === doc.uri.toString()) this.follow();
      }),
      client.onDidChangeCoverage((params) => {
        const uri = this.uri;
        if (uri && this.sameDocument(uri, params.uri)) void this.refresh();
      }),
      client.onDidStart(() => this.follow(true)),
    );
    this.follow();
  }

  get state(): CoverageState {
    return this.current;
  }

  /** The document whose coverage is shown. */
  get uri(): vscode.Uri | undefined {
    return this.current.kind === 'none' ? undefined : this.current.uri;
  }

  /** Shows the active editor's draft; keeps the last draft while no text editor has focus. */
  follow(force = false): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      const uri = this.uri;
      const stillOpen = uri && vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
      if (!stillOpen) this.set({ kind: 'none' });
      else if (force) void this.refresh();
      return;
    }
    const doc = editor.document;
    if (!this.client.isReviewed(doc)) {
      this.generation++;
      this.set({ kind: 'none' });
      return;
    }
    if (!force && this.uri?.toString() === doc.uri.toString()) return;
    this.set({ kind: 'loading', uri: doc.uri });
    void this.refresh();
  }

  /** Fetches the coverage of the shown document again. */
  async refresh(): Promise<void> {
    const uri = this.uri;
    if (!uri) return;
    const generation = ++this.generation;
    let next: CoverageState;
    try {
      const result = await this.client.coverage(uri);
      if (!result) {
        // Not running yet, or the server has not analysed the document: a notification follows.
        if (this.current.kind === 'ready' || this.current.kind === 'skipped') return;
        next = { kind: 'loading', uri };
      } else {
        next = result.reviewed ? { kind: 'ready', uri, result } : { kind: 'skipped', uri, result };
      }
    } catch (err) {
      next = { kind: 'error', uri, message: err instanceof Error ? err.message : String(err) };
    }
    if (generation !== this.generation || this.uri?.toString() !== uri.toString()) return;
    this.set(next);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private set(state: CoverageState): void {
    this.current = state;
    void vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, state.kind);
    this.changed.fire(state);
  }

  private sameDocument(uri: vscode.Uri, protocolUri: string): boolean {
    if (uri.toString() === protocolUri) return true;
    try {
      return vscode.Uri.parse(protocolUri).toString() === uri.toString();
    } catch {
      return false;
    }
  }
}
