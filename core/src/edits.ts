/**
 * Edits the adapters offer: heading markers to complete, a relationship section to insert, a
 * paragraph for an absent side, renumbering, disabling. Plans only: offsets and text, applied
 * by the caller (as a versioned workspace edit in the editor).
 */
import type { AnalysisResult, ElementDef, Heading, RelationshipDef } from './types';
import { childFamily, markerFor, markerLike, type Family } from './structure/markers';
import { underArticle } from './structure/tree';

export interface TextEditPlan {
  start: number;
  end: number;
  newText: string;
}

/** Start of the line holding offset (\r\n, \r and \n end lines). */
function lineStartAt(text: string, offset: number): number {
  const o = Math.max(0, offset);
  // lastIndexOf reads a fromIndex of -1 as 0: at offset 0 it would find a break that starts the text.
  if (o === 0) return 0;
  return Math.max(text.lastIndexOf('\n', o - 1), text.lastIndexOf('\r', o - 1)) + 1;
}

/** The run (body 0, attachment k) that offset lies in. */
function runAt(result: AnalysisResult, offset: number): number {
  let run = 0;
  for (const a of result.attachments) if (a.range.start <= offset) run = a.run;
  return run;
}

/** Numbered nodes enclosing offset, shallowest first: the last node before it and its ancestors, read from the tree. */
function chainAt(result: AnalysisResult, offset: number): number[] {
  const run = runAt(result, offset);
  let last = -1;
  for (let i = 0; i < result.outline.length && result.outline[i].range.start < offset; i++) if (result.outline[i].run === run) last = i;
  const chain: number[] = [];
  for (let i = last; i >= 0; i = result.outline[i].parent) if (result.outline[i].family) chain.unshift(i);
  return chain;
}

/** Later nodes numbered in the same sequence as node i. */
function siblingsAfter(result: AnalysisResult, i: number): number[] {
  const h = result.outline[i];
  const out: number[] = [];
  if (!h.sequence) return out;
  for (let j = i + 1; j < result.outline.length; j++) if (result.outline[j].sequence === h.sequence) out.push(j);
  return out;
}

function usesArticles(result: AnalysisResult): boolean {
  return result.outline.some((h) => h.family === 'article');
}

/** Markers that fit a new heading on the line at offset, most likely first. */
export function nextHeadingMarkers(text: string, result: AnalysisResult, offset: number): { level: number; marker: string }[] {
  const chain = chainAt(result, lineStartAt(text, offset));
  const out: { level: number; marker: string }[] = [];
  const push = (marker: string, level: number) => {
    if (!out.some((o) => o.marker === marker)) out.push({ level, marker });
  };
  if (!chain.length) {
    push(markerFor('cn-dun', 1), 1);
    return out;
  }
  const deepest = result.outline[chain[chain.length - 1]];
  push(markerLike(deepest.family as Family, deepest.marker, deepest.number + 1), deepest.level);
  const child = childFamily(deepest.family as Family, usesArticles(result));
  if (child === 'decimal') push(`${deepest.marker.replace(/[.．]?\s*$/, '')}.1 `, deepest.level + 1);
  else if (child) push(markerFor(child, 1), deepest.level + 1);
  for (let k = chain.length - 2; k >= 0; k--) {
    const h = result.outline[chain[k]];
    push(markerLike(h.family as Family, h.marker, h.number + 1), h.level);
  }
  return out;
}

/** Whether text ends with a line break (\r\n, \r or \n). */
function endsWithBreak(text: string): boolean {
  return /[\r\n]$/.test(text);
}

/** Offset just after the first line break at or after offset, or -1 when none follows. */
function afterBreak(text: string, offset: number): number {
  const m = /\r\n?|\n/g;
  m.lastIndex = offset;
  const found = m.exec(text);
  return found ? found.index + found[0].length : -1;
}

/**
 * An insertion that starts with \n right after a stray \r would join it into one \r\n and lose a
 * line break: such an insertion starts with \r\n instead.
 */
