/**
 * The outline of a draft: 公文 headings 一、（一）1.（1）① (levels 1–5), 第一章/第一节/第一条,
 * Markdown ATX and Setext headings; numbering checks; and the lines that frame a 公文 (title,
 * subtitle, 主送机关, 落款) which are not prose to be reviewed.
 */
import type { Heading, LanguageKind, OutlineRule, Range } from './types';
import { lineOf, type Lines } from './lines';
import { parseChineseNumeral, parseCircled, toChineseNumeral, toCircled } from './numerals';

/** Numbering families, each with its canonical marker form. */
export type Family = 'cn-dun' | 'cn-paren' | 'arabic-dot' | 'arabic-paren' | 'circled' | 'chapter' | 'section' | 'article';

export const FAMILY_LEVEL: Record<Family, number> = {
  'cn-dun': 1,
  'cn-paren': 2,
  'arabic-dot': 3,
  'arabic-paren': 4,
  circled: 5,
  chapter: 1,
  section: 2,
  article: 3,
};

const GONGWEN_BY_LEVEL: Family[] = ['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled'];
const CHAPTER_BY_LEVEL: Family[] = ['chapter', 'section', 'article'];

/** The canonical marker of a family and number: (cn-dun, 4) → 四、 */
export function markerFor(family: Family, n: number): string {
  switch (family) {
    case 'cn-dun':
      return `${toChineseNumeral(n)}、`;
    case 'cn-paren':
      return `（${toChineseNumeral(n)}）`;
    case 'arabic-dot':
      return `${n}.`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'circled':
      return toCircled(n);
    case 'chapter':
      return `第${toChineseNumeral(n)}章`;
    case 'section':
      return `第${toChineseNumeral(n)}节`;
    case 'article':
      return `第${toChineseNumeral(n)}条`;
  }
}

export function familyForLevel(level: number, chapters = false): Family {
  const list = chapters ? CHAPTER_BY_LEVEL : GONGWEN_BY_LEVEL;
  return list[Math.min(Math.max(level, 1), list.length) - 1];
}

export const LEVEL_NAMES = ['一级标题 / Level 1', '二级标题 / Level 2', '三级标题 / Level 3', '四级标题 / Level 4', '五级标题 / Level 5', '六级标题 / Level 6'];

interface MarkerMatch {
  family: Family;
  number: number;
  /** Marker length in UTF-16 units. */
  length: number;
  /** True when the punctuation is the canonical one. */
  canonical: boolean;
}

const N = '[一二三四五六七八九十百零〇两]';
const RE_CN_DUN = new RegExp(`^(${N}{1,4})([、.．，,])(?![${'、.．，,'}\\d])`);
const RE_CN_PAREN = new RegExp(`^([（(])(${N}{1,4})([）)])([、.．，,]?)`);
const RE_ARABIC_DOT = /^(\d{1,3})([.．、])(?![\d.．、])/;
const RE_ARABIC_PAREN = /^([（(])(\d{1,3})([）)])([、.．，,]?)/;
const RE_CIRCLED = /^([①-⑳])([、.．，,]?)/;
const RE_CHAPTER = new RegExp(`^第(${N}{1,4}|\\d{1,3})([章节条])`);

