/**
 * The segmenter interface and its two jieba backends. Aliases are added to the backend's
 * dictionary at a frequency no lower than jieba's own for the word, so multi-character aliases
 * come out as single tokens without demoting common words (地方 must not become 地|方).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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

/** Dictionary lines for the words, each at max(jieba's frequency, ALIAS_MIN_FREQUENCY). */
export function aliasDictionaryLines(dictionaryText: string, words: string[]): string {
  const wanted = new Map<string, number>();
  for (const w of words) if (SAFE_WORD.test(w)) wanted.set(w, 0);
  if (wanted.size === 0) return '';
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
  let out = '';
  for (const [w, f] of wanted) out += `${w} ${Math.max(f, ALIAS_MIN_FREQUENCY)} n\n`;
  return out;
}

function loadError(backend: SegmenterBackend, err: unknown): Error {
  const detail = err instanceof Error ? err.message : String(err);
  const hint =
    backend === 'nodejieba'
      ? '请安装 nodejieba（npm install nodejieba），或把分词后端设为 node-rs。/ Install nodejieba (npm install nodejieba) or set the segmenter backend to node-rs.'
      : '请重新安装依赖（npm ci）。/ Reinstall the dependencies (npm ci).';
  const e = new Error(`无法加载分词后端 ${backend}：${detail}。${hint} / Cannot load segmenter backend ${backend}: ${detail}.`);
  (e as Error & { cause?: unknown }).cause = err;
  return e;
}

function createNodeRs(words: string[]): Segmenter {
  let jieba: { cut(s: string, hmm?: boolean): string[] };
  try {
    // Loaded lazily so that a missing native module is an error message, not a crash at import.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): typeof jieba } };
    const dictFile = require.resolve('@node-rs/jieba/dict.txt');
    const base = fs.readFileSync(dictFile, 'utf8');
    // One build of the dictionary: loadDict after withDict would rebuild it.
    const extra = aliasDictionaryLines(base, words);
    const sep = base.endsWith('\n') ? '' : '\n';
    jieba = mod.Jieba.withDict(Buffer.from(base + sep + extra, 'utf8'));
  } catch (err) {
    throw loadError('node-rs', err);
  }
  return { backend: 'node-rs', separators: JIEBA_RS_SEPARATORS, cut: (text) => jieba.cut(text, false) };
}

function createNodejieba(words: string[]): Segmenter {
  let nj: { load(o: object): void; cut(s: string, hmm?: boolean): string[]; DEFAULT_DICT: string };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    nj = require('nodejieba');
    const base = fs.readFileSync(nj.DEFAULT_DICT, 'utf8');
    const userDict = path.join(os.tmpdir(), `policy-review-userdict-${process.pid}-${Date.now()}.utf8`);
    // The user dictionary holds only validated alias words (SAFE_WORD), never user text as-is.
    fs.writeFileSync(userDict, aliasDictionaryLines(base, words) || 'policyreview 1 n\n', 'utf8');
    try {
      nj.load({ userDict });
    } finally {
      fs.rmSync(userDict, { force: true });
    }
  } catch (err) {
    throw loadError('nodejieba', err);
  }
  return { backend: 'nodejieba', separators: CPPJIEBA_SEPARATORS, cut: (text) => nj.cut(text, false) };
}

/**
 * Loads a backend with the words added to its dictionary. Slow (dictionary load): create once.
 * Throws an Error with a bilingual message when the backend cannot be loaded.
 */
export function createSegmenter(backend: SegmenterBackend, words: string[]): Segmenter {
  return backend === 'nodejieba' ? createNodejieba(words) : createNodeRs(words);
}