function keepBreaks(text: string, plans: TextEditPlan[]): TextEditPlan[] {
  for (const p of plans) if (p.newText.startsWith('\n') && text.charCodeAt(p.start - 1) === 13) p.newText = `\r${p.newText}`;
  return plans;
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

/** The indentation body paragraphs use (两个全角空格 in many 公文), taken from the draft. */
function paragraphIndent(text: string, result: AnalysisResult): string {
  const m = /(?:^|\n)([\u3000]{2}|[ ]{4}(?=[^\s]))(?=[\u4e00-\u9fff“（])/.exec(text);
  return m && !result.outline.some((h) => h.range.start === m.index + (m[0].startsWith('\n') ? 1 : 0)) ? m[1] : '';
}

function titleOfTemplate(def: RelationshipDef | ElementDef): { title: string; body: string[] } {
  return def.template;
}

/**
 * Inserts a whole section for def after the section containing offset, at that section's level,
 * numbered next; later siblings are renumbered so numbering stays continuous.
 */
export function planSectionInsertion(text: string, result: AnalysisResult, def: RelationshipDef | ElementDef, offset: number, markdown = false): TextEditPlan[] {
  const nl = eol(text);
  const indent = paragraphIndent(text, result);
  const { title, body } = titleOfTemplate(def);
  const sep = markdown ? nl + nl : nl;
  // Sections, not articles or their provisions, take a new relationship section.
  const chain = chainAt(result, offset + 1).filter((i) => result.outline[i].kind !== 'article' && !underArticle(result.outline, i));
  // The level: that of the sections which already name relationships, else the enclosing one.
  const named = result.outline.find((h) => h.family && h.names.length);
  let anchor = chain.length ? chain[chain.length - 1] : -1;
  if (named) {
    const c = chain.filter((i) => result.outline[i].rank === named.rank && result.outline[i].family === named.family);
    if (c.length) anchor = c[0];
  }
  if (anchor < 0) {
    // No numbered heading before the cursor: insert at the cursor's line as the first section.
    const first = result.outline.findIndex((h) => h.family && h.parent < 0 && h.kind !== 'article' && h.run === runAt(result, offset));
    const lineStart = lineStartAt(text, offset);
    const family: Family = first >= 0 ? (result.outline[first].family as Family) : 'cn-dun';
    const prefix = first >= 0 ? result.outline[first].prefix ?? '' : markdown ? '## ' : '';
    const marker = first >= 0 ? markerLike(family, result.outline[first].marker, 1) : markerFor('cn-dun', 1);
    const head = `${prefix}${marker}${title}`;
    const block = [head, ...body.map((p) => indent + p)].join(sep) + sep;
    const edits: TextEditPlan[] = [{ start: lineStart, end: lineStart, newText: block }];
    if (first >= 0) {
      let k = 2;
      for (const j of [first, ...siblingsAfter(result, first)].filter((j) => result.outline[j].range.start >= lineStart)) {
        const g = result.outline[j];
        edits.push({ start: g.markerRange.start, end: g.markerRange.end, newText: markerLike(g.family as Family, g.marker, k++) });
      }
    }
    return keepBreaks(text, edits);
  }
  const h: Heading = result.outline[anchor];
  const family = h.family as Family;
  let at = h.sectionEnd;
  let lead = '';
  if (at === text.length) {
    if (text.length && !endsWithBreak(text)) lead = nl;
    if (markdown && text.length && !/\n\s*\n$/.test(text + lead)) lead += nl;
  } else if (markdown) {
    // Before the next heading: keep one blank line between sections.
    const before = text.slice(0, at);
    if (!/\n\s*\n$/.test(before)) lead = nl;
  }
  const head = `${h.prefix ?? ''}${markerLike(family, h.marker, h.number + 1)}${title}`;
  const block = lead + [head, ...body.map((p) => indent + p)].join(sep) + (at === text.length ? nl : sep);
  const edits: TextEditPlan[] = [{ start: at, end: at, newText: block }];
  let n = h.number + 2;
  for (const j of siblingsAfter(result, anchor)) {
    const g = result.outline[j];
    const marker = markerLike(family, g.marker, n++);
    if (g.marker !== marker) edits.push({ start: g.markerRange.start, end: g.markerRange.end, newText: marker });
  }
  return keepBreaks(text, edits);
}

/** Inserts a paragraph on the absent side: at the end of a section, or after the paragraph of the first mention. */
export function planSideParagraph(text: string, result: AnalysisResult, rel: RelationshipDef, side: 0 | 1, heading?: number): TextEditPlan[] {
  const nl = eol(text);
  const indent = paragraphIndent(text, result);
  const paragraph = rel.sides[side].paragraph ?? `在${rel.sides[side].label}方面，……`;
  let at: number;
  if (heading !== undefined && result.outline[heading]) {
    at = result.outline[heading].sectionEnd;
  } else {
    const cov = result.coverage.find((c) => c.relationship === rel.id);
    const present = cov?.mentions[1 - side][0] ?? cov?.mentions[side][0];
    if (!present) at = text.length;
    else {
      const e = afterBreak(text, present.end);
      at = e < 0 ? text.length : e;
    }
  }
  if (at === text.length) {
    const lead = text.length && !endsWithBreak(text) ? nl : '';
    return keepBreaks(text, [{ start: at, end: at, newText: `${lead}${indent}${paragraph}${nl}` }]);
  }
  // Before a heading in Markdown keep a blank line.
  const needsBlank = /\n\s*\n$/.test(text.slice(0, at));
  return keepBreaks(text, [{ start: at, end: at, newText: needsBlank ? `${indent}${paragraph}${nl}${nl}` : `${indent}${paragraph}${nl}` }]);
}

/** Renumbers node i and the others of its numbering sequence 1..n in canonical form. */
export function planRenumber(text: string, result: AnalysisResult, i: number): TextEditPlan[] {
  const h = result.outline[i];
  if (!h?.family || !h.sequence) return [];
  const edits: TextEditPlan[] = [];
  let n = 1;
  for (let j = 0; j < result.outline.length; j++) {
    const g = result.outline[j];
    if (g.sequence !== h.sequence) continue;
    const marker = markerLike(g.family as Family, g.marker, n++);
    if (g.marker !== marker) edits.push({ start: g.markerRange.start, end: g.markerRange.end, newText: marker });
  }
  void text;
  return edits;
}

const DISABLE_COMMENT = /<!--\s*policy-review-disable(?!-)([^>]*?)\s*-->/;

/** Adds `id` to the document-wide disable comment, creating it at the top (after front matter). */
export function planDisable(text: string, id: string): TextEditPlan[] {
  const nl = eol(text);
  const m = DISABLE_COMMENT.exec(text);
  if (m) {
    const ids = m[1].split(/[\s,，]+/).filter(Boolean);
    if (ids.length === 0 || ids.includes(id)) return [];
    const end = m.index + m[0].length;
    const close = text.lastIndexOf('-->', end);
    return [{ start: close, end: close, newText: `${/\s$/.test(text.slice(0, close)) ? '' : ' '}${id} ` }];
  }
  let at = 0;
  const fm = /^(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1[ \t]*(\r?\n|$)/.exec(text);
  if (fm) at = fm[0].length;
  return [{ start: at, end: at, newText: `<!-- policy-review-disable ${id} -->${nl}` }];
}
