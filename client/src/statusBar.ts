/**
 * Status bar item for the draft in the active editor: relationships covered on both sides out of
 * all enabled relationships, and the warning count. Clicking it shows the coverage view.
 */
import * as vscode from 'vscode';
import { Commands } from '../../shared/src/protocol';
import { scopeLines, scopeOut } from './presentation';
import type { CoverageModel, CoverageState } from './coverageModel';
import { coveredCount } from './presentation';

export class CoverageStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor(model: CoverageModel) {
    this.item = vscode.window.createStatusBarItem('policyReview.coverage', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Policy Review: Relationship Coverage');
    this.item.command = Commands.showCoverage;
    this.subscription = model.onDidChange((state) => this.render(state));
    this.render(model.state);
  }

  /** The text as currently shown; empty when hidden. */
  get text(): string {
    return this.visible ? this.item.text : '';
  }

  /** The tooltip as currently shown, as text. */
  get tooltipText(): string {
    if (!this.visible) return '';
    const t = this.item.tooltip;
    return typeof t === 'string' ? t : (t?.value ?? '');
  }

  private visible = false;

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }

  private render(state: CoverageState): void {
    this.item.backgroundColor = undefined;
    switch (state.kind) {
      case 'none':
        this.item.hide();
        this.visible = false;
        return;
      case 'loading':
        this.item.text = `$(sync~spin) ${vscode.l10n.t('Relationships')}`;
        this.item.tooltip = vscode.l10n.t('Policy Review is analysing this draft…');
        break;
      case 'error':
        this.item.text = `$(error) ${vscode.l10n.t('Relationships')}`;
        this.item.tooltip = vscode.l10n.t('Coverage could not be read: {0}', state.message);
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        break;
      case 'skipped':
        this.item.text = `$(circle-slash) ${vscode.l10n.t('Skipped')}`;
        this.item.tooltip = state.result.skippedReason ?? vscode.l10n.t('Policy Review skipped this document.');
        break;
      case 'ready': {
        const { result } = state;
        const { covered, total } = coveredCount(result);
        // A draft outside every framework's domain: say so rather than count relationships.
        const parts = [scopeOut(result) ? `$(circle-slash) ${vscode.l10n.t('Not applicable')}` : `$(checklist) ${vscode.l10n.t('Relationships {0}/{1}', covered, total)}`];
        if (result.problems.error > 0) parts.push(`✖ ${result.problems.error}`);
        parts.push(`⚠ ${result.problems.warning}`);
        this.item.text = parts.join(' · ');
        this.item.tooltip = this.tooltip(covered, total, result.problems, result.notice ? [...scopeLines(result), result.notice] : scopeLines(result));
        break;
      }
    }
    this.item.show();
    this.visible = true;
  }

  private tooltip(
    covered: number,
    total: number,
    problems: { error: number; warning: number; information: number },
    scope: string[],
  ): vscode.MarkdownString {
    const lines = [
      `**${vscode.l10n.t('Policy Review: Relationship Coverage')}**`,
      '',
      vscode.l10n.t('{0} of {1} relationships are discussed on both sides.', covered, total),
      '',
      vscode.l10n.t('Errors: {0} · Warnings: {1} · Information: {2}', problems.error, problems.warning, problems.information),
    ];
    for (const line of scope) lines.push('', line);
    lines.push('', vscode.l10n.t('Click to show the coverage view.'));
    const md = new vscode.MarkdownString(lines.join('\n'));
    md.supportThemeIcons = true;
    return md;
  }
}
