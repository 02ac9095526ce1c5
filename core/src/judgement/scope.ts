/**
 * Scope comes first: a framework applies to a draft about its domain. Judged from the title and the
 * density of the pack's domain terms, never from generic words. A broad document (政府工作报告,
 * 规划纲要), or one whose title is not on the domain, may still have parts on it: sections whose
 * heading names the domain and whose body is on it are reviewed, alone.
 */
import type { DomainDef, Heading, Range, RulePack, ScopeResult } from '../types';

const DEFAULT_MIN_HITS = 10;
const DEFAULT_MIN_DENSITY = 2;
/** A part needs this many domain terms in its body. */
const PART_MIN_HITS = 3;
const PART_MIN_LENGTH = 100;

export interface ScopeInput {
  /** The text the terms are searched in (Simplified). */
  text: string;
  title?: Range;
  headings: Heading[];
  /** Ranges that are not prose (frame, code…), excluded from the count. */
  notProse: (offset: number) => boolean;
  /** The writer asked for this framework (setting or comment). */
  forced: boolean;
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
  const base = { pack: pack.id, label: domain?.label ?? pack.name, parts: [] as number[], hits: 0, density: 0 };
  if (input.forced) return { ...base, status: 'forced', reason: '按要求审校（设置或文稿中的注释） / reviewed as asked (setting or comment in the draft)', ranges: whole };
  if (!domain) return { ...base, status: 'whole', reason: '规则包未限定领域 / the pack declares no domain', ranges: whole };
  let re = cache.get(domain);
  if (!re) cache.set(domain, (re = termRegex(domain)));
  const { text, title } = input;
  const { hits } = hitsIn(re, text, 0, text.length, input.notProse);
  let chars = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) chars++;
  }
  const density = chars ? (1000 * hits) / chars : 0;
  const titleText = title ? text.slice(title.start, title.end) : '';
  re.lastIndex = 0;
  const titleTerm = titleText ? re.exec(titleText)?.[0] : undefined;
  const broad = (domain.broad ?? []).find((w) => titleText.includes(w));
  const stats = { ...base, hits, density: Math.round(density * 10) / 10 };
  const minHits = domain.minHits ?? DEFAULT_MIN_HITS;
  const minDensity = domain.minDensity ?? DEFAULT_MIN_DENSITY;
  if (!broad && titleTerm) {
    return { ...stats, status: 'whole', reason: `标题涉及“${titleTerm}” / the title names ${titleTerm}`, ranges: whole };
  }
  if (!broad && hits >= minHits && density >= minDensity) {
    return { ...stats, status: 'whole', reason: `正文多处论及${domain.label}（${hits} 处，每千字 ${stats.density} 处） / the text is about ${domain.label} (${hits} domain terms, ${stats.density} per 1,000 characters)`, ranges: whole };
  }
  // Parts: the outermost sections whose heading names the domain and whose body is on it.
  const parts: number[] = [];
  const ranges: Range[] = [];
  input.headings.forEach((h, i) => {
    if (h.kind === 'article' || h.sentence) return;
    if (ranges.some((r) => h.range.start >= r.start && h.range.start < r.end)) return;
    re!.lastIndex = 0;
    if (!re!.exec(h.title)) return;
    const body = hitsIn(re!, text, h.titleRange.end, h.sectionEnd, input.notProse);
    if (body.hits < PART_MIN_HITS || h.sectionEnd - h.range.end < PART_MIN_LENGTH) return;
    parts.push(i);
    ranges.push({ start: h.range.start, end: h.sectionEnd });
  });
  if (parts.length) {
    const names = parts.map((i) => `“${input.headings[i].title}”`).join('、');
    return { ...stats, parts, status: 'part', reason: `只审校论及${domain.label}的部分：${names} / only the parts on ${domain.label} are reviewed: ${names}`, ranges };
  }
  const why = broad ? `综合性文稿（${broad}），没有专门论述${domain.label}的部分` : `文稿不是关于${domain.label}的（领域词 ${hits} 处，每千字 ${stats.density} 处）`;
  const whyEn = broad ? `a broad document (${broad}) with no part on ${domain.label}` : `the draft is not about ${domain.label} (${hits} domain terms, ${stats.density} per 1,000 characters)`;
  return { ...stats, status: 'out', reason: `${why}，不适用本框架 / ${whyEn}; the framework does not apply`, ranges: [] };
}
