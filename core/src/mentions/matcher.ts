/**
 * Alias matching on jieba tokens. An alias matches a run of whole tokens (so 安全感 is not 安全);
 * where aliases nest the longest run wins (投入产出 over 投入); one token may count for several
 * relationships. Mentions inside agency names (政务服务管理局) are marked incidental.
 *
 * The aliases are found in the text first, by a scan over its characters; the tokens are then
 * only walked, to see which of those occurrences begin and end on token boundaries.
 */
import type { ElementDef, RelationshipDef } from '../types';

export interface AliasTarget {
  id: string;
  side: number;
  element: boolean;
  /** A generic word of this side: evidence only in context. */
  generic: boolean;
}

/** A match relative to the segmented piece of text. */
export interface PieceMatch {
  start: number;
  end: number;
  alias: string;
  targets: AliasTarget[];
  /** Part of an agency's name: not a discussion of the subject. */
  incidental: boolean;
}

/** Tokens after an alias that make it part of an agency's name. */
const AGENCY_SUFFIX = /^(?:局|厅|委|署|办|[\u4e00-\u9fff]{0,4}(?:管理局|服务局|数据局|办公厅|办公室|委员会|改革委|领导小组))$/;
/** The last characters AGENCY_SUFFIX accepts: a cheap test before the regular expression. */
const AGENCY_LAST = new Set([...'局厅委署办室会组'].map((c) => c.charCodeAt(0)));

/** Bits of the bigram table's index (2^BIGRAM_BITS slots). */
const BIGRAM_BITS = 12;

function bigramSlot(a: number, b: number): number {
  // Multiplicative hashing of the pair as one 32-bit key: the top bits mix both units.
  return Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - BIGRAM_BITS);
}

const NO_ALIASES: string[] = [];
/** Flags in `units`; the bits above them hold the unit's index among the first units of aliases. */
const START = 1;
const ONE = 2;
const STOP = 4;
const FLAGS = 3;
/** Indexes that fit above the flags; a first unit beyond them gets 0, which filters nothing. */
const MAX_FIRST = (1 << (16 - FLAGS)) - 1;
/** Second units are told apart by their low SECOND_BITS bits (a filter: it may let others by). */
const SECOND_BITS = 10;

/** Every alias of the definitions, each once, in the order AliasIndex.words() gives them. */
export function aliasWords(relationships: RelationshipDef[], elements: ElementDef[]): string[] {
  const words = new Set<string>();
  for (const r of relationships) for (const s of r.sides) for (const a of [...s.aliases, ...(s.generic ?? [])]) words.add(a);
  for (const e of elements) for (const a of e.aliases) words.add(a);
  return [...words];
}

export class AliasIndex {
  readonly aliases = new Map<string, AliasTarget[]>();
  /**
   * Per UTF-16 unit, in the low FLAGS bits: START when some alias starts with it, START | ONE when
   * it is also a one-unit alias, STOP for a separator of the segmenter (see useSeparators), 0
   * otherwise; above them, for a unit that starts a longer alias, its index in `seconds`.
   */
  private readonly units = new Uint16Array(0x10000);
  /** Per first unit (by index), a bit table of the (low bits of the) second units that follow it. */
  private seconds = new Uint32Array(1 << (SECOND_BITS - 5));
  private firstUnits = 0;
  /**
   * The aliases of two units or more by a hash of their first two units, longest first. A slot
   * may hold aliases of other first units too (a hash collision): callers compare the text.
   */
  private readonly byBigram: (string[] | undefined)[] = new Array<string[] | undefined>(1 << BIGRAM_BITS).fill(undefined);