/** Recognises a 公文 / chapter marker at the start of s (already stripped of indentation). */
export function matchMarker(s: string): MarkerMatch | undefined {
  let m: RegExpExecArray | null;
  const c = s.charCodeAt(0);
  if (c === 0x7b2c /* 第 */ && (m = RE_CHAPTER.exec(s))) {
    const num = /^\d/.test(m[1]) ? parseInt(m[1], 10) : parseChineseNumeral(m[1]);
    const family: Family = m[2] === '章' ? 'chapter' : m[2] === '节' ? 'section' : 'article';
    return Number.isNaN(num) ? undefined : { family, number: num, length: m[0].length, canonical: true };
  }
  if (c === 0xff08 /* （ */ || c === 0x28 /* ( */) {
    if ((m = RE_CN_PAREN.exec(s))) {
      const num = parseChineseNumeral(m[2]);
      if (Number.isNaN(num)) return undefined;
      return { family: 'cn-paren', number: num, length: m[0].length, canonical: m[1] === '（' && m[3] === '）' && !m[4] };
    }
    if ((m = RE_ARABIC_PAREN.exec(s))) {
      return { family: 'arabic-paren', number: parseInt(m[2], 10), length: m[0].length, canonical: m[1] === '（' && m[3] === '）' && !m[4] };
    }
    return undefined;
  }
  if (c >= 0x30 && c <= 0x39) {
    if ((m = RE_ARABIC_DOT.exec(s))) {
      return { family: 'arabic-dot', number: parseInt(m[1], 10), length: m[0].length, canonical: m[2] === '.' };
    }
    return undefined;
  }
  if (c >= 0x2460 && c <= 0x2473 && (m = RE_CIRCLED.exec(s))) {
    return { family: 'circled', number: parseCircled(m[1]), length: m[0].length, canonical: !m[2] };
  }
  if ((m = RE_CN_DUN.exec(s))) {
    const num = parseChineseNumeral(m[1]);
    if (Number.isNaN(num)) return undefined;
    // 一，/一. must still look like a heading: a short title follows, not running prose like 一，二……
    return { family: 'cn-dun', number: num, length: m[0].length, canonical: m[2] === '、' };
  }
  return undefined;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const INDENT = /^[ \t\u3000]*/;
const DATE_LINE = /^[\s\u3000]*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇一二三四五六七八九十]{1,3}\s*月\s*[\d〇一二三四五六七八九十]{1,3}\s*日[\s\u3000]*$/;

export interface OutlineProblem {
  rule: OutlineRule;
  heading: number;
  expected: string;
  found: string;
  /** For skipped levels: the level that is missing. */
  missingLevel?: number;
}

export interface OutlineScan {
  headings: Heading[];
  problems: OutlineProblem[];
  /** Lines that frame the document and are not reviewed: title, subtitle, 主送机关, 落款. */
  frameLines: Set<number>;
  title?: Range;
  /** Per heading: its numbering family (undefined for plain Markdown headings). */
  families: (Family | undefined)[];
}

