/**
 * Quick fixes for the server's own diagnostics: write the absent side, insert the relationship's
 * section, renumber headings, or disable a check for this document. Each fix is planned by the
 * core on the current version and sent as a versioned edit.
 */
import { t } from '../../shared/src/lang';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { planDisable, planRenumber, planSectionInsertion, planSideParagraph, type TextEditPlan } from '../../core/src';
import type { Finding } from '../../core/src/types';
import { toLspRange, toOffset } from '../../shared/src/positions';
import type { Snapshot } from './analysis';
import { SOURCE, absentSide, settingsKey, type DiagnosticData } from './diagnostics';
import { versionedEdit } from './edits';
import { isRelationship, sectionTitle } from './labels';

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Sections offered for the note on what is missing, at most. */
const MAX_NOTE_ACTIONS = 20;

/** The finding of the current analysis a diagnostic stands for. */
export function findingFor(snap: Snapshot, d: Diagnostic): Finding | undefined {
  const candidates = snap.result.findings.filter((f) => (f.relationship ?? f.rule ?? f.kind) === d.code);
  const exact = candidates.find((f) => sameRange(toLspRange(snap.doc, f.range), d.range));
  if (exact) return exact;
  // A diagnostic of this very version that was moved by nothing but a client quirk: trust its data.
  const data = d.data as DiagnosticData | undefined;
  if (data?.version === snap.version) {
    return candidates.find((f) => f.kind === data.kind && f.heading === data.heading);
  }
  return undefined;
}

/** The outline heading an outline finding is about. */
function headingOf(snap: Snapshot, f: Finding): number | undefined {
  if (f.heading !== undefined) return f.heading;
  const i = snap.result.outline.findIndex((h) => h.range.start <= f.range.start && f.range.start <= h.range.end);
  return i >= 0 ? i : undefined;
}

function action(snap: Snapshot, title: string, d: Diagnostic, plans: TextEditPlan[], preferred = false): CodeAction | undefined {
  if (!plans.length) return undefined;
  const a: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: versionedEdit(snap, plans) };
  if (preferred) a.isPreferred = true;
  return a;
}

function actionsFor(snap: Snapshot, d: Diagnostic, f: Finding): (CodeAction | undefined)[] {
  const { text, result, analyzer } = snap;
  const out: (CodeAction | undefined)[] = [];
  if (f.kind === 'outline') {
    const h = headingOf(snap, f);
    if (h !== undefined) {
      const title = f.expected
        ? t(`重新编号同级标题（此处应为“${f.expected}”）`, `Renumber sibling headings (expected “${f.expected}”)`)
        : t('重新编号同级标题', 'Renumber sibling headings');
      out.push(action(snap, title, d, planRenumber(text, result, h), true));
    }
    const id = f.rule ?? 'outline';
    out.push(action(snap, t(`在本文中停用“${id}”检查`, `Disable ${id} in this document`), d, planDisable(text, id)));
    return out;
  }
  if (f.relationships) {
    // The note on what is missing: a section for each relationship it lists (the first few), nearest the end.
    for (const id of f.relationships.slice(0, MAX_NOTE_ACTIONS)) {
      const def = analyzer.find(id);
      if (!def) continue;
      const title = sectionTitle(def);
      out.push(action(snap, t(`插入“${title}”一节`, `Insert a section “${title}”`), d, planSectionInsertion(text, result, def, text.length, snap.language === 'markdown')));
    }
    return out;
  }
  const def = f.relationship ? analyzer.find(f.relationship) : undefined;
  if (!def) return out;
  if (isRelationship(def)) {
    const heading = f.scope === 'section' ? f.heading : undefined;
    // A section that names the relationship but discusses neither side gets both paragraphs offered.
    const sides: (0 | 1)[] =
      f.kind === 'one-sided' || f.kind === 'unbalanced'
        ? [absentSide(f)].filter((s): s is 0 | 1 => s !== undefined)
        : f.kind === 'missing' && f.scope === 'section'
          ? [0, 1]
          : [];
    for (const side of sides) {
      const label = def.sides[side].label;
      out.push(action(snap, t(`补充“${label}”段落`, `Add a paragraph on ${label}`), d, planSideParagraph(text, result, def, side, heading), true));
    }
  }
  if (f.scope === 'document') {
    const title = sectionTitle(def);
    // Missing: after the last section at the right level; otherwise after the section of the mention.
    const offset = f.kind === 'missing' || f.kind === 'missing-element' ? text.length : toOffset(snap.doc, d.range.start);
    const plans = planSectionInsertion(text, result, def, offset, snap.language === 'markdown');
    const preferred = f.kind === 'missing' || f.kind === 'missing-element';
    out.push(action(snap, t(`插入“${title}”一节`, `Insert a section “${title}”`), d, plans, preferred));
  }
  const name = def.nameEn ?? def.name;
  out.push(action(snap, t(`在本文中停用“${def.name}”检查`, `Disable ${name} in this document`), d, planDisable(text, settingsKey(f))));
  return out;
}

export function codeActions(snap: Snapshot, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) {
    return [];
  }
  const out: CodeAction[] = [];
  const titles = new Set<string>();
  for (const d of params.context.diagnostics) {
    if (d.source !== SOURCE) continue;
    const f = findingFor(snap, d);
    if (!f) continue;
    for (const a of actionsFor(snap, d, f)) {
      if (!a || titles.has(a.title)) continue;
      titles.add(a.title);
      out.push(a);
    }
  }
  return out;
}