  constructor(relationships: RelationshipDef[], elements: ElementDef[]) {
    const add = (alias: string, t: AliasTarget) => {
      let list = this.aliases.get(alias);
      if (!list) {
        this.aliases.set(alias, (list = []));
        this.indexAlias(alias);
      }
      if (!list.some((x) => x.id === t.id && x.side === t.side)) list.push(t);
    };
    for (const r of relationships) {
      r.sides.forEach((s, side) => {
        s.aliases.forEach((a) => add(a, { id: r.id, side, element: false, generic: false }));
        (s.generic ?? []).forEach((a) => add(a, { id: r.id, side, element: false, generic: true }));
      });
    }
    for (const e of elements) e.aliases.forEach((a) => add(a, { id: e.id, side: 0, element: true, generic: false }));
    for (const list of this.byBigram) list?.sort((a, b) => b.length - a.length);
  }

  private indexAlias(alias: string): void {
    if (!alias.length) return;
    const c = alias.charCodeAt(0);
    if (alias.length === 1) {
      this.units[c] |= START | ONE;
      return;
    }
    this.units[c] |= START;
    if (this.units[c] >>> FLAGS === 0 && this.firstUnits < MAX_FIRST) {
      const k = ++this.firstUnits;
      this.units[c] |= k << FLAGS;
      if ((k + 1) << (SECOND_BITS - 5) > this.seconds.length) {
        const grown = new Uint32Array(this.seconds.length * 2);
        grown.set(this.seconds);
        this.seconds = grown;
      }
    }
    const k = this.units[c] >>> FLAGS;
    const c2 = alias.charCodeAt(1) & ((1 << SECOND_BITS) - 1);
    if (k) this.seconds[(k << (SECOND_BITS - 5)) | (c2 >>> 5)] |= 1 << (c2 & 31);
    const slot = bigramSlot(c, alias.charCodeAt(1));
    const list = this.byBigram[slot];
    if (list) list.push(alias);
    else this.byBigram[slot] = [alias];
  }

  words(): string[] {
    return [...this.aliases.keys()];
  }

  /**
   * Marks the segmenter's separators that no alias contains: characters at which the segmenter
   * cuts text into parts it segments independently. Returns them ('' when there are none).
   */
  useSeparators(separators: string | undefined): string {
    if (!separators) return '';
    const inAliases = new Set(this.words().join(''));
    let used = '';
    for (const ch of separators) {
      if (ch.length !== 1 || inAliases.has(ch)) continue;
      const c = ch.charCodeAt(0);
      if (this.units[c] !== 0 && this.units[c] !== STOP) continue;
      this.units[c] = STOP;
      used += ch;
    }
    return used;
  }

  /**
   * One pass over a text: appends to `starts`, in order, every offset where some alias occurs
   * (as characters, whatever the tokens), and to `runs` the [start, end) pairs of the runs of
   * clauses (text between separators) that hold one. Text outside these runs can hold no match.
   * Found by the first unit of each alias, then the first two through a hash, and only then by
   * comparing the aliases that start so.
   */
  scan(text: string, starts: number[], runs: number[]): void {
    const units = this.units;
    const n = text.length;
    let clause = 0;
    let needed = false;
    let run = -1;
    for (let i = 0; i < n; i++) {
      const u = units[text.charCodeAt(i)];
      if (u === 0) continue;
      if (u === STOP) {
        if (needed) {
          if (run < 0) run = clause;
        } else if (run >= 0) {
          runs.push(run, clause);
          run = -1;
        }
        clause = i + 1;
        needed = false;
      } else if ((u & ONE) !== 0 || (i + 1 < n && this.follows(u, text.charCodeAt(i + 1)) && this.startsAt(text, i, n))) {
        starts.push(i);
        needed = true;
      }
    }
    if (needed && run < 0) run = clause;
    if (run >= 0) runs.push(run, needed ? n : clause);
  }

  /** Whether the unit c2 may follow the first unit whose `units` entry is u in a longer alias. */
  private follows(u: number, c2: number): boolean {
    const k = u >>> FLAGS;
    if (k === 0) return (u & START) !== 0;
    const b = c2 & ((1 << SECOND_BITS) - 1);
    return (this.seconds[(k << (SECOND_BITS - 5)) | (b >>> 5)] & (1 << (b & 31))) !== 0;
  }

