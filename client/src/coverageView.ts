/**
 * Tree view `policyReview.coverage` (关系覆盖): one row per relationship and element of the draft
 * in the active editor, with a status icon and both sides' counts. Clicking a row reveals the
 * first mention.
 */
import * as vscode from 'vscode';
import { Commands, type CoverageItem } from '../../shared/src/protocol';
import type { CoverageModel, CoverageState } from './coverageModel';
import {
  scopeLines,
  firstMention,
  itemStatusLabel,
  shownStatus,
  sideCounts,
  statusExplanation,
  statusLabel,
  themeIcon,
} from './presentation';

export const COVERAGE_VIEW_ID = 'policyReview.coverage';

/** A row of the view: the coverage item and the document it belongs to. */
export interface CoverageNode {
  readonly uri: vscode.Uri;
  readonly item: CoverageItem;
}

/** What the view shows for a node (also returned by `policyReview.getCoverageViewState`). */
export interface CoverageRow {
  id: string;
  label: string;
  description: string;
  /** The server's status (balanced, one-sided, unbalanced, missing, present). */
  status: CoverageItem['status'];
}

export function coverageRow(item: CoverageItem): CoverageRow {
  const status = shownStatus(item);
  const counts = sideCounts(item);
  return {
    id: item.id,
    label: item.name,
    description: status === 'disabled' ? `${counts} · ${statusLabel(status)}` : counts,
    status: item.status,
  };
}

export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<CoverageNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly model: CoverageModel) {
    this.view = vscode.window.createTreeView(COVERAGE_VIEW_ID, { treeDataProvider: this, showCollapseAll: false });
    this.disposables.push(
      this.changed,
      this.view,
      model.onDidChange((state) => {
        this.updateMessage(state);
        this.changed.fire(undefined);
      }),
    );
    this.updateMessage(model.state);
  }

  /** Rows as currently shown. */
  /** The message shown above the rows, if any. */
  get message(): string {
    return this.view.message ?? '';
  }

  rows(): CoverageRow[] {
    return this.nodes().map((n) => coverageRow(n.item));
  }

  /** Shows the view (and its container). */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${COVERAGE_VIEW_ID}.focus`);
  }

  getChildren(element?: CoverageNode): CoverageNode[] {
    return element ? [] : this.nodes();
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const { item, uri } = node;
    const row = coverageRow(item);
    const status = shownStatus(item);
    const ti = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    ti.id = `${uri.toString()}#${item.id}`;
    ti.description = row.description;
    ti.iconPath = themeIcon(status);
    ti.contextValue = `${item.kind}.${status}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(item.name)}** — ${escapeMarkdown(itemStatusLabel(item))}\n\n`);
    tooltip.appendMarkdown(`${escapeMarkdown(statusExplanation(item))}\n\n`);
    tooltip.appendMarkdown(escapeMarkdown(sideCounts(item)));
    ti.tooltip = tooltip;
    ti.accessibilityInformation = { label: `${item.name}, ${itemStatusLabel(item)}, ${sideCounts(item)}` };
    const first = firstMention(item);
    if (first) {
      ti.command = {
        command: Commands.revealRange,
        title: vscode.l10n.t('Reveal First Mention'),
        arguments: [uri, first],
      };
    }
    return ti;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private nodes(): CoverageNode[] {
    const state = this.model.state;
    if (state.kind !== 'ready') return [];
    return state.result.items.map((item) => ({ uri: state.uri, item }));
  }

  private updateMessage(state: CoverageState): void {
    switch (state.kind) {
      case 'skipped':
        this.view.message = state.result.skippedReason ?? vscode.l10n.t('Policy Review skipped this document.');
        break;
      case 'error':
        this.view.message = vscode.l10n.t('Coverage could not be read: {0}', state.message);
        break;
      case 'ready':
        // Where a framework applies to the whole draft nothing needs saying; otherwise say why.
        this.view.message = scopeLines(state.result, true).join(' ') || undefined;
        break;
      default:
        this.view.message = undefined;
    }
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
