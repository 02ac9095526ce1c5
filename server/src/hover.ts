/** Hover on an alias mention or on a heading that names a relationship. */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Coverage, ElementCoverage, ElementDef, Mention, RelationshipDef, SetAside } from '../../core/src/types';
import { setAsideReason } from '../../core/src/messages';
import { lang, t } from '../../shared/src/lang';
import { toLspRange } from '../../shared/src/positions';
import type { Snapshot } from './analysis';
import { isRelationship, nameOf, statusLabel } from './labels';

/** The mention whose range holds the offset (mentions are sorted by offset). */
export function mentionAt<T extends Mention>(mentions: T[], offset: number): T | undefined {
  let lo = 0;
  let hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (m.range.end <= offset) lo = mid + 1;
    else if (m.range.start > offset) hi = mid - 1;
    else return m;
  }
  return undefined;
}

/** Text safe inside Markdown (and a table cell). */
function md(s: string): string {
  return s.replace(/([\\`*_{}[\]<>|#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

/** Words as written in the draft (a Traditional draft shows its own characters), with counts. */
function tally(text: string, ranges: { start: number; end: number }[], label: (written: string) => string = (w) => w): string {
  const counts = new Map<string, number>();
  for (const r of ranges) {
    const w = label(text.slice(r.start, r.end));
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([w, n]) => `${md(w)} ×${n}`).join('、');
}

/** What counted for each side and what was set aside, and why. */
function evidenceMarkdown(def: RelationshipDef, cov: Coverage, text: string): string[] {
  const lines: string[] = ['', `**${t('依据', 'Evidence')}**`, ''];
  def.sides.forEach((side, i) => {
    const counted = tally(text, cov.mentions[i]);
    lines.push(`- ${md(side.label)}：${counted || '—'}`);
  });
  const aside = new Map<string, SetAside[]>();
  for (const m of cov.setAside) {
    const k = setAsideReason(m.reason, lang());
    aside.set(k, [...(aside.get(k) ?? []), m]);
  }
  for (const [reason, ms] of aside) lines.push(t(`- 未计入（${md(reason)}）：`, `- set aside (${md(reason)}): `) + tally(text, ms.map((m) => m.range)));
  return lines;
}

/** The heading of a hover: the name and explanation in the client's language, and the source as written. */
function head(def: RelationshipDef | ElementDef): string[] {
  const lines: string[] = [`**${md(nameOf(def))}**  \`${def.id}\``, ''];
  lines.push(md(lang() === 'en' ? (def.explanationEn ?? def.explanation) : def.explanation));
  if (def.source) lines.push('', `> ${md(def.source)}`);
  return lines;
}

function relationshipMarkdown(def: RelationshipDef, cov: Coverage | undefined, text = ''): string {
  const lines = head(def);
  lines.push('', t('| 方面 | 说法 | 本文 |', '| Side | Aliases | This document |'), '|---|---|---|');
  def.sides.forEach((side, i) => {
    const count = cov?.sides[i]?.count ?? 0;
    lines.push(`| ${md(side.label)} | ${side.aliases.map(md).join('、')} | ${count} |`);
  });
  lines.push('', `${t('状态：', 'Status: ')}${cov ? statusLabel(cov.status) : '—'}`);
  if (cov && text) lines.push(...evidenceMarkdown(def, cov, text));
  return lines.join('\n');
}

function elementMarkdown(def: ElementDef, cov: ElementCoverage | undefined): string {
  const lines = head(def);
  lines.push('', `${t('说法：', 'Aliases: ')}${def.aliases.map(md).join('、')}`);
  lines.push('', `${t('本文提及：', 'Mentions in this document: ')}${cov?.count ?? 0}`);
  lines.push('', `${t('状态：', 'Status: ')}${cov ? statusLabel(cov.status) : '—'}`);
  return lines.join('\n');
}

/** Hover Markdown for a relationship or element id, with this document's live counts. */
export function describe(snap: Snapshot, id: string): string | undefined {
  const def = snap.analyzer.find(id);
  if (!def) return undefined;
  if (isRelationship(def)) {
    return relationshipMarkdown(def, snap.result.coverage.find((c) => c.relationship === id), snap.text);
  }
  return elementMarkdown(def, snap.result.elements.find((e) => e.element === id));
}

export function hoverAt(snap: Snapshot, offset: number): Hover | null {
  const { result, doc } = snap;
  const mention = mentionAt(result.mentions, offset);
  if (mention) {
    const value = describe(snap, mention.id);
    if (value) return { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(doc, mention.range) };
  }
  // A word that did not count says why.
  const aside = mentionAt(result.setAside, offset);
  if (aside) {
    const value = describe(snap, aside.id);
    const detail = aside.detail ?? '';
    const why = t(`**此处不计入**：${md(setAsideReason(aside.reason, lang()))}${detail ? `（${md(detail)}）` : ''}`, `**Not counted here**: ${md(setAsideReason(aside.reason, lang()))}${detail ? ` (${md(detail)})` : ''}`);
    if (value) return { contents: { kind: MarkupKind.Markdown, value: `${why}\n\n${value}` }, range: toLspRange(doc, aside.range) };
  }
  const heading = result.outline.find((h) => h.range.start <= offset && offset <= h.range.end && h.names.length > 0);
  if (heading) {
    const parts = heading.names.map((id) => describe(snap, id)).filter((v): v is string => !!v);
    if (parts.length) {
      return {
        contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
        range: toLspRange(doc, heading.titleRange),
      };
    }
  }
  return null;
}
