/**
 * Traditional → Simplified before matching (opencc-js, Taiwan phrases to mainland usage: 數位政府 →
 * 数字政府, 資料開放 → 数据开放). The converted text has the same length as the original, so every
 * offset the later stages compute is an offset in the writer's text; a phrase whose conversion
 * would change the length is converted character by character instead.
 */
import { Memo } from './memo';

type Convert = (s: string) => string;

let phrases: Convert | undefined;
let characters: Convert | undefined;

/** Characters common in Traditional text that Simplified text never writes. */
const TRADITIONAL = /[與數據開發關於為這個們會時來對國過還進當點體網應電話區經濟務導產業處實現說書門問間條節總則規劃擬營術衛續護權環類辦預聯際壓歷態資訊讓義團結層級優勢參樣織職構審計組黨領堅設備會議務員]/g;

/** The characters of TRADITIONAL as a lookup table over UTF-16 units: one pass, no regular expression. */
let table: Uint8Array | undefined;

/** Whether a text is written in Traditional characters (three of them: a Simplified text has none). */
export function isTraditional(text: string): boolean {
  if (!table) {
    table = new Uint8Array(0x10000);
    for (const ch of TRADITIONAL.source.slice(1, -1)) table[ch.charCodeAt(0)] = 1;
  }
  let count = 0;
  for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)] && ++count >= 3) return true;
  return false;
}

/** The two converters: by phrase (Taiwan usage to mainland) and by character. Exported for tests. */
export function converters(): [Convert, Convert] {
  if (!phrases || !characters) {
    // Loaded on first use: most drafts are Simplified and never need the dictionaries. Only the
    // Traditional → Simplified half of opencc-js (its t2cn build): a tenth of the whole to load.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const OpenCC = require('opencc-js/t2cn') as OpenCCModule;
    const tries = new TrieCache(OpenCC);
    phrases = pipeline(tries, OpenCC.Locale.configs.tw2sp) ?? OpenCC.Converter({ from: 'twp', to: 'cn' });
    characters = pipeline(tries, OpenCC.Locale.configs.t2s) ?? OpenCC.Converter({ from: 't', to: 'cn' });
  }
  return [phrases, characters];
}

/** A node of opencc-js's trie: children by code point, the replacement where a word ends. */
interface TrieNode extends Map<number, TrieNode> {
  trie_val?: string;
}

interface OpenCCModule {
  Converter(o: { from: string; to: string }): Convert;
  Trie: new () => { map: TrieNode; loadDictGroup(g: readonly unknown[]): void; loadDict(d: unknown): void };
  Locale: { configs: Record<string, OpenCCConfig | undefined> };
}

interface OpenCCConfig {
  normalizationChain?: readonly (readonly unknown[])[];
  segmentation?: unknown;
  conversionChain: readonly (readonly unknown[])[];
}

/**
 * One dictionary group of opencc-js, as its Trie reads it (the same words, the same precedence),
 * with a table of the UTF-16 units at which a word may start: the many units that start none are
 * passed over without a lookup. Conversion and segmentation are opencc-js's own (longest match from
 * each position, unmatched text kept as it is, an ideographic description sequence kept whole).
 */
class FastTrie {
  /** 1 for a unit that starts some word, a surrogate or an ideographic description character. */
  private readonly starts = new Uint8Array(0x10000);
  /** The root's children by UTF-16 unit, for the words that start with a unit of the BMP. */
  private readonly first: (TrieNode | undefined)[] = new Array<TrieNode | undefined>(0x10000).fill(undefined);
  /** The replacement of the last word match found. */
  private value = '';

  constructor(private readonly root: TrieNode) {
    for (const [cp, node] of root) {
      this.starts[cp > 0xffff ? 0xd800 : cp] = 1;
      if (cp <= 0xffff) this.first[cp] = node;
    }
    this.starts.fill(1, 0xd800, 0xe000);
    this.starts.fill(1, 0x2ff0, 0x3000);
  }

  /** The end of the longest word at i and its replacement (in `this.value`), or 0. */
  private match(s: string, i: number): number {
    const c = s.charCodeAt(i);
    // A unit of the BMP outside the surrogates is its own code point: its child without hashing.
    let node = c < 0xd800 || c >= 0xe000 ? this.first[c] : this.root.get(s.codePointAt(i)!);
    if (node === undefined) return 0;
    let j = i + (c >= 0xd800 && c < 0xdc00 && s.codePointAt(i)! > 0xffff ? 2 : 1);
    let end = 0;
    if (node.trie_val !== undefined) {
      end = j;
      this.value = node.trie_val;
    }
    while (j < s.length && node.size > 0) {
      const cp = s.codePointAt(j)!;
      j += cp > 0xffff ? 2 : 1;
      const next: TrieNode | undefined = node.get(cp);
      if (next === undefined) break;
      node = next;
      if (next.trie_val !== undefined) {
        end = j;
        this.value = next.trie_val;
      }
    }
    return end;
  }