  /** Whether an alias of two units or more occurs at i and ends by `to`. */
  private startsAt(text: string, i: number, to: number): boolean {
    const list = this.longerAt(text, i);
    if (list.length === 0) return false;
    // The units after the first two are compared inline before a full comparison.
    const c2 = i + 2 < to ? text.charCodeAt(i + 2) : -1;
    for (let k = 0; k < list.length; k++) {
      const a = list[k];
      if (a.length > 2 && a.charCodeAt(2) !== c2) continue;
      if (i + a.length <= to && text.startsWith(a, i)) return true;
    }
    return false;
  }

  /** The aliases of two units or more that may start with text[i], text[i + 1]; longest first. */
  private longerAt(text: string, i: number): string[] {
    return this.byBigram[bigramSlot(text.charCodeAt(i), text.charCodeAt(i + 1))] ?? NO_ALIASES;
  }

  /** Matches in a token sequence. */
  match(tokens: string[]): PieceMatch[] {
    const text = tokens.join('');
    const starts: number[] = [];
    this.scan(text, starts, []);
    const out: PieceMatch[] = [];
    this.matchTokens(tokens, 0, tokens.length, text, 0, starts, 0, out);
    return out;
  }

  /**
   * Appends to `out` the matches in tokens[from, to), the cut of `text` from offset `start`
   * (offsets in `text`); `starts` are the alias occurrences from scan, read from index `h`.
   * Returns the index of the first occurrence not yet reached. The hot loop, kept small: tokens
   * are only walked, and looked at where an alias occurs.
   */
  matchTokens(tokens: string[], from: number, to: number, text: string, start: number, starts: number[], h: number, out: PieceMatch[]): number {
    let offset = start;
    let next = h < starts.length ? starts[h] : -1;
    for (let i = from; i < to && next >= 0; i++) {
      if (offset < next) {
        offset += tokens[i].length;
        continue;
      }
      while (next >= 0 && next < offset) next = ++h < starts.length ? starts[h] : -1;
      if (next !== offset) {
        offset += tokens[i].length;
        continue;
      }
      const last = this.longest(tokens, i, to, text, offset);
      if (last < 0) {
        offset += tokens[i].length;
        continue;
      }
      const alias = this.found;
      out.push({ start: offset, end: offset + alias.length, alias, targets: this.aliases.get(alias)!, incidental: isAgencyName(tokens, last + 1, to) });
      offset += alias.length;
      i = last;
    }
    return h;
  }

  /** Set by longest: the alias it found. */
  private found = '';

  /**
   * The longest alias that the text spells at `offset` over whole tokens from i (before `to`):
   * the index of its last token, or -1. This is the longest run of tokens from i that spells an
   * alias.
   */
  private longest(tokens: string[], i: number, to: number, text: string, offset: number): number {
    const list = offset + 1 < text.length ? this.longerAt(text, offset) : NO_ALIASES;
    for (let k = 0; k < list.length; k++) {
      const alias = list[k];
      if (!text.startsWith(alias, offset)) continue;
      let j = i;
      let len = tokens[i].length;
      while (len < alias.length && j + 1 < to) len += tokens[++j].length;
      if (len === alias.length) {
        this.found = alias;
        return j;
      }
    }
    if ((this.units[text.charCodeAt(offset)] & ONE) !== 0 && tokens[i].length === 1) {
      this.found = text[offset];
      return i;
    }
    return -1;
  }
}

/** True for a non-empty string of CJK unified ideographs (U+4E00–U+9FFF) only. */
function isCjk(t: string): boolean {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return true;
}

/** True when tokens from `from` (before `to`) complete an agency's name: 政务服务|管理局, 发展|和|改革|委员会. */
function isAgencyName(tokens: string[], from: number, to: number): boolean {
  for (let k = from; k < to && k < from + 3; k++) {
    const t = tokens[k];
    if (!isCjk(t)) return false;
    if (AGENCY_LAST.has(t.charCodeAt(t.length - 1)) && AGENCY_SUFFIX.test(t)) return true;
  }
  return false;
}
