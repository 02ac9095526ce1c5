/**
 * How coverage is shown: status words, icons, counts. Shared by the status bar, the coverage view
 * and the insert QuickPick so the three say the same thing.
 */
import * as vscode from 'vscode';
import type { CoverageItem, CoverageResult } from '../../shared/src/protocol';

export type ItemStatus = CoverageItem['status'];

/** Status of an item as shown: its coverage status, or 'disabled'. */
export type ShownStatus = ItemStatus | 'disabled';

export function shownStatus(item: CoverageItem): ShownStatus {
  return item.enabled ? item.status : 'disabled';
}

/** A short status word for an item (an element is stated or not, a relationship discussed or not). */
export function itemStatusLabel(item: CoverageItem): string {
  const status = shownStatus(item);
  return status === 'missing' && item.kind === 'element' ? vscode.l10n.t('Not stated') : statusLabel(status);
}

/** A short status word. */
export function statusLabel(status: ShownStatus): string {
  switch (status) {
    case 'balanced':
      return vscode.l10n.t('Both sides covered');
    case 'unbalanced':
      return vscode.l10n.t('Unbalanced');
    case 'one-sided':
      return vscode.l10n.t('One side only');
    case 'partial':
      return vscode.l10n.t('Touched on');
    case 'missing':
      return vscode.l10n.t('Not discussed');
    case 'present':
      return vscode.l10n.t('Stated');
    case 'disabled':
      return vscode.l10n.t('Disabled');
  }
}

/** A sentence explaining the status, for tooltips. */
export function statusExplanation(item: CoverageItem): string {
  switch (shownStatus(item)) {
    case 'balanced':
      return vscode.l10n.t('The draft discusses both sides of this relationship.');
    case 'unbalanced':
      return vscode.l10n.t('Both sides are discussed, but one far less than the other.');
    case 'one-sided':
      return vscode.l10n.t('The draft discusses only one side of this relationship.');
    case 'partial':
      return vscode.l10n.t('One side is touched on, too little to judge the balance.');
    case 'missing':
      return item.kind === 'element'
        ? vscode.l10n.t('The draft does not state this element.')
        : vscode.l10n.t('The draft does not discuss this relationship.');
    case 'present':
      return vscode.l10n.t('The draft states this element.');
    case 'disabled':
      return vscode.l10n.t('Checking is turned off in the settings.');
  }
}

/** Codicon id and theme colour per status. */
export function statusIcon(status: ShownStatus): { id: string; color?: string } {
  switch (status) {
    case 'balanced':
    case 'present':
      return { id: 'pass', color: 'testing.iconPassed' };
    case 'unbalanced':
      return { id: 'info', color: 'problemsInfoIcon.foreground' };
    case 'one-sided':
      return { id: 'warning', color: 'problemsWarningIcon.foreground' };
    case 'partial':
      return { id: 'circle-large-outline' };
    case 'missing':
      return { id: 'circle-slash' };
    case 'disabled':
      return { id: 'circle-outline', color: 'disabledForeground' };
  }
}

export function themeIcon(status: ShownStatus): vscode.ThemeIcon {
  const icon = statusIcon(status);
  return new vscode.ThemeIcon(icon.id, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
}

/** Both sides' counts, e.g. `数据开放 5 · 数据安全 0`. */
export function sideCounts(item: CoverageItem): string {
  return item.sides.map((s) => `${s.label} ${s.count}`).join(' · ');
}

/** Order for the QuickPick: what needs writing first. */
export function urgency(item: CoverageItem): number {
  switch (shownStatus(item)) {
    case 'missing':
      return 0;
    case 'one-sided':
      return 1;
    case 'unbalanced':
    case 'partial':
      return 2;
    case 'balanced':
    case 'present':
      return 3;
    case 'disabled':
      return 4;
  }
}

/** Relationships covered on both sides, out of the enabled relationships. */
export function coveredCount(result: CoverageResult): { covered: number; total: number } {
  const rels = result.items.filter((i) => i.kind === 'relationship' && i.enabled);
  const covered = rels.filter((i) => i.status === 'balanced' || i.status === 'unbalanced').length;
  return { covered, total: rels.length };
}

/** Earliest first mention among an item's sides, if any. */
export function firstMention(item: CoverageItem): CoverageItem['sides'][number]['first'] {
  let best: CoverageItem['sides'][number]['first'];
  for (const side of item.sides) {
    const r = side.first;
    if (!r) continue;
    if (
      !best ||
      r.start.line < best.start.line ||
      (r.start.line === best.start.line && r.start.character < best.start.character)
    ) {
      best = r;
    }
  }
  return best;
}

/** Whether no framework applies to the draft (it is outside every framework's domain). */
export function scopeOut(result: CoverageResult): boolean {
  const scope = result.scope ?? [];
  return scope.length > 0 && scope.every((s) => s.status === 'out');
}

/**
 * What to say about where the frameworks apply, in the UI's language: why a framework does not
 * apply or applies to a part only, and how to ask for it anyway. With `onlyExceptions`, nothing
 * for a framework that applies to the whole draft.
 */
export function scopeLines(result: CoverageResult, onlyExceptions = false): string[] {
  const out: string[] = [];
  for (const s of result.scope ?? []) {
    // The server writes the reason in the editor's language.
    const reason = s.reason;
    if (s.status === 'out') {
      out.push(vscode.l10n.t('The {0} framework does not apply to this draft: {1}.', s.label, reason));
      out.push(vscode.l10n.t('To review it anyway, set policyReview.scope to "always" or add the comment <!-- policy-review-framework {0} --> to the draft.', s.pack));
    } else if (s.status === 'part') out.push(vscode.l10n.t('Only part of this draft is reviewed against the {0} framework: {1}.', s.label, reason));
    else if (!onlyExceptions) out.push(vscode.l10n.t('The {0} framework applies: {1}.', s.label, reason));
  }
  return out;
}