  convert(s: string): string {
    const n = s.length;
    let out = '';
    let run = 0;
    let changed = false;
    for (let i = 0; i < n; ) {
      if (this.starts[s.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const end = this.match(s, i);
      if (end > 0) {
        out += s.slice(run, i) + this.value;
        changed = true;
        i = run = end;
      } else i += unmatchedLength(s, i);
    }
    return changed ? out + s.slice(run) : s;
  }

  /** Pieces of s: each word found, and the runs between them. */
  segment(s: string): string[] {
    const n = s.length;
    const out: string[] = [];
    let run = 0;
    for (let i = 0; i < n; ) {
      if (this.starts[s.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const end = this.match(s, i);
      if (end > 0) {
        if (i > run) out.push(s.slice(run, i));
        out.push(s.slice(i, end));
        i = run = end;
      } else i += unmatchedLength(s, i);
    }
    if (run < n) out.push(s.slice(run));
    return out;
  }
}

function codePointLength(s: string, i: number): number {
  return s.codePointAt(i)! > 0xffff ? 2 : 1;
}

/** As opencc-js: how many operands an ideographic description character takes. */
function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

function idsEnd(s: string, i: number): number {
  const arity = idsArity(s.codePointAt(i)!);
  if (arity === 0) return 0;
  let end = i + codePointLength(s, i);
  for (let k = 0; k < arity; k++) {
    if (end >= s.length) return 0;
    end = idsEnd(s, end) || end + codePointLength(s, end);
  }
  return end;
}

function unmatchedLength(s: string, i: number): number {
  const end = idsEnd(s, i);
  return end > i ? end - i : codePointLength(s, i);
}

/** The tries of opencc-js's dictionary groups, each group built once for both converters. */
class TrieCache {
  private readonly built = new Map<string, FastTrie>();
  private readonly ids = new Map<unknown, number>();

  constructor(private readonly OpenCC: OpenCCModule) {}

  group(group: readonly unknown[]): FastTrie {
    const key = group.map((d) => this.ids.get(d) ?? (this.ids.set(d, this.ids.size), this.ids.size - 1)).join(' ');
    let t = this.built.get(key);
    if (!t) {
      const trie = new this.OpenCC.Trie();
      trie.loadDictGroup(group);
      this.built.set(key, (t = new FastTrie(trie.map)));
    }
    return t;
  }
}

const isDictString = (d: unknown) => typeof d === 'string';

/**
 * opencc-js's converter for a config (normalise, cut into segments, convert each segment through
 * the chain, join), on FastTries; undefined for a config of a shape it does not know.
 */
function pipeline(tries: TrieCache, config: OpenCCConfig | undefined): Convert | undefined {
  if (!config || !Array.isArray(config.conversionChain)) return undefined;
  const groups = [...(config.normalizationChain ?? []), ...config.conversionChain];
  if (!groups.every((g) => Array.isArray(g) && g.every(isDictString))) return undefined;
  const seg = config.segmentation;
  if (seg !== undefined && !(Array.isArray(seg) && seg.every(isDictString))) return undefined;
  const normalize = (config.normalizationChain ?? []).map((g) => tries.group(g));
  const segmenter = seg ? tries.group(seg as unknown[]) : undefined;
  const chain = config.conversionChain.map((g) => tries.group(g));
  return (text: string) => {
    let s = text;
    for (const t of normalize) s = t.convert(s);
    if (!segmenter) {
      for (const t of chain) s = t.convert(s);
      return s;
    }
    let out = '';
    for (let piece of segmenter.segment(s)) {
      for (const t of chain) piece = t.convert(piece);
      out += piece;
    }
    return out;
  };
}

/** The Simplified reading of a Traditional text, of the same length; undefined for a Simplified one. */
export function toSimplified(text: string): string | undefined {
  if (!isTraditional(text)) return undefined;
  const [byPhrase, byChar] = converters();
  const whole = byPhrase(text);
  if (whole.length === text.length) return whole;
  // Some phrase changed the length: line by line, and character by character where it did.
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part) => {
      const c = byPhrase(part);
      if (c.length === part.length) return c;
      let out = '';
      for (let i = 0; i < part.length; i++) {
        const ch = byChar(part[i]);
        out += ch.length === 1 ? ch : part[i];
      }
      return out;
    })
    .join('');
}

/** Lines remembered with their Simplified readings (see SimplifiedLines); cleared when full. */
const LINE_LIMIT = 20_000;

/**
 * toSimplified, line by line, each line's readings remembered by its text: the converters match
 * phrases that never hold a line break, so the whole text reads as its lines read one by one,
 * and a draft edited in one place is converted again only there.
 */
export class SimplifiedLines {
  /** Line → [its reading by phrase, its reading of the same length]. */
  private cache = new Memo<[string, string]>(LINE_LIMIT);
  /** Whether a text was read before: the first is converted whole, as fast as a single reading can be. */
  private warm = false;

  convert(text: string): string | undefined {
    if (!isTraditional(text)) return undefined;
    if (!this.warm) {
      this.warm = true;
      return toSimplified(text);
    }
    const [byPhrase, byChar] = converters();
    const parts = text.split(/(\r\n|\r|\n)/);
    const read: [string, string][] = new Array<[string, string]>(parts.length);
    let length = 0;
    for (let i = 0; i < parts.length; i += 2) {
      const part = parts[i];
      let r = this.cache.get(part);
      if (!r) {
        const c = byPhrase(part);
        let same = c;
        if (c.length !== part.length) {
          same = '';
          for (let k = 0; k < part.length; k++) {
            const ch = byChar(part[k]);
            same += ch.length === 1 ? ch : part[k];
          }
        }
        r = [c, same];
        this.cache.set(part, r);
      }
      read[i] = r;
      length += r[0].length + (i + 1 < parts.length ? parts[i + 1].length : 0);
    }
    // As toSimplified: the reading by phrase when the whole keeps its length, else each line's of the same length.
    const k = length === text.length ? 0 : 1;
    let out = '';
    for (let i = 0; i < parts.length; i += 2) out += (i > 0 ? parts[i - 1] : '') + read[i][k];
    return out;
  }
}
