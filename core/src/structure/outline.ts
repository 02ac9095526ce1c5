/**
 * The outline tree of a draft, computed once per analysis and read by everything else (section
 * scope, completions, the insert command, symbols, folding). Each numbered part is a node with
 * its kind (heading, item, article), depth, parent, run (body or attachment) and section span.
 *
 * Nesting follows what the writer numbered: 一、（一）1.（1）① in a 公文; 第一章 > 第一节 > 第一条,
 * with the （一） 1. inside an article as its 项 and 目; decimal 1.1 / 2.3.1 at the depth their
 * numbers give; Markdown # levels. The frame (title, 主送机关, 落款 …), a 目录 and table rows are not
 * part of it (frame.ts).
 */
import type { Heading, HeadingStyle, LanguageKind, Range } from '../types';
import { lineOf, type Lines } from '../text/lines';
import { FAMILY_LEVEL, isChapterFamily, matchMarker, type Family, type MarkerMatch } from './markers';
import { LineRole, scanFrame } from './frame';
import { checkNumbering, type OutlineProblem } from './numbering';
import { underArticle } from './tree';

export type { OutlineProblem } from './numbering';

/** An attachment: its own numbering run, possibly with its own title. */
export interface Attachment {
  /** 1-based run number (the body is run 0). */
  run: number;
  /** 0-based line of the 附件 marker. */
  line: number;
  /** The 附件 line. */
  range: Range;
  /** The attachment's own title, when it carries one. */
  title?: Range;
  /** Where the run ends (the next attachment's start, or the end of the text). */
  end: number;
}

