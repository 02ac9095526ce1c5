/** Document symbols (the outline as a tree) and folding ranges (one per section). */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { Heading } from '../../core/src/types';
import { toLspPosition, toLspRange } from '../../shared/src/positions';
import type { Snapshot } from './analysis';

const KIND_BY_LEVEL = [SymbolKind.Namespace, SymbolKind.Module, SymbolKind.Struct, SymbolKind.Field, SymbolKind.EnumMember, SymbolKind.Constant];

export function symbolKind(level: number): SymbolKind {
  return KIND_BY_LEVEL[Math.min(Math.max(level, 1), KIND_BY_LEVEL.length) - 1];
}

/** Offset where a section's text ends, leaving out trailing line breaks and blank lines. */
function sectionContentEnd(text: string, h: Heading): number {
  let end = Math.max(h.sectionEnd, h.range.end);
  while (end > h.range.end && /[\r\n \t\u3000]/.test(text[end - 1])) end--;
  return end;
}

function symbolName(h: Heading): string {
  const name = h.kind === 'markdown' ? h.title : `${h.marker}${h.title}`;
  return name.trim() || h.marker.trim() || '（无标题 / untitled）';
}

export function documentSymbols(snap: Snapshot): DocumentSymbol[] {
  const { doc, text, result, analyzer } = snap;
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  for (const h of result.outline) {
    const names = h.names.map((id) => analyzer.find(id)?.name ?? id);
    const symbol: DocumentSymbol = {
      name: symbolName(h),
      detail: names.join('、') || undefined,
      kind: symbolKind(h.level),
      range: toLspRange(doc, { start: h.range.start, end: sectionContentEnd(text, h) }),
      selectionRange: toLspRange(doc, h.range),
      children: [],
    };
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children!.push(symbol);
    else roots.push(symbol);
    stack.push({ level: h.level, symbol });
  }
  return roots;
}

export function foldingRanges(snap: Snapshot): FoldingRange[] {
  const { doc, text, result } = snap;
  const out: FoldingRange[] = [];
  for (const h of result.outline) {
    const startLine = toLspPosition(doc, h.range.start).line;
    const endLine = toLspPosition(doc, sectionContentEnd(text, h)).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return out;
}
