/**
 * Senses set aside: an alias inside a fixed term that means something else (长期护理保险,
 * 超长期特别国债, 一单位一应用), inside the name of a body (发展改革委, 政务服务和大数据管理局), or inside
 * a cited title (《……大数据发展条例》) does not count. The terms come from the packs' exceptions.
 */
import type { ExceptionDef, Range } from '../types';
import { Memo } from '../text/memo';

export interface ExceptionHit extends Range {
  term: string;
  reason: string;
}

/** Lines remembered with their hits (see Senses.findInLines); cleared when full. */
const LINE_CACHE_LIMIT = 20_000;

/** Hits of one line: [start, end) of each, relative to the line, and its term. */
type LineHits = { start: number; end: number; term: string }[];

export class Senses {
  private readonly re: RegExp | undefined;
  private readonly reasons = new Map<string, string>();
  /** Whether a term holds a line break: then a hit may span lines, and the text is searched whole. */
  private readonly spansLines: boolean;
  private lineCache = new Memo<LineHits>(LINE_CACHE_LIMIT);

  constructor(exceptions: ExceptionDef[]) {
    for (const e of exceptions) for (const t of e.terms) if (!this.reasons.has(t)) this.reasons.set(t, e.reason);
    const terms = [...this.reasons.keys()].sort((a, b) => b.length - a.length);
    this.re = terms.length ? new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
    this.spansLines = terms.some((t) => t === '' || /[\r\n]/.test(t));
  }

  /**
   * find(text), line by line: no term holds a line break, so no hit spans one, and each line's
   * hits are those of the whole text within it. A line's hits are remembered by its text, so a
   * draft edited in one place is searched again only there.
   */
  findInLines(text: string, lines: { starts: number[]; ends: number[] }): ExceptionHit[] {
    if (!this.re || this.spansLines) return this.find(text);
    const out: ExceptionHit[] = [];
    for (let i = 0; i < lines.starts.length; i++) {
      const ls = lines.starts[i];
      const le = lines.ends[i];
      if (le === ls) continue;
      const line = text.slice(ls, le);
      let hits = this.lineCache.get(line);
      if (!hits) {
        hits = [];
        this.re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = this.re.exec(line))) hits.push({ start: m.index, end: m.index + m[0].length, term: m[0] });
        this.lineCache.set(line, hits);
      }
      for (const h of hits) out.push({ start: ls + h.start, end: ls + h.end, term: h.term, reason: this.reasons.get(h.term)! });
    }
    return out;
  }

  /** Occurrences of the fixed terms in text, in order, not overlapping (longest first at each place). */
  find(text: string): ExceptionHit[] {
    const out: ExceptionHit[] = [];
    if (!this.re) return out;
    this.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, term: m[0], reason: this.reasons.get(m[0])! });
    return out;
  }
}

/** The range among sorted, non-overlapping `ranges` that overlaps r, if any (binary search). */
export function overlapping<T extends Range>(ranges: T[], r: Range): T | undefined {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= r.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length && ranges[lo].start < r.end ? ranges[lo] : undefined;
}

/**
 * overlapping() for ranges asked in order of their starts: the ranges that end before are passed
 * once. Same answers as overlapping, in any order (an earlier start starts over).
 */
export class Overlaps<T extends Range> {
  private k = 0;
  private last = -Infinity;
  constructor(private readonly ranges: T[]) {}

  at(r: Range): T | undefined {
    const ranges = this.ranges;
    if (!ranges.length) return undefined;
    if (r.start < this.last) this.k = 0;
    this.last = r.start;
    while (this.k < ranges.length && ranges[this.k].end <= r.start) this.k++;
    return this.k < ranges.length && ranges[this.k].start < r.end ? ranges[this.k] : undefined;
  }
}
