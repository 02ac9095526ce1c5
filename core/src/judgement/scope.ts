/**
 * Scope comes first: a framework applies to a draft about its domain. Judged from the title and the
 * density of the pack's domain terms, never from generic words. A broad document (政府工作报告,
 * 规划纲要), or one whose title is not on the domain, may still have parts on it: sections whose
 * heading names the domain and whose body is on it are reviewed, alone.
 */
import type { DomainDef, Heading, Range, RulePack, ScopeResult } from '../types';
import { say, type Lang } from '../locale';

const DEFAULT_MIN_HITS = 10;
const DEFAULT_MIN_DENSITY = 2;
/** A part needs this many domain terms in its body. */
const PART_MIN_HITS = 3;
const PART_MIN_LENGTH = 100;
/** Parts on the domain covering less than this share of a dense text make it a text with parts on the domain. */
const PART_MAX_SHARE = 0.5;

/** Chinese characters in [from, to). */
function hanIn(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

export interface ScopeInput {
  /** The text the terms are searched in (Simplified). */
  text: string;
  title?: Range;
  headings: Heading[];
  /** Ranges that are not prose (frame, code…), excluded from the count. */
  notProse: (offset: number) => boolean;
  /** The writer asked for this framework (setting or comment). */
  forced: boolean;
  /** The language the reason is written in. */
  lang: Lang;
  /**
   * When known: the domain terms in the prose and the Chinese characters of the whole text, as
   * hitsIn and hanIn would count them (see domainHits).
   */
  whole?: { hits: number; chars: number };
}

export interface Scope extends ScopeResult {
  /** Where the framework applies (empty when out). */
  ranges: Range[];
}

function termRegex(domain: DomainDef): RegExp {
  const terms = [...new Set(domain.terms)].sort((a, b) => b.length - a.length);
  return new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
}

const cache = new WeakMap<DomainDef, RegExp>();

function regexOf(domain: DomainDef): RegExp {
  let re = cache.get(domain);
  if (!re) cache.set(domain, (re = termRegex(domain)));
  return re;
}

/** Whether a domain's terms can be counted line by line: none holds a line break (or is empty). */
export function countsByLine(domain: DomainDef): boolean {
  return domain.terms.length > 0 && !domain.terms.some((t) => t === '' || /[\r\n]/.test(t));
}

/**
 * The domain terms in one line, as hitsIn finds them in the whole text: with countsByLine, no term
 * spans a line break, so the hits of a text are those of its lines.
 */
export function domainHits(domain: DomainDef, line: string): number {
  const re = regexOf(domain);
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(line)) n++;
  return n;
}

/** Chinese characters (U+4E00–U+9FFF) of a string. */
export function hanOf(s: string): number {
  return hanIn(s, 0, s.length);
}

function hitsIn(re: RegExp, text: string, from: number, to: number, notProse: (o: number) => boolean): { hits: number; first?: string } {
  re.lastIndex = from;
  let hits = 0;
  let first: string | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    if (notProse(m.index)) continue;
    hits++;
    first ??= m[0];
  }
  return { hits, first };
}

export function scopeOf(pack: RulePack, input: ScopeInput): Scope {
  const whole = [{ start: 0, end: input.text.length }];
  const domain = pack.domain;
  const t = (zh: string, en: string) => say(input.lang, zh, en);
  const base = { pack: pack.id, label: domain?.label ?? pack.name, parts: [] as number[], hits: 0, density: 0 };
  if (input.forced) return { ...base, status: 'forced', reason: t('按要求审校（设置或文稿中的注释）', 'reviewed as asked (setting or comment in the draft)'), ranges: whole };
  if (!domain) return { ...base, status: 'whole', reason: t('规则包未限定领域', 'the pack declares no domain'), ranges: whole };
  const re = regexOf(domain);
  const { text, title } = input;
  const hits = input.whole ? input.whole.hits : hitsIn(re, text, 0, text.length, input.notProse).hits;
  const chars = input.whole ? input.whole.chars : hanIn(text, 0, text.length);
  const density = chars ? (1000 * hits) / chars : 0;
  const titleText = title ? text.slice(title.start, title.end) : '';
  re.lastIndex = 0;
  const titleTerm = titleText ? re.exec(titleText)?.[0] : undefined;
  const broad = (domain.broad ?? []).find((w) => titleText.includes(w));
  const stats = { ...base, hits, density: Math.round(density * 10) / 10 };
  const minHits = domain.minHits ?? DEFAULT_MIN_HITS;
  const minDensity = domain.minDensity ?? DEFAULT_MIN_DENSITY;
  if (!broad && titleTerm) {
    return { ...stats, status: 'whole', reason: t(`标题涉及“${titleTerm}”`, `the title names ${titleTerm}`), ranges: whole };
  }
  // Parts: the outermost sections whose heading names the domain and whose body is on it.
  const parts: number[] = [];
  const ranges: Range[] = [];
  let partHits = 0;
  let partChars = 0;
  input.headings.forEach((h, i) => {
    if (h.kind === 'article' || h.sentence) return;
    if (ranges.some((r) => h.range.start >= r.start && h.range.start < r.end)) return;
    re.lastIndex = 0;
    if (!re.exec(h.title)) return;
    const body = hitsIn(re, text, h.titleRange.end, h.sectionEnd, input.notProse);
    if (body.hits < PART_MIN_HITS || h.sectionEnd - h.range.end < PART_MIN_LENGTH) return;
    parts.push(i);
    ranges.push({ start: h.range.start, end: h.sectionEnd });
    partHits += hitsIn(re, text, h.range.start, h.sectionEnd, input.notProse).hits;
    partChars += hanIn(text, h.range.start, h.sectionEnd);
  });
  if (!broad && hits >= minHits && density >= minDensity) {
    // Dense in the domain — unless its terms sit in parts of their own (a chapter on 政务服务 in a
    // statute on the business environment) that are a minority of the text, and the rest is not on the domain.
    const rest = hits - partHits;
    const restDensity = chars > partChars ? (1000 * rest) / (chars - partChars) : 0;
    const minority = partChars < PART_MAX_SHARE * chars;
    if (!(parts.length && minority && (rest < minHits || restDensity < minDensity))) {
      return { ...stats, status: 'whole', reason: t(`正文多处论及${domain.label}（${hits} 处，每千字 ${stats.density} 处）`, `the text is about ${domain.label} (${hits} domain terms, ${stats.density} per 1,000 characters)`), ranges: whole };
    }
  }
  if (parts.length) {
    const names = parts.map((i) => `“${input.headings[i].title}”`).join('、');
    return { ...stats, parts, status: 'part', reason: t(`只审校论及${domain.label}的部分：${names}`, `only the parts on ${domain.label} are reviewed: ${names}`), ranges };
  }
  const why = broad ? `综合性文稿（${broad}），没有专门论述${domain.label}的部分` : `文稿不是关于${domain.label}的（领域词 ${hits} 处，每千字 ${stats.density} 处）`;
  const whyEn = broad ? `a broad document (${broad}) with no part on ${domain.label}` : `the draft is not about ${domain.label} (${hits} domain terms, ${stats.density} per 1,000 characters)`;
  return { ...stats, status: 'out', reason: t(`${why}，不适用本框架`, `${whyEn}; the framework does not apply`), ranges: [] };
}
