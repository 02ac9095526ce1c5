/**
 * What must hold for any text, whatever the analysis finds in it: ranges inside the text on
 * code-unit boundaries that do not cut a surrogate pair, the core's lines equal to the editor's,
 * and every edit the core plans undoable. Shared by the property tests and `npm run fuzz`; each
 * check throws an AssertionError naming what broke.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  lineOf,
  nextHeadingMarkers,
  planDisable,
  planRenumber,
  planSectionInsertion,
  planSideParagraph,
  splitLines,
  type Analyzer,
  type AnalysisResult,
  type LanguageKind,
  type Range,
  type TextEditPlan,
} from '../../core/src';
import { LineIndex, toLspPosition, toLspRange, toOffset } from '../../shared/src/positions';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether offset falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Whether offset falls between the \r and the \n of one line break. */
export function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}

/** Every range the analysis reports, named by where it comes from. */
export function reportedRanges(r: AnalysisResult): [string, Range][] {
  const out: [string, Range][] = [];
  r.findings.forEach((f, i) => {
    out.push([`findings[${i}].range`, f.range]);
    f.related?.forEach((x, j) => out.push([`findings[${i}].related[${j}]`, x]));
  });
  r.outline.forEach((h, i) => {
    out.push([`outline[${i}].range`, h.range], [`outline[${i}].titleRange`, h.titleRange], [`outline[${i}].markerRange`, h.markerRange]);
    out.push([`outline[${i}].section`, { start: h.range.start, end: h.sectionEnd }]);
  });
  r.coverage.forEach((c) => {
    c.mentions.forEach((side, s) => side.forEach((m, j) => out.push([`coverage[${c.relationship}].mentions[${s}][${j}]`, m])));
    c.setAside.forEach((x, j) => out.push([`coverage[${c.relationship}].setAside[${j}]`, x.range]));
  });
  r.elements.forEach((e) => e.mentions.forEach((m, j) => out.push([`elements[${e.element}].mentions[${j}]`, m])));
  r.mentions.forEach((m, i) => out.push([`mentions[${i}]`, m.range]));
  r.setAside.forEach((x, i) => out.push([`setAside[${i}]`, x.range]));
  if (r.title) out.push(['title', r.title]);
  r.attachments.forEach((a, i) => {
    out.push([`attachments[${i}].range`, a.range], [`attachments[${i}].extent`, { start: a.range.start, end: a.end }]);
    if (a.title) out.push([`attachments[${i}].title`, a.title]);
  });
  return out;
}

/** Every range inside [0, text.length], start ≤ end, neither end inside a surrogate pair. */
export function checkRanges(text: string, r: AnalysisResult): void {
  for (const [where, range] of reportedRanges(r)) {
    const { start, end } = range;
    assert.ok(Number.isInteger(start) && Number.isInteger(end), `${where}: offsets ${start}–${end} are integers`);
    assert.ok(start >= 0 && end <= text.length, `${where}: ${start}–${end} lies inside [0, ${text.length}]`);
    assert.ok(start <= end, `${where}: start ${start} ≤ end ${end}`);
    assert.ok(!splitsPair(text, start) && !splitsPair(text, end), `${where}: ${start}–${end} does not cut a surrogate pair`);
  }
}

/**
 * The core's line of every reported offset (lineOf over splitLines, and each heading's `line`)
 * equals the line TextDocument.positionAt gives — the conversion the server makes in
 * shared/src/positions.ts; the CLI's LineIndex gives the very same positions, and an offset
 * goes back to itself (or to the start of the pair or line break it was inside).
 */
export function checkLines(text: string, r: AnalysisResult, extraOffsets: number[] = []): void {
  const doc = TextDocument.create('untitled:p.txt', 'plaintext', 1, text);
  const index = new LineIndex(text);
  const lines = splitLines(text);
  assert.equal(lines.starts.length, doc.lineCount, 'as many lines as TextDocument counts');
  const offsets = new Set<number>([0, text.length, ...extraOffsets]);
  for (const [, range] of reportedRanges(r)) offsets.add(range.start).add(range.end);
  for (const o of offsets) {
    if (o < 0 || o > text.length) continue;
    const lsp = toLspPosition(doc, o);
    assert.equal(lineOf(lines, o), lsp.line, `offset ${o}: the core's line equals the LSP's`);
    assert.deepEqual(index.positionAt(o), lsp, `offset ${o}: the CLI's LineIndex gives the LSP's position`);
    const back = toOffset(doc, lsp);
    const expected = splitsPair(text, o) || splitsCrlf(text, o) ? o - 1 : o;
    assert.equal(back, expected, `offset ${o}: back from line ${lsp.line} character ${lsp.character}`);
    assert.equal(index.offsetAt(lsp), doc.offsetAt(lsp), `offset ${o}: LineIndex.offsetAt equals TextDocument's`);
  }
  r.outline.forEach((h, i) => assert.equal(h.line, doc.positionAt(h.range.start).line, `outline[${i}].line`));
  r.attachments.forEach((a, i) => assert.equal(a.line, doc.positionAt(a.range.start).line, `attachments[${i}].line`));
}

/** Analyses text and checks ranges and lines; returns the result for further checks. */
export function checkAnalysis(analyzer: Analyzer, text: string, language: LanguageKind, extraOffsets: number[] = []): AnalysisResult {
  const r = analyzer.analyze(text, { language });
  checkRanges(text, r);
  checkLines(text, r, extraOffsets);
  return r;
}

