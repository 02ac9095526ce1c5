/**
 * Helpers for the in-host suite: open fixture drafts, wait (bounded, on events) for diagnostics,
 * describe what was observed when an assertion fails, and read the built-in rule packs so that
 * expectations follow the rules rather than copies of their text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadRelationship, loadRelationships, type RelationshipRule } from '../lib/rules';

export const EXTENSION_ID = 'policy-review.policy-review';
export const SOURCE = 'policy-review';

/** Bounded waits, in milliseconds. The first analysis includes the server start and dictionary load. */
export const FIRST_ANALYSIS_MS = 60_000;
export const UPDATE_MS = 30_000;

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`扩展 ${EXTENSION_ID} 未加载 / extension ${EXTENSION_ID} is not loaded`);
  if (!ext.isActive) await ext.activate();
  return ext;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('没有打开工作区 / no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Opens a fixture draft of the workspace in an editor. */
export async function openDraft(name: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Our diagnostics (source policy-review) for a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** "code L3:5-L3:9 «text» message" per diagnostic, for failure messages. */
export function describeDiagnostics(doc: vscode.TextDocument, ds: readonly vscode.Diagnostic[]): string {
  if (ds.length === 0) return '(none)';
  return ds
    .map((d) => {
      const r = d.range;
      return `  ${codeOf(d)} L${r.start.line + 1}:${r.start.character}-L${r.end.line + 1}:${r.end.character} «${doc.getText(r).slice(0, 30)}» ${d.message.slice(0, 80)}`;
    })
    .join('\n');
}

/**
 * Resolves with our diagnostics once `holds` is true for them, re-checking on every
 * languages.onDidChangeDiagnostics for the document; rejects after timeoutMs with what was seen.
 */
export function waitForDiagnostics(
  doc: vscode.TextDocument,
  holds: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = UPDATE_MS,
): Promise<vscode.Diagnostic[]> {
  const key = doc.uri.toString();
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (ds?: vscode.Diagnostic[]) => {
      if (done) return;
      done = true;
      sub.dispose();
      clearTimeout(timer);
      if (ds) resolve(ds);
      else reject(new Error(`${what}: ${timeoutMs / 1000} 秒内未出现 / not seen within ${timeoutMs / 1000}s; diagnostics now:\n${describeDiagnostics(doc, ours(doc.uri))}`));
    };
    const check = () => {
      const ds = ours(doc.uri);
      if (holds(ds)) finish(ds);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => finish(), timeoutMs);
    check();
  });
}

/** Resolves with the next diagnostics change of the document (after `action` ran). */
export async function nextDiagnostics(doc: vscode.TextDocument, action: () => Thenable<unknown>, what: string, timeoutMs = UPDATE_MS): Promise<vscode.Diagnostic[]> {
  let changed = false;
  const key = doc.uri.toString();
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === key)) changed = true;
  });
  try {
    await action();
    return await waitForDiagnostics(doc, () => changed, what, timeoutMs);
  } finally {
    sub.dispose();
  }
}

/** Resolves when the document's text satisfies `holds` (on onDidChangeTextDocument), bounded. */
export function waitForText(doc: vscode.TextDocument, holds: (text: string) => boolean, what: string, timeoutMs = UPDATE_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      sub.dispose();
      clearTimeout(timer);
      if (ok) resolve(doc.getText());
      else reject(new Error(`${what}: ${timeoutMs / 1000} 秒内文本未变化 / text did not change within ${timeoutMs / 1000}s; text now:\n${doc.getText()}`));
    };
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && holds(doc.getText())) finish(true);
    });
    const timer = setTimeout(() => finish(false), timeoutMs);
    if (holds(doc.getText())) finish(true);
  });
}

