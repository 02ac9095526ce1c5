/**
 * Client-side commands: insert a relationship section (QuickPick, then the server's command),
 * show the coverage view, restart the server, reveal a range, and the view state for tests.
 */
import * as vscode from 'vscode';
import { Commands, ServerCommands, type CoverageItem } from '../../shared/src/protocol';
import type { CoverageNode, CoverageRow, CoverageTreeProvider } from './coverageView';
import type { PolicyReviewClient } from './languageClient';
import { itemStatusLabel, shownStatus, sideCounts, statusIcon, urgency } from './presentation';
import type { CoverageStatusBar } from './statusBar';

/** Command ids owned by the client only (not in shared/src/protocol.ts). */
export const ClientCommands = {
  restartServer: 'policyReview.restartServer',
  /** For editor tests: what the status bar and the coverage view show now. */
  getCoverageViewState: 'policyReview.getCoverageViewState',
} as const;

/** Result of `policyReview.getCoverageViewState`. */
export interface CoverageViewState {
  statusText: string;
  statusTooltip: string;
  /** The coverage view's message (why a framework does not apply, or applies to a part). */
  message: string;
  items: CoverageRow[];
}

interface Position {
  line: number;
  character: number;
}

export interface CommandDeps {
  client: PolicyReviewClient;
  view: CoverageTreeProvider;
  statusBar: CoverageStatusBar;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { client, view, statusBar } = deps;
  return [
    vscode.commands.registerCommand(Commands.insertRelationshipSection, (...args: unknown[]) =>
      insertRelationshipSection(client, args),
    ),
    vscode.commands.registerCommand(Commands.showCoverage, () => view.reveal()),
    vscode.commands.registerCommand(Commands.revealRange, (uri: unknown, range: unknown) => revealRange(uri, range)),
    vscode.commands.registerCommand(ClientCommands.restartServer, () =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Restarting the Policy Review server…') },
        () => client.restart(),
      ),
    ),
    vscode.commands.registerCommand(
      ClientCommands.getCoverageViewState,
      (): CoverageViewState => ({ statusText: statusBar.text, statusTooltip: statusBar.tooltipText, message: view.message, items: view.rows() }),
    ),
  ];
}

/**
 * `(uri?, position?, id?)`: any argument left out is taken from the active editor or asked with a
 * QuickPick. Called from the coverage view's context menu, the argument is the row.
 */
async function insertRelationshipSection(client: PolicyReviewClient, args: unknown[]): Promise<unknown> {
  let uri: vscode.Uri | undefined;
  let position: Position | undefined;
  let id: string | undefined;
  const [first, second, third] = args;
  if (isCoverageNode(first)) {
    uri = first.uri;
    id = first.item.id;
  } else {
    uri = toUri(first);
    position = toPosition(second);
    id = typeof third === 'string' && third.length > 0 ? third : undefined;
  }

  if (!uri) {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !client.isReviewed(editor.document)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Open a policy draft (a reviewed language such as plain text or Markdown) first.'),
      );
      return undefined;
    }
    uri = editor.document.uri;
  }

  const doc = await vscode.workspace.openTextDocument(uri);
  if (!position) {
    // Insert where the user is working: the cursor of the editor showing the draft.
    const editor =
      vscode.window.activeTextEditor?.document === doc
        ? vscode.window.activeTextEditor
        : await vscode.window.showTextDocument(doc);
    const active = editor.selection.active;
    position = { line: active.line, character: active.character };
  }

  if (!id) {
    id = await pickRelationship(client, uri);
    if (!id) return undefined;
  }

  try {
    return await client.executeServerCommand(ServerCommands.insertRelationshipSection, [
      await client.protocolUri(doc.uri),
      position,
      id,
    ]);
  } catch (err) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Could not insert the section: {0}', err instanceof Error ? err.message : String(err)),
    );
    return undefined;
  }
}

interface RelationshipPick extends vscode.QuickPickItem {
  id: string;
}

/** QuickPick of the draft's relationships and elements, what still needs writing first. */
async function pickRelationship(client: PolicyReviewClient, uri: vscode.Uri): Promise<string | undefined> {
  let items: CoverageItem[];
  try {
    const result = await client.coverage(uri);
    if (!result || !result.reviewed) {
      void vscode.window.showWarningMessage(
        result?.skippedReason ?? vscode.l10n.t('Policy Review has no coverage for this document yet.'),
      );
      return undefined;
    }
    items = result.items.filter((i) => i.enabled);
  } catch (err) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Coverage could not be read: {0}', err instanceof Error ? err.message : String(err)),
    );
    return undefined;
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No relationships are enabled.'));
    return undefined;
  }
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => urgency(a.item) - urgency(b.item) || a.index - b.index)
    .map(({ item }) => item);
  const picks: RelationshipPick[] = sorted.map((item) => ({
    id: item.id,
    label: `$(${statusIcon(shownStatus(item)).id}) ${item.name}`,
    description: itemStatusLabel(item),
    detail: sideCounts(item),
  }));
  const picked = await vscode.window.showQuickPick(picks, {
    title: vscode.l10n.t('Insert Relationship Section'),
    placeHolder: vscode.l10n.t('Choose the relationship to write a section about (uncovered ones first)'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.id;
}

/** `[uri, range]`: opens the document and selects the range (LSP or vscode range). */
async function revealRange(uriArg: unknown, rangeArg: unknown): Promise<void> {
  const uri = toUri(uriArg);
  if (!uri) return;
  const start = toPosition(isObject(rangeArg) ? rangeArg.start : undefined) ?? { line: 0, character: 0 };
  const end = toPosition(isObject(rangeArg) ? rangeArg.end : undefined) ?? start;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCoverageNode(value: unknown): value is CoverageNode {
  return isObject(value) && value.uri instanceof vscode.Uri && isObject(value.item) && typeof value.item.id === 'string';
}

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value.length > 0) return vscode.Uri.parse(value);
  return undefined;
}

function toPosition(value: unknown): Position | undefined {
  if (value instanceof vscode.Position) return { line: value.line, character: value.character };
  if (isObject(value) && typeof value.line === 'number' && typeof value.character === 'number') {
    return { line: value.line, character: value.character };
  }
  return undefined;
}
