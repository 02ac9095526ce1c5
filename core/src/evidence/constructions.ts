/**
 * Pairing constructions: 既要A，又要B; 统筹A和B; 兼顾A与B; A与B并重; 在A的前提下B. Their two halves
 * are read as the two sides of the relationship they name, so 守住安全底线 beside 推进数据开放 is data
 * security, and generic words inside them count. Patterns are data in the packs.
 */
import type { ConstructionDef, Range } from '../types';
import { Memo } from '../text/memo';

export interface PairMatch {
  a: Range;
  b: Range;
  name: string;
}

/** A half: words of one clause at most, no sentence end. */
const HALF = '([^。；！？\\n\\r]{1,40}?)';
const LAST_HALF = '([^。；！？，,\\n\\r]{1,40})';

function compile(c: ConstructionDef): RegExp | undefined {
  const ai = c.pattern.indexOf('{A}');
  const bi = c.pattern.indexOf('{B}');
  if (ai < 0 || bi < ai) return undefined;
  const lit = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[，,]/g, '[，,、]?');
  const before = lit(c.pattern.slice(0, ai));
  const middle = lit(c.pattern.slice(ai + 3, bi));
  const after = lit(c.pattern.slice(bi + 3));
  // A half that ends the pattern stops at the clause's end; one followed by words stops at them.
  return new RegExp(`${before}${HALF}${middle}${after ? HALF : LAST_HALF}${after}`, 'g');
}

/** Sentences remembered with their matches (see Constructions.find); cleared when full. */
const SENTENCE_CACHE_LIMIT = 20_000;

/** A pattern's matches in one sentence: the halves' [start, end) relative to it, four numbers a match. */
type SentenceMatches = number[];

export class Constructions {
  private readonly patterns: { re: RegExp; name: string; key: string; parts: string[] }[] = [];
  /** Per sentence text, per pattern: its matches there, once tried. */
  private cache = new Memo<(SentenceMatches | undefined)[]>(SENTENCE_CACHE_LIMIT);

  constructor(defs: ConstructionDef[]) {
    const seen = new Set<string>();
    for (const d of defs) {
      if (seen.has(d.pattern)) continue;
      seen.add(d.pattern);
      const re = compile(d);
      // The longest literal part: only sentences holding it are tried.
      const key = d.pattern.split(/\{[AB]\}|[，,]/).sort((x, y) => y.length - x.length)[0] ?? '';
      // The literal words a match holds, in order (commas are optional).
      const parts = d.pattern.split(/\{[AB]\}|[，,]/).filter(Boolean);
      if (re && key) this.patterns.push({ re, name: d.name ?? d.pattern, key, parts });
    }
  }

  /**
   * Every construction in text: the ranges of its two halves. `sentenceAt(offset)` gives the
   * sentence around an offset; only sentences that hold a pattern's literal words are tried.
   */
  find(text: string, sentenceAt: (offset: number) => Range): PairMatch[] {
    const out: PairMatch[] = [];
    // This text's sentences met so far, by start: each is looked up in the cache once.
    const here = new Map<number, (SentenceMatches | undefined)[]>();
    for (let pi = 0; pi < this.patterns.length; pi++) {
      const p = this.patterns[pi];
      let last = -1;
      for (let at = text.indexOf(p.key); at >= 0; at = text.indexOf(p.key, at + 1)) {
        const s = sentenceAt(at);
        if (s.start <= last) continue;
        last = s.start;
        // The rest of this sentence is done with it: the next sentence holding the key is after it.
        if (s.end > at + 1) at = s.end - 1;
        // The matches depend on the sentence's text alone: a sentence met before is not tried again.
        let known = here.get(s.start);
        if (!known) {
          const sentence = text.slice(s.start, s.end);
          known = this.cache.get(sentence) ?? this.cache.set(sentence, []);
          here.set(s.start, known);
        }
        let found = known[pi];
        if (!found) known[pi] = found = matchSentence(p, text.slice(s.start, s.end));
        for (let k = 0; k < found.length; k += 4) {
          out.push({ a: { start: s.start + found[k], end: s.start + found[k + 1] }, b: { start: s.start + found[k + 2], end: s.start + found[k + 3] }, name: p.name });
        }
      }
    }
    return out;
  }
}

/** A pattern's matches in one sentence, relative to it (see SentenceMatches). */
function matchSentence(p: { re: RegExp; parts: string[] }, sentence: string): SentenceMatches {
  const found: SentenceMatches = [];
  // The pattern is tried only where its literal words all stand, in order.
  if (!holdsInOrder(sentence, p.parts, 0, sentence.length)) return found;
  p.re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = p.re.exec(sentence))) {
    const aStart = m.index + m[0].indexOf(m[1]);
    const bStart = m.index + m[0].lastIndexOf(m[2]);
    found.push(aStart, aStart + m[1].length, bStart, bStart + m[2].length);
    if (p.re.lastIndex === m.index) p.re.lastIndex++;
  }
  return found;
}

/** Whether parts occur in text[from, to), one after another, in order. */
function holdsInOrder(text: string, parts: string[], from: number, to: number): boolean {
  let pos = from;
  for (const part of parts) {
    const i = text.indexOf(part, pos);
    if (i < 0 || i + part.length > to) return false;
    pos = i + part.length;
  }
  return true;
}