/** Polls a value until it satisfies `holds` (for state without an event), bounded. */
export async function poll<T>(get: () => Thenable<T> | T, holds: (v: T) => boolean, what: string, timeoutMs = UPDATE_MS): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await get();
  while (!holds(last)) {
    if (Date.now() > end) throw new Error(`${what}: ${timeoutMs / 1000} 秒内未满足 / not met within ${timeoutMs / 1000}s; last value: ${JSON.stringify(last)?.slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await get();
  }
  return last;
}

/** Applies one WorkspaceEdit and checks it was accepted. */
export async function applyEdit(build: (e: vscode.WorkspaceEdit) => void): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  build(edit);
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) throw new Error('WorkspaceEdit 被拒绝 / WorkspaceEdit was rejected');
}

/** Replaces the whole text (used to restore a fixture between tests). */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  if (doc.getText() === text) return;
  await applyEdit((e) => e.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
}

/** Position just after the first occurrence of `needle` (from `from`), or throws. */
export function positionAfter(doc: vscode.TextDocument, needle: string, from = 0): vscode.Position {
  const i = doc.getText().indexOf(needle, from);
  if (i < 0) throw new Error(`文本中没有 “${needle}” / “${needle}” not in ${path.basename(doc.uri.path)}`);
  return doc.positionAt(i + needle.length);
}

export function positionOf(doc: vscode.TextDocument, needle: string, from = 0): vscode.Position {
  const i = doc.getText().indexOf(needle, from);
  if (i < 0) throw new Error(`文本中没有 “${needle}” / “${needle}” not in ${path.basename(doc.uri.path)}`);
  return doc.positionAt(i);
}

/** Plain text of hover contents (Markdown escapes removed). */
export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()<>|#+\-.!])/g, '$1');
}

export function itemLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function itemInsertText(item: vscode.CompletionItem): string {
  const t = item.insertText;
  if (t === undefined) return itemLabel(item);
  return typeof t === 'string' ? t : t.value;
}

// ---- rule packs ----------------------------------------------------------------------------

export type { RelationshipRule };

function extensionRoot(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`扩展 ${EXTENSION_ID} 未加载 / extension not loaded`);
  return ext.extensionPath;
}

/** Relationships of the built-in rule packs shipped in the extension's rules/ folder. */
export function builtinRelationships(): Map<string, RelationshipRule> {
  return loadRelationships(extensionRoot());
}

export function relationship(id: string): RelationshipRule {
  return loadRelationship(extensionRoot(), id);
}

// ---- the client's test hook ----------------------------------------------------------------

/**
 * Waits until the server has analysed a draft that may have no diagnostic at all: the hover on one
 * of its aliases answers only from an analysis of the document.
 */
export async function waitForAnalysis(doc: vscode.TextDocument, alias: string, timeoutMs = FIRST_ANALYSIS_MS): Promise<void> {
  const pos = positionOf(doc, alias).translate(0, 1);
  await poll(
    () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos),
    (hs) => !!hs && hs.length > 0 && hoverText(hs).length > 0,
    `analysis of ${doc.uri.path.split('/').pop()}`,
    timeoutMs,
  );
}

export interface CoverageViewState {
  statusText: string;
  statusTooltip: string;
  message: string;
  items: { id: string; label: string; description: string; status: string }[];
}

export async function coverageViewState(): Promise<CoverageViewState> {
  return (await vscode.commands.executeCommand<CoverageViewState>('policyReview.getCoverageViewState')) ?? { statusText: '', statusTooltip: '', message: '', items: [] };
}

// ---- the language server process -----------------------------------------------------------

/** Pids of the language servers started by this extension host (children running dist/server.js). */
export function serverPids(): number[] {
  const found: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (/dist[/\\]server\.js/.test(cmdline)) found.push(Number(name));
    } catch {
      /* gone */
    }
  }
  return found;
}

/** Whether a native module whose file name matches `re` is mapped into a language server process. */
export function serverHasLoaded(re: RegExp): boolean {
  return serverPids().some((pid) => {
    try {
      return re.test(fs.readFileSync(`/proc/${pid}/maps`, 'utf8'));
    } catch {
      return false;
    }
  });
}
