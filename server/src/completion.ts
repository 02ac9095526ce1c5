/**
 * Completion: the next heading markers at the start of a line, the framework's relationships
 * after a heading marker / 处理好 / …关系 (uncovered ones first), and a snippet per relationship
 * that writes the whole section.
 */
import { lang, t } from '../../shared/src/lang';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Range as LspRange,
} from 'vscode-languageserver';
import { levelName, matchMarker, nextHeadingMarkers } from '../../core/src';

import type { ElementDef, RelationshipDef } from '../../core/src/types';
import { toLspRange } from '../../shared/src/positions';
import type { Snapshot } from './analysis';
import { describe } from './hover';
import { isRelationship, needsWork, sectionTitle, statusLabel, type Status } from './labels';

export const TRIGGER_CHARACTERS = ['、', '）', '.', '好'];

/** Indentation and a Markdown ATX prefix at the start of a line. */
const LEAD = /^[ \t\u3000]*(?:#{1,6}[ \t]*)?/;
/** Something that may become a heading marker as more is typed: 四 （ （二 1 第三 ③ */
const PARTIAL_MARKER = /^(?:第[一二三四五六七八九十百零〇两\d]*|[一二三四五六七八九十百零〇两]{1,4}|[（(][一二三四五六七八九十百零〇两\d]{0,4}|\d{1,3}|[①-⑳])$/;
/** Characters that end a clause, before a phrase ending in 关系. */
const CLAUSE_BREAK = /[。；;，,：:！!？?、\s\u3000]/;

export type CompletionContextKind = 'marker' | 'relationship' | 'none';

export interface CompletionSite {
  kind: CompletionContextKind;
  /** Offsets replaced by the inserted text. */
  start: number;
  end: number;
  /** Whether the site directly follows a heading marker (snippets are offered there). */
  afterMarker: boolean;
}

/** What kind of completion fits at the offset, and which text it replaces. */
export function completionSite(text: string, offset: number): CompletionSite {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  const lead = LEAD.exec(prefix)?.[0].length ?? 0;
  const rest = prefix.slice(lead);
  const none: CompletionSite = { kind: 'none', start: offset, end: offset, afterMarker: false };
  if (rest === '' || (PARTIAL_MARKER.test(rest) && !matchMarker(rest))) {
    return { kind: 'marker', start: lineStart + lead, end: offset, afterMarker: false };
  }
  const marker = matchMarker(rest);
  if (marker) {
    let start = lineStart + lead + marker.length;
    while (start < offset && /[ \t\u3000]/.test(text[start])) start++;
    if (!/[。；;]/.test(text.slice(start, offset))) return { kind: 'relationship', start, end: offset, afterMarker: true };
  }
  const hao = prefix.lastIndexOf('处理好');
  if (hao >= 0 && !/[。；;！!？?]/.test(prefix.slice(hao))) {
    return { kind: 'relationship', start: lineStart + hao, end: offset, afterMarker: false };
  }
  if (rest.endsWith('关系')) {
    let start = offset - 2;
    while (start > lineStart + lead && !CLAUSE_BREAK.test(text[start - 1])) start--;
    return { kind: 'relationship', start, end: offset, afterMarker: false };
  }
  return none;
}

/** Escapes text for a snippet body. */
function snippetText(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

interface DefState {
  def: RelationshipDef | ElementDef;
  status: Status;
  detail: string;
}

function defStates(snap: Snapshot): DefState[] {
  const { result, analyzer } = snap;
  const out: DefState[] = [];
  for (const def of analyzer.relationships) {
    const cov = result.coverage.find((c) => c.relationship === def.id);
    const status: Status = cov?.status ?? 'missing';
    const counts = def.sides.map((s, i) => `${s.label} ${cov?.sides[i]?.count ?? 0}`).join(' · ');
    out.push({ def, status, detail: `${statusLabel(status)} · ${counts}` });
  }
  for (const def of analyzer.elements) {
    const cov = result.elements.find((e) => e.element === def.id);
    const status: Status = cov?.status ?? 'missing';
    out.push({ def, status, detail: `${statusLabel(status)} · ${def.name} ${cov?.count ?? 0}` });
  }
  return out;
}

function markerItems(snap: Snapshot, offset: number, range: LspRange): CompletionItem[] {
  return nextHeadingMarkers(snap.text, snap.result, offset).map((m, i) => ({
    label: m.marker,
    kind: CompletionItemKind.EnumMember,
    detail: levelName(m.level, lang()),
    sortText: String(i).padStart(3, '0'),
    filterText: m.marker,
    textEdit: { range, newText: m.marker },
  }));
}

function relationshipItems(snap: Snapshot, site: CompletionSite, range: LspRange): CompletionItem[] {
  const typed = snap.text.slice(site.start, site.end);
  const endsInGuanxi = !site.afterMarker && typed.endsWith('关系') && !typed.startsWith('处理好');
  const sep = snap.language === 'markdown' ? '\n\n' : '\n';
  const items: CompletionItem[] = [];
  defStates(snap).forEach(({ def, status, detail }, i) => {
    const title = sectionTitle(def);
    const order = `${needsWork(status) ? 0 : 1}-${String(i).padStart(3, '0')}`;
    const documentation = describe(snap, def.id);
    const doc = documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined;
    items.push({
      label: title,
      kind: isRelationship(def) ? CompletionItemKind.Interface : CompletionItemKind.Property,
      detail,
      documentation: doc,
      sortText: `${order}-0`,
      // A phrase typed up to 关系 is replaced whatever it said, so it must not filter the list.
      filterText: endsInGuanxi ? typed : title,
      textEdit: { range, newText: title },
      data: { id: def.id },
    });
    if (site.afterMarker) {
      const body = def.template.body.map(snippetText).join(sep);
      items.push({
        label: `${title}${t('（整节）', ' (whole section)')}`,
        kind: CompletionItemKind.Snippet,
        detail,
        documentation: doc,
        sortText: `${order}-1`,
        filterText: title,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: `${snippetText(title)}${sep}${body}$0` },
        data: { id: def.id, snippet: true },
      });
    }
  });
  return items;
}

export function completions(snap: Snapshot, offset: number): CompletionItem[] {
  const site = completionSite(snap.text, offset);
  if (site.kind === 'none') return [];
  const range = toLspRange(snap.doc, site);
  if (site.kind === 'marker') return markerItems(snap, offset, range);
  return relationshipItems(snap, site, range);
}
