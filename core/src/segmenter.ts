/**
 * The segmenter interface and its two jieba backends. Aliases are added to the backend's
 * dictionary at a frequency no lower than jieba's own for the word, so multi-character aliases
 * come out as single tokens without demoting common words (地方 must not become 地|方).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NODE_RS_DICTIONARY } from './aliasFrequencies.generated';
import type { Lang } from './locale';

export type SegmenterBackend = 'node-rs' | 'nodejieba';

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
const CPPJIEBA_SEPARATORS = ' \t，。';

/**
 * jieba-rs (@node-rs/jieba) splits text into blocks at every character outside its class of Han
 * characters, ASCII letters, digits and +#&._%- ; each such character is a token of its own (a
 * whitespace character too, but for \r\n, which is why \r is not listed). These are the common
 * ones in drafts: full-width and ASCII punctuation.
 */
const JIEBA_RS_SEPARATORS = ' \t，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕—…·,;:?!()[]{}<>"\'/\\|~`=*^$@';

/** Frequency given to an alias that the dictionary lacks or knows only as a rare word. */
export const ALIAS_MIN_FREQUENCY = 3000;

/** Only words of letters, digits and CJK reach a dictionary (a bad line aborts nodejieba). */
const SAFE_WORD = /^[\p{L}\p{N}\p{M}·]+$/u;

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

function formatAliasLines(wanted: Map<string, number>): string {
  let out = '';
  for (const [w, f] of wanted) out += `${w} ${Math.max(f, ALIAS_MIN_FREQUENCY)} n\n`;
  return out;
}

/**
 * aliasDictionaryLines from a table of the frequencies a dictionary gives some words, made ahead
 * of time (core/scripts/alias-frequencies.mjs): used only for the very dictionary of the table,
 * checked by its SHA-256 (a few milliseconds, against a scan several times longer), and when the
 * table knows every word. Otherwise undefined.
 */
export function aliasDictionaryLinesFromTable(
  dictionary: Uint8Array,
  words: string[],
  table: { sha256: string; frequencies: Record<string, number> },
): string | undefined {
  const wanted = new Map<string, number>();
  for (const w of words) {
    if (!SAFE_WORD.test(w)) continue;
    if (!Object.prototype.hasOwnProperty.call(table.frequencies, w)) return undefined;
    wanted.set(w, table.frequencies[w]);
  }
  if (wanted.size === 0) return '';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  if (createHash('sha256').update(dictionary).digest('hex') !== table.sha256) return undefined;
  return formatAliasLines(wanted);
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

function loadError(backend: SegmenterBackend, err: unknown, lang: Lang): Error {
  const detail = err instanceof Error ? err.message : String(err);
  const e = new Error(
    lang === 'en'
      ? `Cannot load segmenter backend ${backend}: ${detail}. ${backend === 'nodejieba' ? 'Install nodejieba (npm install nodejieba) or set the segmenter backend to node-rs.' : 'Reinstall the dependencies (npm ci).'}`
      : `无法加载分词后端 ${backend}：${detail}。${backend === 'nodejieba' ? '请安装 nodejieba（npm install nodejieba），或把分词后端设为 node-rs。' : '请重新安装依赖（npm ci）。'}`,
  );
  (e as Error & { cause?: unknown }).cause = err;
  return e;
}

/** A file's bytes in a buffer `room` bytes larger than the file. */
function readWithRoom(file: string, room: number): { buffer: Buffer; length: number } {
  const fd = fs.openSync(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(fs.fstatSync(fd).size + room);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        // The file grew since fstat: make room again.
        const bigger = Buffer.allocUnsafe(buffer.length * 2 + room);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { buffer, length };
  } finally {
    fs.closeSync(fd);
  }
}

function createNodeRs(words: string[], lang: Lang): Segmenter {
  let jieba: { cut(s: string, hmm?: boolean): string[] };
  try {
    // Loaded lazily so that a missing native module is an error message, not a crash at import.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): typeof jieba } };
    const dictFile = require.resolve('@node-rs/jieba/dict.txt');
    // Bytes, not text: the dictionary is megabytes, and withDict takes bytes. Read with room for
    // the alias lines after it, so that the dictionary is not copied once more to add them.
    const room = 1 + words.reduce((n, w) => n + Buffer.byteLength(w, 'utf8') + 16, 0);
    const { buffer, length } = readWithRoom(dictFile, room);
    const base = buffer.subarray(0, length);
    // One build of the dictionary: loadDict after withDict would rebuild it.
    const extra = aliasDictionaryLinesFromTable(base, words, NODE_RS_DICTIONARY) ?? aliasDictionaryLines(base, words);
    const sep = base.length > 0 && base[base.length - 1] === 10 ? '' : '\n';
    const tail = Buffer.from(sep + extra, 'utf8');
    const dict = tail.length <= buffer.length - length ? buffer.subarray(0, length + tail.copy(buffer, length)) : Buffer.concat([base, tail]);
    jieba = mod.Jieba.withDict(dict);
  } catch (err) {
    throw loadError('node-rs', err, lang);
  }
  return { backend: 'node-rs', separators: JIEBA_RS_SEPARATORS, cut: (text) => jieba.cut(text, false) };
}

function createNodejieba(words: string[], lang: Lang): Segmenter {
  let nj: { load(o: object): void; cut(s: string, hmm?: boolean): string[]; DEFAULT_DICT: string };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    nj = require('nodejieba');
    const base = fs.readFileSync(nj.DEFAULT_DICT);
    const userDict = path.join(os.tmpdir(), `policy-review-userdict-${process.pid}-${Date.now()}.utf8`);
    // The user dictionary holds only validated alias words (SAFE_WORD), never user text as-is.
    fs.writeFileSync(userDict, aliasDictionaryLines(base, words) || 'policyreview 1 n\n', 'utf8');
    try {
      nj.load({ userDict });
    } finally {
      fs.rmSync(userDict, { force: true });
    }
  } catch (err) {
    throw loadError('nodejieba', err, lang);
  }
  return { backend: 'nodejieba', separators: CPPJIEBA_SEPARATORS, cut: (text) => nj.cut(text, false) };
}

/**
 * Loads a backend with the words added to its dictionary. Slow (dictionary load): create once.
 * Throws an Error with a bilingual message when the backend cannot be loaded.
 */
export function createSegmenter(backend: SegmenterBackend, words: string[], lang: Lang = 'zh'): Segmenter {
  return backend === 'nodejieba' ? createNodejieba(words, lang) : createNodeRs(words, lang);
}