/** 。 ： : end a heading's title; what follows on the line is body text. */
const RUN_ON_STOP = new Set([0x3002, 0xff1a, 0x3a]);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function titleOf(text: string, start: number, end: number): Range {
  // A 公文 heading may run on into body text after its first 。 or colon.
  let s = start;
  while (s < end && /[\s\u3000]/.test(text[s])) s++;
  let e = s;
  // A colon between digits is a time (17:00), not the end of the title.
  while (e < end && !(RUN_ON_STOP.has(text.charCodeAt(e)) && !(isDigit(text.charCodeAt(e - 1)) && isDigit(text.charCodeAt(e + 1))))) e++;
  while (e > s && /[\s\u3000：:；;#]/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** Parses headings and checks their numbering. `skip(line)` tells lines inside code/front matter. */
export function scanOutline(text: string, lines: Lines, language: LanguageKind, skip: (line: number) => boolean): OutlineScan {
  const headings: Heading[] = [];
  const families: (Family | undefined)[] = [];
  const canonical: boolean[] = [];
  const n = lines.starts.length;
  const md = language === 'markdown';
  for (let i = 0; i < n; i++) {
    const ls = lines.starts[i];
    const le = lines.ends[i];
    if (le === ls || skip(i)) continue;
    const line = text.slice(ls, le);
    let body = ls;
    let prefix: string | undefined;
    let mdLevel = 0;
    if (md) {
      const atx = ATX.exec(line);
      if (atx) {
        mdLevel = atx[1].length;
        body = ls + atx[0].length;
        prefix = atx[0];
      } else if (i + 1 < n && !skip(i + 1) && line.trim() && SETEXT.test(text.slice(lines.starts[i + 1], lines.ends[i + 1]))) {
        // Setext needs a paragraph line above; a "---" after a blank line is a thematic break.
        const under = text.slice(lines.starts[i + 1], lines.ends[i + 1]).trim();
        const prevBlank = i === 0 || !text.slice(lines.starts[i - 1], lines.ends[i - 1]).trim();
        if (prevBlank && !matchMarker(line.replace(INDENT, ''))) {
          mdLevel = under[0] === '=' ? 1 : 2;
        }
      }
    }
    const indent = INDENT.exec(text.slice(body, le))![0].length;
    const rest = text.slice(body + indent, le);
    const mk = matchMarker(rest);
    if (mk) {
      const markerStart = body + indent;
      const markerEnd = markerStart + mk.length;
      const tr = titleOf(text, markerEnd, le);
      headings.push({
        level: FAMILY_LEVEL[mk.family],
        kind: mk.family === 'chapter' || mk.family === 'section' || mk.family === 'article' ? 'chapter' : 'gongwen',
        marker: text.slice(markerStart, markerEnd),
        number: mk.number,
        family: mk.family,
        title: text.slice(tr.start, tr.end),
        line: i,
        range: { start: ls, end: le },
        titleRange: tr,
        markerRange: { start: markerStart, end: markerEnd },
        sectionEnd: text.length,
        names: [],
        prefix,
      });
      families.push(mk.family);
      canonical.push(mk.canonical);
    } else if (mdLevel) {
      const tr = titleOf(text, body, le);
      tr.end = Math.max(tr.start, tr.end);
      headings.push({
        level: mdLevel,
        kind: 'markdown',
        marker: prefix ? prefix.trim() : mdLevel === 1 ? '===' : '---',
        number: 0,
        title: text.slice(tr.start, tr.end).replace(/[ \t]+#+$/, ''),
        line: i,
        range: { start: ls, end: le },
        titleRange: tr,
        markerRange: { start: ls, end: prefix ? ls + prefix.length : ls },
        sectionEnd: text.length,
        names: [],
      });
      families.push(undefined);
      canonical.push(true);
    }
  }
  const frameLines = new Set<number>();
  const title = findFrame(text, lines, headings, skip, frameLines);
  // The Markdown H1 that is the document's title is not part of the outline.
  if (title && headings.length && headings[0].kind === 'markdown' && headings[0].range.start === lines.starts[lineOf(lines, title.start)]) {
    headings.shift();
    families.shift();
    canonical.shift();
  }
  const problems = checkNumbering(headings, families, canonical);
  computeSectionEnds(text, headings, families);
  return { headings, problems, frameLines, title, families };
}

/** Title, subtitle and 主送机关 at the top; 落款 (agency + date) at the bottom. */
function findFrame(text: string, lines: Lines, headings: Heading[], skip: (l: number) => boolean, frame: Set<number>): Range | undefined {
  const n = lines.starts.length;
  const headingLines = new Set(headings.filter((h) => h.kind !== 'markdown').map((h) => h.line));
  const mdH1 = headings.filter((h) => h.kind === 'markdown' && h.level === 1);
  const content = (i: number) => !skip(i) && text.slice(lines.starts[i], lines.ends[i]).trim() !== '' && !/^ {0,3}(=+|-+)[ \t]*$/.test(text.slice(lines.starts[i], lines.ends[i]));
  let i = 0;
  while (i < n && !content(i)) i++;
  let title: Range | undefined;
  if (i < n && !headingLines.has(i)) {
    const raw = text.slice(lines.starts[i], lines.ends[i]);
    const t = raw.replace(/^ {0,3}#{1,6}[ \t]+/, '').trim();
    const isMdH1 = mdH1.length === 1 && mdH1[0].line === i;
    const isOtherMdHeading = headings.some((h) => h.kind === 'markdown' && h.line === i) && !isMdH1;
    if (!isOtherMdHeading && (isMdH1 || (t.length <= 80 && !/[。；;！!？?：:]$/.test(t) && !/[。；;]/.test(t)))) {
      title = { start: lines.starts[i], end: lines.ends[i] };
      frame.add(i);
      // A second title line, a version note such as （征求意见稿）, or a subtitle ——在……上的讲话.
      let j = i + 1;
      let extra = 0;
      while (j < n && extra < 3) {
        if (!content(j)) {
          j++;
          continue;
        }
        const u = text.slice(lines.starts[j], lines.ends[j]).replace(/^ {0,3}#{1,6}[ \t]+/, '').trim();
        if (headingLines.has(j)) break;
        if (/^(——|--|—)/.test(u) || /^[（(].{1,20}[）)]$/.test(u) || /^(\d{4}年\d{1,2}月\d{1,2}日|[^\s，。]{1,20}\s*[（(]?\d{4}年\d{1,2}月\d{1,2}日[）)]?)$/.test(u)) {
          frame.add(j);
          j++;
          extra++;
          continue;
        }
        break;
      }
      // 主送机关: a short line ending in a colon, before the body.
      while (j < n && !content(j)) j++;
      if (j < n && !headingLines.has(j)) {
        const u = text.slice(lines.starts[j], lines.ends[j]).trim();
        if (u.length <= 80 && /[：:]$/.test(u) && !/[。]/.test(u)) frame.add(j);
      }
    }
  }
  // 落款: a date line at the end and the agency line(s) just above it.
  let k = n - 1;
  while (k >= 0 && !content(k)) k--;
  if (k >= 0 && DATE_LINE.test(text.slice(lines.starts[k], lines.ends[k]))) {
    frame.add(k);
    let a = k - 1;
    let count = 0;
    while (a >= 0 && count < 2) {
      if (!content(a)) break;
      const u = text.slice(lines.starts[a], lines.ends[a]).trim();
      if (u.length > 30 || /[。，；,;：:]/.test(u) || headingLines.has(a)) break;
      frame.add(a);
      a--;
      count++;
    }
  }
  return title;
}

/** Hierarchy key: chapter-style and 公文-style headings number independently. */
function group(f: Family): 'chapter' | 'gongwen' {
  return f === 'chapter' || f === 'section' || f === 'article' ? 'chapter' : 'gongwen';
}

function checkNumbering(headings: Heading[], families: (Family | undefined)[], canonical: boolean[]): OutlineProblem[] {
  const problems: OutlineProblem[] = [];
  const stacks: Record<string, { index: number; level: number }[]> = { chapter: [], gongwen: [] };
  // Last number used under (parent heading index, level).
  const last = new Map<string, number>();
  let lastChapterHeading = -1;
  headings.forEach((h, idx) => {
    const fam = families[idx];
    if (!fam) return;
    const g = group(fam);
    const stack = stacks[g];
    if (g === 'chapter') {
      // A 章/节/条 heading starts fresh 公文 numbering for the items inside it.
      stacks.gongwen.length = 0;
      lastChapterHeading = idx;
    }
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (!canonical[idx]) {
      problems.push({ rule: 'outline-punctuation', heading: idx, expected: markerFor(fam, h.number), found: h.marker });
    }
    // 节 are optional between 章 and 条, so only 公文 levels can be skipped.
    if (g === 'gongwen' && parent && h.level > parent.level + 1) {
      const missingLevel = parent.level + 1;
      problems.push({
        rule: 'outline-skipped-level',
        heading: idx,
        expected: markerFor(familyForLevel(missingLevel), 1),
        found: h.marker,
        missingLevel,
      });
    }
    // 条 are numbered through the whole text; 节 within their 章; 公文 levels within their parent.
    const key =
      fam === 'article' ? 'article' : fam === 'section' ? `section:${parent?.index ?? -1}` : `${g}:${parent ? parent.index : g === 'gongwen' ? `c${lastChapterHeading}` : -1}:${h.level}`;
    const prev = last.get(key);
    const expected = (prev ?? 0) + 1;
    if (prev !== undefined && h.number === prev) {
      problems.push({ rule: 'outline-duplicate', heading: idx, expected: markerFor(fam, expected), found: h.marker });
    } else if (h.number !== expected) {
      problems.push({ rule: 'outline-order', heading: idx, expected: markerFor(fam, expected), found: h.marker });
    }
    last.set(key, h.number);
    stack.push({ index: idx, level: h.level });
  });
  return problems;
}

/** Each heading's section runs to the next heading of the same or a higher level. */
function computeSectionEnds(text: string, headings: Heading[], families: (Family | undefined)[]): void {
  const hasChapters = families.some((f) => f && group(f) === 'chapter');
  const rank = (i: number) => {
    const f = families[i];
    if (!f) return headings[i].level;
    return group(f) === 'gongwen' && hasChapters ? headings[i].level + 3 : headings[i].level;
  };
  const stack: number[] = [];
  for (let i = 0; i < headings.length; i++) {
    const r = rank(i);
    while (stack.length && rank(stack[stack.length - 1]) >= r) {
      headings[stack.pop()!].sectionEnd = headings[i].range.start;
    }
    stack.push(i);
  }
  for (const i of stack) headings[i].sectionEnd = text.length;
}
