/** Document symbols (the outline as a tree) and folding ranges (one per section). */
import { t } from '../../shared/src/lang';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { Heading } from '../../core/src/types';
import { underArticle } from '../../core/src/structure/tree';
import { toLspPosition, toLspRange } from '../../shared/src/positions';
import type { Snapshot } from './analysis';

const KIND_BY_LEVEL = [SymbolKind.Namespace, SymbolKind.Module, SymbolKind.Struct, SymbolKind.Field, SymbolKind.EnumMember, SymbolKind.Constant];

export function symbolKind(level: number): SymbolKind {
  return KIND_BY_LEVEL[Math.min(Math.max(level, 1), KIND_BY_LEVEL.length) - 1];
}

/** Where text from `start` up to `end` ends, leaving out trailing line breaks and blank lines. */
function contentEnd(text: string, start: number, end: number): number {
  let e = Math.max(end, start);
  while (e > start && /[\r\n \t\u3000]/.test(text[e - 1])) e--;
  return e;
}

/** Offset where a section's text ends. */
function sectionContentEnd(text: string, h: Heading): number {
  return contentEnd(text, h.range.end, h.sectionEnd);
}

function symbolName(h: Heading): string {
  const name = h.style === 'markdown' ? h.title : `${h.marker}${h.title}`;
  return name.trim() || h.marker.trim() || t('（无标题）', '(untitled)');
}

/**
 * The outline tree as symbols, read from the core's tree (each node's parent); attachments are
 * roots holding their own outline. The 项 and 目 inside an article are left out: the article is
 * the unit a reader looks for.
 */
export function documentSymbols(snap: Snapshot): DocumentSymbol[] {
  const { doc, text, result, analyzer } = snap;
  const roots: DocumentSymbol[] = [];
  const runRoots: DocumentSymbol[][] = [roots];
  for (const a of result.attachments) {
    const e = contentEnd(text, a.range.end, a.end);
    const titleText = a.title ? text.slice(a.title.start, a.title.end).replace(/\s+/g, ' ').trim() : '';
    const symbol: DocumentSymbol = {
      name: a.title && a.title.start === a.range.start ? titleText : [text.slice(a.range.start, a.range.end).trim(), titleText].filter(Boolean).join(' '),
      kind: SymbolKind.File,
      range: toLspRange(doc, { start: a.range.start, end: e }),
      selectionRange: toLspRange(doc, a.range),
      children: [],
    };
    roots.push(symbol);
    runRoots.push(symbol.children!);
  }
  const symbols: (DocumentSymbol | undefined)[] = [];
  result.outline.forEach((h, i) => {
    const parent = h.parent >= 0 ? symbols[h.parent] : undefined;
    if (h.parent >= 0 && !parent) {
      symbols[i] = undefined;
      return;
    }
    if (underArticle(result.outline, i)) {
      symbols[i] = undefined;
      return;
    }
    const names = h.names.map((id) => analyzer.find(id)?.name ?? id);
    const symbol: DocumentSymbol = {
      name: symbolName(h),
      detail: names.join('、') || undefined,
      kind: symbolKind(h.level),
      range: toLspRange(doc, { start: h.range.start, end: sectionContentEnd(text, h) }),
      selectionRange: toLspRange(doc, h.range),
      children: [],
    };
    symbols[i] = symbol;
    (parent ? parent.children! : runRoots[h.run] ?? roots).push(symbol);
  });
  return roots;
}

export function foldingRanges(snap: Snapshot): FoldingRange[] {
  const { doc, text, result } = snap;
  const out: FoldingRange[] = [];
  const fold = (start: number, end: number) => {
    const startLine = toLspPosition(doc, start).line;
    const endLine = toLspPosition(doc, end).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  };
  for (const a of result.attachments) fold(a.range.start, contentEnd(text, a.range.end, a.end));
  for (const h of result.outline) fold(h.range.start, sectionContentEnd(text, h));
  out.sort((x, y) => x.startLine - y.startLine);
  return out;
}