export interface OutlineScan {
  headings: Heading[];
  problems: OutlineProblem[];
  /** Lines that are not reviewed: the frame, the 目录, attachment starts and titles. */
  frameLines: Set<number>;
  /** The document title (all its lines). */
  title?: Range;
  attachments: Attachment[];
  /** Lines of the table of contents. */
  tocLines: number[];
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const INDENT = /^[ \t\u3000]*/;
/** 1 概述 — a bare number and a title, read as a decimal heading only in documents numbered 1.1. */
const DECIMAL_TOP = /^(\d{1,2})[ \t\u3000]+(?=[\u4e00-\u9fff])/;

/**
 * In a document numbered 2.1 / 2.2, the parts above them are often written 2. 发展现状: such a
 * line is the top of the decimal numbering, not a 公文 third level. A 1. is read so when it stands
 * alone as a title and fits between the decimals around it: the last one before it is numbered
 * below it and the next one is its own (2.1 after 2.) or its successor's (2.1 after 1. 前言, a part
 * with no subdivisions); the last such line may close the document. A list 1. 2. 3. inside 4.1
 * does not fit and stays a list.
 */
function decimalTops(found: Candidate[], lineAt: (i: number) => string): void {
  let prevTop = 0;
  for (let k = 0; k < found.length; k++) {
    const mk = found[k].mk;
    if (!mk) continue;
    if (mk.family === 'decimal') {
      prevTop = mk.parts?.[0] ?? mk.number;
      continue;
    }
    if (mk.family !== 'arabic-dot' || mk.number <= prevTop) continue;
    const rest = lineAt(found[k].line).replace(INDENT, '').slice(mk.length);
    if (rest.length > 40 || /[。；，]/.test(rest)) continue;
    let nextTop: number | undefined;
    for (let j = k + 1; j < found.length && nextTop === undefined; j++) if (found[j].mk?.family === 'decimal') nextTop = found[j].mk!.parts?.[0];
    const fits = nextTop === undefined ? prevTop === mk.number - 1 : nextTop === mk.number || nextTop === mk.number + 1;
    if (!fits) continue;
    found[k].mk = { family: 'decimal', number: mk.number, length: mk.length, canonical: mk.canonical, parts: [mk.number] };
    prevTop = mk.number;
  }
}

/** 。 ： : end a heading's title; what follows on the line is body text. */
const RUN_ON_STOP = new Set([0x3002, 0xff1a, 0x3a]);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

interface TitleSpan {
  range: Range;
  /** Text follows the title on the same line. */
  runOn: boolean;
  /** The whole numbered line is one sentence (ends with 。；, nothing after). */
  sentence: boolean;
}

function titleOf(text: string, start: number, end: number): TitleSpan {
  let s = start;
  while (s < end && /[\s\u3000]/.test(text[s])) s++;
  let e = s;
  // A colon between digits is a time (14:30), not the end of the title.
  while (e < end && !(RUN_ON_STOP.has(text.charCodeAt(e)) && !(isDigit(text.charCodeAt(e - 1)) && isDigit(text.charCodeAt(e + 1))))) e++;
  const after = text.slice(Math.min(e + 1, end), end).trim();
  const stop = e < end ? text[e] : '';
  let te = e;
  while (te > s && /[\s\u3000：:；;#]/.test(text[te - 1])) te--;
  const sentence = (stop === '。' && !after) || (stop === '' && /[；;，,]$/.test(text.slice(s, end).trim()));
  return { range: { start: s, end: te }, runOn: after.length > 0, sentence };
}

/** A short verb phrase without commas or modals reads as a title even with a closing 。. */
function headingLikeSentence(title: string): boolean {
  return title.length <= 24 && !/[，,、；;]/.test(title) && !/要|应当|应该|必须|须|不得|可以|将|已经|正在/.test(title);
}

interface Candidate {
  line: number;
  mk?: MarkerMatch;
  mdLevel: number;
  body: number;
  prefix?: string;
}

/** Parses headings into a tree and checks their numbering. `skip(line)` tells lines inside code/front matter. */
export function scanOutline(text: string, lines: Lines, language: LanguageKind, skip: (line: number) => boolean): OutlineScan {
  const n = lines.starts.length;
  const md = language === 'markdown';
  const frame = scanFrame(text, lines, skip, md);
  const roles = frame.roles;
  const lineAt = (i: number) => text.slice(lines.starts[i], lines.ends[i]);

  // Runs: the body, then each attachment.
  const runOfLine = new Int32Array(n);
  const attachments: Attachment[] = frame.attachments.map((a, k) => ({
    run: k + 1,
    line: a.line,
    range: { start: lines.starts[a.line], end: lines.ends[a.line] },
    title: a.title,
    end: k + 1 < frame.attachments.length ? lines.starts[frame.attachments[k + 1].line] : text.length,
  }));
  for (let k = 0, run = 0; k < n; k++) {
    if (run < attachments.length && attachments[run].line === k) run++;
    runOfLine[k] = run;
  }
  // A run's sections end where its 落款 (the frame at its tail) begins, or where the next run starts.
  const runEnds: number[] = [];
  for (let r = 0; r <= attachments.length; r++) {
    const last = r < attachments.length ? attachments[r].line - 1 : n - 1;
    const first = r === 0 ? 0 : attachments[r - 1].line + 1;
    let k = last;
    let tail = -1;
    while (k >= first && (roles[k] === LineRole.Blank || roles[k] === LineRole.Frame)) {
      if (roles[k] === LineRole.Frame) tail = k;
      k--;
    }
    runEnds.push(tail >= 0 && k >= first ? lines.starts[tail] : r < attachments.length ? attachments[r].range.start : text.length);
  }
  const runEnd = (run: number) => runEnds[run];

  // Candidates: numbered lines and Markdown headings.
  const found: Candidate[] = [];
  let decimals = 0;
  for (let i = 0; i < n; i++) {
    if (roles[i] !== LineRole.Prose) continue;
    const line = lineAt(i);
    const ls = lines.starts[i];
    let body = ls;
    let prefix: string | undefined;
    let mdLevel = 0;
    if (md) {
      const atx = ATX.exec(line);
      if (atx) {
        mdLevel = atx[1].length;
        body = ls + atx[0].length;
        prefix = atx[0];
      } else if (i + 1 < n && roles[i + 1] === LineRole.Blank && SETEXT.test(lineAt(i + 1)) && line.trim()) {
        // Setext needs a paragraph line above; a "---" after a blank line is a thematic break.
        const prevBlank = i === 0 || !lineAt(i - 1).trim();
        if (prevBlank && !matchMarker(line.replace(INDENT, ''))) mdLevel = lineAt(i + 1).trim()[0] === '=' ? 1 : 2;
      }
    }
    const indent = INDENT.exec(text.slice(body, lines.ends[i]))![0].length;
    const rest = text.slice(body + indent, lines.ends[i]);
    const mk = matchMarker(rest);
    if (mk?.family === 'decimal') decimals++;
    if (mk || mdLevel) found.push({ line: i, mk, mdLevel, body: body + indent, prefix });
  }
  // Decimal numbering counts only where the document uses it (two or more such lines).
  if (decimals < 2) {
    for (const c of found) if (c.mk?.family === 'decimal') c.mk = undefined;
  } else {
    for (let i = 0; i < n; i++) {
      if (roles[i] !== LineRole.Prose) continue;
      const rest = lineAt(i).replace(INDENT, '');
      const m = DECIMAL_TOP.exec(rest);
      if (!m || found.some((c) => c.line === i) || rest.length > 40 || /[。；，]/.test(rest)) continue;
      const ls = lines.starts[i] + (lineAt(i).length - rest.length);
      found.push({ line: i, mk: { family: 'decimal', number: parseInt(m[1], 10), length: m[0].length, canonical: true, parts: [parseInt(m[1], 10)] }, mdLevel: 0, body: ls });
    }
    found.sort((a, b) => a.line - b.line);
    decimalTops(found, (i) => lineAt(i));
  }

  const candidateAt = new Map(found.filter((c) => c.mk || c.mdLevel).map((c) => [c.line, c]));
  /** Whether what follows line i is its body: a paragraph, or a numbered line a level deeper. */
  const bodyFollows = (i: number, family: Family) => {
    let k = i + 1;
    while (k < n && roles[k] === LineRole.Blank) k++;
    if (k >= n || roles[k] !== LineRole.Prose) return false;
    const next = candidateAt.get(k)?.mk;
    return !next || (!isChapterFamily(next.family) && !isChapterFamily(family) && FAMILY_LEVEL[next.family] > FAMILY_LEVEL[family]);
  };
  const headings: Heading[] = [];
  const canonical: boolean[] = [];
  // The Markdown H1 that is the document's title is not part of the outline.
  const titleLine = frame.title ? lineOf(lines, frame.title.start) : -1;
  for (const c of found) {
    if (!c.mk && !c.mdLevel) continue;
    if (c.mdLevel && c.line === titleLine && !c.mk) continue;
    const i = c.line;
    const ls = lines.starts[i];
    const le = lines.ends[i];
    if (c.mk) {
      const markerStart = c.body;
      const markerEnd = markerStart + c.mk.length;
      const t = titleOf(text, markerEnd, le);
      // （一）扎实推进农村厕所革命。 alone on its line with body paragraphs below is a heading with
      // a closing 。; a numbered sentence with a subject or a modal (要、应当) is an item.
      if (t.sentence && !t.runOn && headingLikeSentence(text.slice(t.range.start, t.range.end)) && bodyFollows(i, c.mk.family)) t.sentence = false;
      const style: HeadingStyle = isChapterFamily(c.mk.family) ? 'chapter' : c.mk.family === 'decimal' ? 'decimal' : 'gongwen';
      headings.push({
        level: 0,
        rank: 0,
        kind: t.runOn || t.sentence ? 'item' : 'heading',
        style,
        marker: text.slice(markerStart, markerEnd),
        number: c.mk.number,
        family: c.mk.family,
        title: text.slice(t.range.start, t.range.end),
        line: i,
        range: { start: ls, end: le },
        titleRange: t.range,
        markerRange: { start: markerStart, end: markerEnd },
        sectionEnd: text.length,
        names: [],
        prefix: c.prefix,
        parent: -1,
        run: runOfLine[i],
        sentence: t.sentence,
        parts: c.mk.parts,
        mdLevel: c.mdLevel || undefined,
      });
      canonical.push(c.mk.canonical);
    } else {
      const raw = text.slice(c.body, le);
      const lead = raw.length - raw.trimStart().length;
      const title = raw.trim().replace(/[ \t]+#+$/, '');
      headings.push({
        level: 0,
        rank: 0,
        kind: 'heading',
        style: 'markdown',
        marker: c.prefix ? c.prefix.trim() : c.mdLevel === 1 ? '===' : '---',
        number: 0,
        title,
        line: i,
        range: { start: ls, end: le },
        titleRange: { start: c.body + lead, end: c.body + lead + title.length },
        markerRange: { start: ls, end: c.prefix ? ls + c.prefix.length : ls },
        sectionEnd: text.length,
        names: [],
        parent: -1,
        run: runOfLine[i],
        mdLevel: c.mdLevel,
      });
      canonical.push(true);
    }
  }

  buildTree(headings, runEnd);
  const excerpt = frame.title !== undefined && /节选|摘编|节录|摘录/.test(text.slice(frame.title.start, frame.title.end));
  const problems = checkNumbering(headings, canonical, excerpt);

  const frameLines = new Set<number>();
  const tocLines: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = roles[i];
    if (r === LineRole.Frame || r === LineRole.AttachmentStart) frameLines.add(i);
    else if (r === LineRole.Toc) {
      frameLines.add(i);
      tocLines.push(i);
    }
  }
  return { headings, problems, frameLines, title: frame.title, attachments, tocLines };
}

/**
 * Ranks, parents, depths and section ends. A node's rank says how deep its marker sits: Markdown #
 * levels first; then 章 1, 节 2, 条 3 and the 公文 levels below them (3 + level) in a document with
 * chapters; otherwise 公文 levels 1–5; decimal markers by their number of parts. A node's parent is
 * the nearest earlier node of a smaller rank in the same run.
 */
function buildTree(headings: Heading[], runEnd: (run: number) => number): void {
  const chapterRuns = new Set<number>();
  for (const h of headings) if (h.style === 'chapter') chapterRuns.add(h.run);
  const stack: number[] = [];
  let run = -1;
  const close = (idx: number, end: number) => {
    headings[idx].sectionEnd = end;
  };
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    if (h.run !== run) {
      for (const s of stack) close(s, runEnd(run));
      stack.length = 0;
      run = h.run;
    }
    h.rank = rankOf(h, chapterRuns.has(h.run));
    while (stack.length && headings[stack[stack.length - 1]].rank >= h.rank) close(stack.pop()!, h.range.start);
    const parent = stack.length ? stack[stack.length - 1] : -1;
    h.parent = parent;
    h.level = parent < 0 ? 1 : headings[parent].level + 1;
    // Inside an article, （一） and 1. are its 项 and 目: provisions, not headings.
    if (underArticle(headings, i)) h.kind = 'item';
    if (h.family === 'article') h.kind = 'article';
    stack.push(i);
  }
  for (const s of stack) close(s, runEnd(run));
}

/** Numbered lines without a # prefix sit below every Markdown # level. */
const PLAIN_BASE = 6;
/** In a document with chapters, the 公文 levels sit below 章 节 条. */
const CHAPTER_BASE = 3;

function rankOf(h: Heading, chapters: boolean): number {
  if (h.mdLevel) return h.mdLevel;
  const f = h.family as Family;
  if (f === 'decimal') return PLAIN_BASE + (h.parts?.length ?? 2);
  if (isChapterFamily(f)) return PLAIN_BASE + FAMILY_LEVEL[f];
  return PLAIN_BASE + (chapters ? CHAPTER_BASE : 0) + FAMILY_LEVEL[f];
}
