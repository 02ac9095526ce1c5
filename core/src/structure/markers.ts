/**
 * Numbering markers at the start of a line: 公文 一、（一）1.（1）①, 第一章/第一节/第一条 (and their
 * Traditional forms 節 條), decimal 1.1 / 2.3.1. Each family has a canonical form and a nominal
 * rank; where a marker sits in the outline is decided by the tree (outline.ts), not here.
 */
import { parseChineseNumeral, parseCircled, toChineseNumeral, toCircled } from '../numerals';
import type { Lang } from '../locale';

/** Numbering families, each with its canonical marker form. */
export type Family = 'cn-dun' | 'cn-paren' | 'arabic-dot' | 'arabic-paren' | 'circled' | 'chapter' | 'section' | 'article' | 'decimal';

/** Nominal rank of a family: 公文 levels 1–5; 章 1, 节 2, 条 3. Decimal markers rank by their parts. */
export const FAMILY_LEVEL: Record<Family, number> = {
  'cn-dun': 1,
  'cn-paren': 2,
  'arabic-dot': 3,
  'arabic-paren': 4,
  circled: 5,
  chapter: 1,
  section: 2,
  article: 3,
  decimal: 2,
};

const GONGWEN_BY_LEVEL: Family[] = ['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled'];
const CHAPTER_BY_LEVEL: Family[] = ['chapter', 'section', 'article'];

export function isChapterFamily(f: Family | string | undefined): boolean {
  return f === 'chapter' || f === 'section' || f === 'article';
}

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
    case 'decimal':
      return `${n}`;
  }
}

/**
 * The marker that numbers `n` in the same sequence as `marker` of `family`: for decimal markers
 * the leading parts are kept (2.3.1 → 2.3.n), for others the canonical form.
 */
export function markerLike(family: Family, marker: string, n: number): string {
  if (family !== 'decimal') return markerFor(family, n);
  const m = /^((?:\d+[.．])*)\d+([.．]?\s*)$/.exec(marker);
  return m ? `${m[1]}${n}${m[2]}` : marker;
}

export function familyForLevel(level: number, chapters = false): Family {
  const list = chapters ? CHAPTER_BY_LEVEL : GONGWEN_BY_LEVEL;
  return list[Math.min(Math.max(level, 1), list.length) - 1];
}

/** The family a first child of a heading of `family` takes. */
export function childFamily(family: Family, usesArticles: boolean): Family | undefined {
  switch (family) {
    case 'cn-dun':
      return 'cn-paren';
    case 'cn-paren':
      return 'arabic-dot';
    case 'arabic-dot':
      return 'arabic-paren';
    case 'arabic-paren':
      return 'circled';
    case 'circled':
      return undefined;
    case 'chapter':
      return usesArticles ? 'article' : 'section';
    case 'section':
      return usesArticles ? 'article' : 'cn-dun';
    case 'article':
      return 'cn-paren';
    case 'decimal':
      return 'decimal';
  }
}

const LEVEL_ZH = ['一级标题', '二级标题', '三级标题', '四级标题', '五级标题', '六级标题'];

/** The name of a heading level (1-based), in the writer's language: 二级标题, Level 2. */
export function levelName(level: number, lang: Lang): string {
  const l = Math.max(1, Math.min(level, LEVEL_ZH.length));
  return lang === 'en' ? `Level ${l}` : LEVEL_ZH[l - 1];
}

export interface MarkerMatch {
  family: Family;
  number: number;
  /** Marker length in UTF-16 units. */
  length: number;
  /** True when the punctuation is the canonical one. */
  canonical: boolean;
  /** Decimal markers: the numbers, 2.3.1 → [2, 3, 1]. */
  parts?: number[];
}

const N = '[一二三四五六七八九十百零〇两]';
// 一、2025年工作回顾 is a heading: digits may follow 、 (but not 一.5, a decimal in prose).
const RE_CN_DUN = new RegExp(`^(${N}{1,4})(?:(、)(?![、.．，,])|([.．，,])(?![、.．，,\\d]))`);
const RE_CN_PAREN = new RegExp(`^([（(])(${N}{1,4})([）)])([、.．，,]?)`);
const RE_ARABIC_DOT = /^(\d{1,3})([.．、])(?![\d.．、])/;
const RE_ARABIC_PAREN = /^([（(])(\d{1,3})([）)])([、.．，,]?)/;
const RE_CIRCLED = /^([①-⑳])([、.．，,]?)/;
const RE_CHAPTER = new RegExp(`^第(${N}{1,4}|\\d{1,3})([章节条節條])`);
/** 1.1 / 2.3.1, then a space or the title (not 1.5万元, which has a digit or unit after). */
const RE_DECIMAL = /^(\d{1,2}(?:[.．]\d{1,2}){1,3})(?![\d.．%％])[.．]?(\s*)(?=[\u4e00-\u9fff“（《A-Za-z])/;

/** Recognises a marker at the start of s (already stripped of indentation). */
export function matchMarker(s: string): MarkerMatch | undefined {
  let m: RegExpExecArray | null;
  const c = s.charCodeAt(0);
  if (c === 0x7b2c /* 第 */ && (m = RE_CHAPTER.exec(s))) {
    const num = /^\d/.test(m[1]) ? parseInt(m[1], 10) : parseChineseNumeral(m[1]);
    const family: Family = m[2] === '章' ? 'chapter' : m[2] === '节' || m[2] === '節' ? 'section' : 'article';
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
    if ((m = RE_DECIMAL.exec(s))) {
      const parts = m[1].split(/[.．]/).map((p) => parseInt(p, 10));
      return { family: 'decimal', number: parts[parts.length - 1], length: m[0].length, canonical: true, parts };
    }
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
    return { family: 'cn-dun', number: num, length: m[0].length, canonical: m[2] === '、' };
  }
  return undefined;
}
