/**
 * Loads a jieba backend for the CLI and the server: the native module, its dictionary file and
 * the aliases added to it. Outside the core, which is handed the segmenter.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  aliasDictionaryLines,
  formatAliasLines,
  SAFE_WORD,
  CPPJIEBA_SEPARATORS,
  JIEBA_RS_SEPARATORS,
  NODE_RS_DICTIONARY,
  type Segmenter,
  type SegmenterBackend,
} from '../../core/src/segmenter';
import type { Lang } from '../../core/src/locale';

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
  if (createHash('sha256').update(dictionary).digest('hex') !== table.sha256) return undefined;
  return formatAliasLines(wanted);
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

/**
 * POLICY_REVIEW_NATIVE=off acts as a machine that loads no native module (a policy, another CPU):
 * the native backends fail to load, for real, and the fallback takes over.
 */
function refuseNative(): void {
  if (process.env.POLICY_REVIEW_NATIVE === 'off') throw new Error('native modules are disabled (POLICY_REVIEW_NATIVE=off)');
}

function createNodeRs(words: string[], lang: Lang): Segmenter {
  let jieba: { cut(s: string, hmm?: boolean): string[] };
  try {
    refuseNative();
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
    refuseNative();
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
 * jieba-rs compiled to WebAssembly (jieba-wasm): no native module, so it loads where no binding
 * does (another CPU, a machine that blocks native modules). Given the very dictionary the node-rs
 * backend uses, with the same alias lines, it cuts the same tokens — about five times slower.
 */
function createWasm(words: string[], lang: Lang): Segmenter {
  let w: { with_dict(d: string): void; cut(s: string, hmm?: boolean): string[] };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    w = require('jieba-wasm');
    // The dictionary file ships in @node-rs/jieba's JavaScript package, with or without a binding.
    const base = fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
    const extra = aliasDictionaryLinesFromTable(base, words, NODE_RS_DICTIONARY) ?? aliasDictionaryLines(base, words);
    const text = base.toString('utf8');
    w.with_dict(text + (text.endsWith('\n') ? '' : '\n') + extra);
  } catch (err) {
    throw loadError('wasm', err, lang);
  }
  return { backend: 'wasm', separators: JIEBA_RS_SEPARATORS, cut: (text) => w.cut(text, false) };
}

/**
 * Loads a backend with the words added to its dictionary. Slow (dictionary load): create once.
 * Throws an Error with a bilingual message when the backend cannot be loaded.
 */
export function createSegmenter(backend: SegmenterBackend, words: string[], lang: Lang = 'zh'): Segmenter {
  if (backend === 'nodejieba') return createNodejieba(words, lang);
  if (backend === 'wasm') return createWasm(words, lang);
  return createNodeRs(words, lang);
}

/** The backend tried when one cannot load: nodejieba → node-rs → the WebAssembly build, which loads anywhere. */
export const FALLBACK: Partial<Record<SegmenterBackend, SegmenterBackend>> = { nodejieba: 'node-rs', 'node-rs': 'wasm' };

/** What the writer is told when backend `from` could not load and `to` serves instead. */
export function fallbackNote(from: SegmenterBackend, to: SegmenterBackend, err: unknown, lang: Lang): string {
  const message = err instanceof Error ? err.message : String(err);
  if (to !== 'wasm') return `${message} ${lang === 'en' ? `Falling back to ${to}.` : `改用 ${to} 分词。`}`;
  const cause = (err as { cause?: unknown }).cause;
  const detail = cause instanceof Error ? cause.message : message;
  return lang === 'en'
    ? `The native segmenter (${from}) could not load (${detail}); the WebAssembly segmenter is used instead: the same findings, more slowly.`
    : `无法加载原生分词模块（${from}：${detail}），已改用 WebAssembly 分词，结果相同，速度较慢。`;
}

/**
 * The backend asked for, or the first of its fallbacks that loads, with a note for the writer when
 * it is not the one asked for. Throws only when none loads.
 */
export function loadSegmenter(backend: SegmenterBackend, words: string[], lang: Lang = 'zh'): { segmenter: Segmenter; notes: string[] } {
  const notes: string[] = [];
  for (let b: SegmenterBackend = backend; ; ) {
    try {
      return { segmenter: createSegmenter(b, words, lang), notes };
    } catch (err) {
      const next: SegmenterBackend | undefined = FALLBACK[b];
      if (!next) throw err;
      notes.push(fallbackNote(b, next, err, lang));
      b = next;
    }
  }
}
