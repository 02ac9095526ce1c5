/**
 * Edits the adapters offer: heading markers to complete, a relationship section to insert, a
 * paragraph for an absent side, renumbering, disabling. Plans only: offsets and text, applied
 * by the caller (as a versioned workspace edit in the editor).
 */
import type { AnalysisResult, ElementDef, Heading, RelationshipDef } from './types';
import { familyForLevel, LEVEL_NAMES, markerFor, type Family } from './outline';

export interface TextEditPlan {
  start: number;
  end: number;
  newText: string;
}

const CHAPTER_FAMILIES = new Set(['chapter', 'section', 'article']);

function numbered(result: AnalysisResult): number[] {
  return result.outline.map((h, i) => (h.family ? i : -1)).filter((i) => i >= 0);
}

/** Numbered headings enclosing offset, shallowest first (the ancestor chain at that point). */
function chainAt(result: AnalysisResult, offset: number): number[] {
  const chain: number[] = [];
  for (const i of numbered(result)) {
    const h = result.outline[i];
    if (h.range.start >= offset) break;
    const chapter = CHAPTER_FAMILIES.has(h.family!);
    while (chain.length) {
      const top = result.outline[chain[chain.length - 1]];
      const topChapter = CHAPTER_FAMILIES.has(top.family!);
      if (topChapter === chapter ? top.level >= h.level : topChapter === false) chain.pop();
      else break;
    }
    chain.push(i);
  }
  return chain;
}

/** Later headings with the same parent and level as heading i. */
function siblingsAfter(result: AnalysisResult, i: number): number[] {
  const h = result.outline[i];
  const out: number[] = [];
  for (let j = i + 1; j < result.outline.length; j++) {
    const g = result.outline[j];
    if (!g.family) continue;
    if (g.level < h.level && CHAPTER_FAMILIES.has(g.family) === CHAPTER_FAMILIES.has(h.family!)) break;
    if (CHAPTER_FAMILIES.has(g.family) && !CHAPTER_FAMILIES.has(h.family!)) break;
    if (g.level === h.level && g.family === h.family) out.push(j);
  }
  return out;
}

/** Markers that fit a new heading on the line at offset, most likely first. */
export function nextHeadingMarkers(text: string, result: AnalysisResult, offset: number): { level: number; marker: string; detail: string }[] {
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const chain = chainAt(result, lineStart);
  const out: { level: number; marker: string; detail: string }[] = [];
  const push = (family: Family, n: number, level: number) => {
    const marker = markerFor(family, n);
    if (!out.some((o) => o.marker === marker)) out.push({ level, marker, detail: LEVEL_NAMES[level - 1] ?? '' });
  };
  if (!chain.length) {
    push('cn-dun', 1, 1);
    return out;
  }
  const deepest = result.outline[chain[chain.length - 1]];
  push(deepest.family as Family, deepest.number + 1, deepest.level);
  const chapter = CHAPTER_FAMILIES.has(deepest.family!);
  if (chapter ? deepest.level < 3 : deepest.level < 5) push(familyForLevel(deepest.level + 1, chapter), 1, deepest.level + 1);
  else if (chapter) push('cn-paren', 1, 2);
  for (let k = chain.length - 2; k >= 0; k--) {
    const h = result.outline[chain[k]];
    push(h.family as Family, h.number + 1, h.level);
  }
  return out;
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
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
  const chain = chainAt(result, offset + 1);
  // The level: that of the sections which already name relationships, else the enclosing one.
  const namedLevel = result.outline.find((h) => h.family && h.names.length)?.level;
  let anchor = chain.length ? chain[chain.length - 1] : -1;
  if (namedLevel !== undefined) {
    const c = chain.filter((i) => result.outline[i].level === namedLevel);
    if (c.length) anchor = c[0];
  }
  if (anchor < 0) {
    // No numbered heading before the cursor: insert at the cursor's line as the first section.
    const first = numbered(result)[0];
    const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
    const family: Family = first !== undefined ? (result.outline[first].family as Family) : 'cn-dun';
    const level = first !== undefined ? result.outline[first].level : 1;
    const prefix = first !== undefined ? result.outline[first].prefix ?? '' : markdown ? '## ' : '';
    const head = `${prefix}${markerFor(family, 1)}${title}`;
    const block = [head, ...body.map((p) => indent + p)].join(sep) + sep;
    const edits: TextEditPlan[] = [{ start: lineStart, end: lineStart, newText: block }];
    if (first !== undefined && level === result.outline[first].level) {
      for (const j of [first, ...siblingsAfter(result, first)].filter((j) => result.outline[j].range.start >= lineStart)) {
        const g = result.outline[j];
        edits.push({ start: g.markerRange.start, end: g.markerRange.end, newText: markerFor(g.family as Family, g.number + 1) });
      }
    }
    return edits;
  }
  const h: Heading = result.outline[anchor];
  const family = h.family as Family;
  let at = h.sectionEnd;
  let lead = '';
  if (at === text.length) {
    if (text.length && !text.endsWith('\n')) lead = nl;
    if (markdown && text.length && !/\n\s*\n$/.test(text + lead)) lead += nl;
  } else if (markdown) {
    // Before the next heading: keep one blank line between sections.
    const before = text.slice(0, at);
    if (!/\n\s*\n$/.test(before)) lead = nl;
  }
  const head = `${h.prefix ?? ''}${markerFor(family, h.number + 1)}${title}`;
  const block = lead + [head, ...body.map((p) => indent + p)].join(sep) + (at === text.length ? nl : sep);
  const edits: TextEditPlan[] = [{ start: at, end: at, newText: block }];
  let n = h.number + 2;
  for (const j of siblingsAfter(result, anchor)) {
    const g = result.outline[j];
    const marker = markerFor(family, n++);
    if (g.marker !== marker) edits.push({ start: g.markerRange.start, end: g.markerRange.end, newText: marker });
  }
  return edits;
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
      const e = text.indexOf('\n', present.end);
      at = e < 0 ? text.length : e + 1;
    }
  }
  if (at === text.length) {
    const lead = text.length && !text.endsWith('\n') ? nl : '';
    return [{ start: at, end: at, newText: `${lead}${indent}${paragraph}${nl}` }];
  }
  // Before a heading in Markdown keep a blank line.
  const needsBlank = /\n\s*\n$/.test(text.slice(0, at));
  return [{ start: at, end: at, newText: needsBlank ? `${indent}${paragraph}${nl}${nl}` : `${indent}${paragraph}${nl}` }];
}

/** Renumbers heading i and its siblings 1..n in canonical form. */
export function planRenumber(text: string, result: AnalysisResult, i: number): TextEditPlan[] {
  const h = result.outline[i];
  if (!h?.family) return [];
  // The first sibling: walk back to the start of this parent's run.
  let first = i;
  for (let j = i - 1; j >= 0; j--) {
    const g = result.outline[j];
    if (!g.family) continue;
    if (g.level < h.level) break;
    if (g.level === h.level && g.family === h.family) first = j;
  }
  const edits: TextEditPlan[] = [];
  let n = 1;
  for (const j of [first, ...siblingsAfter(result, first)]) {
    const g = result.outline[j];
    const marker = markerFor(h.family as Family, n++);
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
