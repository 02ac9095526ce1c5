/**
 * The segmenter interface and what its jieba backends need from the packs: the alias dictionary
 * lines and the characters each backend cuts at. Loading a backend (a native module, its
 * dictionary file) is the host's job: host/src/segmenters.ts. Aliases are added to the backend's
 * dictionary at a frequency no lower than jieba's own for the word, so multi-character aliases
 * come out as single tokens without demoting common words (地方 must not become 地|方).
 */
export { NODE_RS_DICTIONARY } from './aliasFrequencies.generated';

export type SegmenterBackend = 'node-rs' | 'nodejieba' | 'wasm';

export interface Segmenter {
  readonly backend: SegmenterBackend;
  /** Cuts text into tokens whose concatenation is the text. */
  cut(text: string): string[];
  /**
   * Characters at which the backend cuts a text into parts that it segments independently, each
   * one a token of its own: cutting a text in two just after one of them gives the same tokens as
   * cutting it whole. Absent when the backend makes no such promise.
   */
  readonly separators?: string;
}

/**
 * cppjieba (nodejieba) segments the text between these characters on its own: its PreFilter
 * splits at space, tab, newline, ， and 。 (SPECIAL_SEPARATORS), each a token of its own.
 */
export const CPPJIEBA_SEPARATORS = ' \t，。';

/**
 * jieba-rs (@node-rs/jieba) splits text into blocks at every character outside its class of Han
 * characters, ASCII letters, digits and +#&._%- ; each such character is a token of its own (a
 * whitespace character too, but for \r\n, which is why \r is not listed). These are the common
 * ones in drafts: full-width and ASCII punctuation.
 */
export const JIEBA_RS_SEPARATORS = ' \t，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕—…·,;:?!()[]{}<>"\'/\\|~`=*^$@';

/** Frequency given to an alias that the dictionary lacks or knows only as a rare word. */
export const ALIAS_MIN_FREQUENCY = 3000;

/** Only words of letters, digits and CJK reach a dictionary (a bad line aborts nodejieba). */
export const SAFE_WORD = /^[\p{L}\p{N}\p{M}·]+$/u;

/**
 * Dictionary lines for the words, each at max(jieba's frequency, ALIAS_MIN_FREQUENCY). The
 * dictionary may be given as text or as its UTF-8 bytes (read faster: no decoding of megabytes).
 */
export function aliasDictionaryLines(dictionary: string | Uint8Array, words: string[]): string {
  const wanted = new Map<string, number>();
  for (const w of words) if (SAFE_WORD.test(w)) wanted.set(w, 0);
  if (wanted.size === 0) return '';
  if (typeof dictionary === 'string') textFrequencies(dictionary, wanted);
  else byteFrequencies(Buffer.from(dictionary.buffer, dictionary.byteOffset, dictionary.byteLength), wanted);
  return formatAliasLines(wanted);
}

export function formatAliasLines(wanted: Map<string, number>): string {
  let out = '';
  for (const [w, f] of wanted) out += `${w} ${Math.max(f, ALIAS_MIN_FREQUENCY)} n\n`;
  return out;
}


/** Raises each wanted word to the highest frequency of its lines ("word freq tag") in the text. */
function textFrequencies(dictionaryText: string, wanted: Map<string, number>): void {
  let pos = 0;
  while (pos < dictionaryText.length) {
    let end = dictionaryText.indexOf('\n', pos);
    if (end < 0) end = dictionaryText.length;
    const sp = dictionaryText.indexOf(' ', pos);
    if (sp > pos && sp < end) {
      const word = dictionaryText.slice(pos, sp);
      if (wanted.has(word)) {
        const freq = parseInt(dictionaryText.slice(sp + 1, end), 10);
        if (freq > (wanted.get(word) ?? 0)) wanted.set(word, freq);
      }
    }
    pos = end + 1;
  }
}

/** FNV-1a, 32 bits, over bytes [from, to). */
function fnv(b: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h;
}

/**
 * textFrequencies on the UTF-8 bytes of the dictionary. One pass hashes the word of every line;
 * only a line whose hash is in a bit table of the wanted words' hashes is decoded and compared.
 */
function byteFrequencies(dict: Buffer, wanted: Map<string, number>): void {
  const bits = new Uint32Array(2048);
  for (const w of wanted.keys()) {
    const b = Buffer.from(w, 'utf8');
    const h = fnv(b, 0, b.length) & 0xffff;
    bits[h >>> 5] |= 1 << (h & 31);
  }
  const n = dict.length;
  let pos = 0;
  while (pos < n) {
    // The word: up to the first space; the line: up to \n.
    let h = 0x811c9dc5;
    let sp = pos;
    for (; sp < n; sp++) {
      const c = dict[sp];
      if (c === 32 || c === 10) break;
      h = Math.imul(h ^ c, 0x01000193);
    }
    let end = sp;
    while (end < n && dict[end] !== 10) end++;
    const slot = h & 0xffff;
    if (sp > pos && sp < end && (bits[slot >>> 5] & (1 << (slot & 31))) !== 0) byteLine(dict, pos, sp, end, wanted);
    pos = end + 1;
  }
}

function byteLine(dict: Buffer, pos: number, sp: number, end: number, wanted: Map<string, number>): void {
  const word = dict.toString('utf8', pos, sp);
  if (!wanted.has(word)) return;
  const freq = parseInt(dict.toString('utf8', sp + 1, end), 10);
  if (freq > (wanted.get(word) ?? 0)) wanted.set(word, freq);
}