/** Edits applied to text by offsets, as the core means them. */
export function applyPlans(text: string, plans: TextEditPlan[]): string {
  const sorted = [...plans].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const p of sorted) {
    out += text.slice(at, p.start) + p.newText;
    at = p.end;
  }
  return out + text.slice(at);
}

/** The edits that undo `plans` (in the coordinates of the edited text). */
export function inverse(text: string, plans: TextEditPlan[]): TextEditPlan[] {
  const sorted = [...plans].sort((a, b) => a.start - b.start || a.end - b.end);
  let shift = 0;
  return sorted.map((p) => {
    const start = p.start + shift;
    shift += p.newText.length - (p.end - p.start);
    return { start, end: start + p.newText.length, newText: text.slice(p.start, p.end) };
  });
}

/** Applies offset edits the way the editor does: as LSP ranges through TextDocument.applyEdits. */
export function applyAsLsp(text: string, plans: TextEditPlan[]): string {
  const doc = TextDocument.create('untitled:p.txt', 'plaintext', 1, text);
  return TextDocument.applyEdits(doc, plans.map((p) => ({ range: toLspRange(doc, p), newText: p.newText })));
}

/**
 * The plans lie inside the text, do not overlap, cut no surrogate pair and no \r\n (an LSP
 * position cannot stand between \r and \n, so the editor would apply such an edit elsewhere);
 * applied as LSP edits they give what the core meant; undone, they give the text back.
 */
export function checkPlans(text: string, plans: TextEditPlan[], what: string): void {
  const sorted = [...plans].sort((a, b) => a.start - b.start || a.end - b.end);
  let last = 0;
  for (const p of sorted) {
    assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `${what}: edit ${p.start}–${p.end} inside [0, ${text.length}]`);
    assert.ok(p.start >= last, `${what}: edit ${p.start}–${p.end} does not overlap the one before (ending at ${last})`);
    for (const o of [p.start, p.end]) {
      assert.ok(!splitsPair(text, o), `${what}: edit at ${o} does not cut a surrogate pair`);
      assert.ok(!splitsCrlf(text, o), `${what}: edit at ${o} does not stand between \\r and \\n`);
    }
    last = p.end;
  }
  const edited = applyPlans(text, plans);
  assert.equal(applyAsLsp(text, plans), edited, `${what}: the editor applies the edits where the core planned them`);
  assert.equal(applyAsLsp(edited, inverse(text, plans)), text, `${what}: undoing the edits gives the original text`);
}

/** A choice of edit to plan, drawn by the property: which planner, and its arguments as fractions. */
export interface PlanChoice {
  planner: 'disable' | 'section' | 'paragraph' | 'renumber' | 'markers';
  /** Picks a relationship, a heading, an offset (each in [0, 1)). */
  pick: number;
  at: number;
  side: 0 | 1;
  underHeading: boolean;
}

/** Plans one edit the editor offers on this analysis and checks it (see checkPlans). */
export function checkPlanned(analyzer: Analyzer, text: string, r: AnalysisResult, language: LanguageKind, c: PlanChoice): void {
  // The offset as the server hands it to the planners: from an LSP position (never inside \r\n or a pair).
  const doc = TextDocument.create('untitled:p.txt', 'plaintext', 1, text);
  const offset = toOffset(doc, doc.positionAt(Math.floor(c.at * (text.length + 1))));
  const defs = [...analyzer.relationships, ...analyzer.elements];
  const def = defs[Math.floor(c.pick * defs.length)];
  const heading = r.outline.length ? Math.floor(c.pick * r.outline.length) : undefined;
  let plans: TextEditPlan[];
  switch (c.planner) {
    case 'disable':
      plans = planDisable(text, def.id);
      break;
    case 'section':
      plans = planSectionInsertion(text, r, def, offset, language === 'markdown');
      break;
    case 'paragraph': {
      const rel = analyzer.relationships[Math.floor(c.pick * analyzer.relationships.length)];
      plans = planSideParagraph(text, r, rel, c.side, c.underHeading ? heading : undefined);
      break;
    }
    case 'renumber':
      plans = heading === undefined ? [] : planRenumber(text, r, heading);
      break;
    case 'markers':
      // Completion offers markers only; nothing to apply, but it must not fail anywhere in the text.
      assert.ok(Array.isArray(nextHeadingMarkers(text, r, offset)));
      return;
  }
  checkPlans(text, plans, `${c.planner} ${def.id} at ${offset}`);
}

/** An arbitrary LSP edit (any range, clamped by the document) applied and undone through TextDocument. */
export function checkLspEditUndo(text: string, a: number, b: number, newText: string): void {
  const doc = TextDocument.create('untitled:p.txt', 'plaintext', 1, text);
  const lo = Math.floor(Math.min(a, b) * (text.length + 1));
  const hi = Math.floor(Math.max(a, b) * (text.length + 1));
  const range = toLspRange(doc, { start: Math.min(lo, text.length), end: Math.min(hi, text.length) });
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  const edited = TextDocument.applyEdits(doc, [{ range, newText }]);
  assert.equal(edited, text.slice(0, start) + newText + text.slice(end), 'the edit replaces exactly its range');
  const doc2 = TextDocument.create('untitled:p.txt', 'plaintext', 2, edited);
  const back = TextDocument.applyEdits(doc2, [{ range: { start: doc2.positionAt(start), end: doc2.positionAt(start + newText.length) }, newText: text.slice(start, end) }]);
  // positionAt cannot name an offset between \r and \n or inside a pair: the undo is exact when the edit's ends are not there.
  if (!splitsCrlf(edited, start) && !splitsCrlf(edited, start + newText.length)) assert.equal(back, text, 'undoing the edit gives the original text');
}
