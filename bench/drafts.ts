/**
 * Deterministic draft generator for the benchmark. Sentences, heading titles and document titles
 * are taken from the real drafts in test/fixtures and examples/, then recomposed (seeded) into
 * 公文-shaped drafts of any length: title, 主送机关, numbered headings on four levels with run-on
 * headings (（一）标题。正文), body paragraphs of 3–7 sentences, and a 落款 with a date.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { markerFor, matchMarker, familyForLevel } from '../core/src';

export interface Corpus {
  sentences: string[];
  headings: string[];
  titles: string[];
}

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CJK = /[\u4e00-\u9fff]/;
const SENTENCE = /[^。！？；]+[。！？；]/g;

/** Reads the source drafts and splits them into sentences, heading titles and document titles. */
export function loadCorpus(root: string): Corpus {
  const files = [
    ...fs
      .readdirSync(path.join(root, 'test', 'fixtures'))
      .filter((f) => /\.(md|txt)$/.test(f))
      .sort()
      .map((f) => path.join(root, 'test', 'fixtures', f)),
    path.join(root, 'examples', 'sample-draft.md'),
    // The evaluation corpus: notices, 办法, work reports, speeches, plans of other kinds and lengths.
    ...(fs.existsSync(path.join(root, 'eval', 'corpus'))
      ? fs
          .readdirSync(path.join(root, 'eval', 'corpus'))
          .filter((f) => /\.(md|txt)$/.test(f))
          .sort()
          .map((f) => path.join(root, 'eval', 'corpus', f))
      : []),
  ].filter((f) => fs.existsSync(f));
  const sentences = new Set<string>();
  const headings = new Set<string>();
  const titles = new Set<string>();
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    let firstContent = true;
    for (const raw of lines) {
      const line = raw.replace(/^[\s\u3000#>*-]+/, '').trim();
      if (!line || line === '---') continue;
      // Markup (comments, code, links) is not prose: keep the drafts free of it.
      if (/<|>|`|\]\(|https?:/.test(line)) continue;
      if (/^[a-z]+:/i.test(line)) continue; // front matter keys
      if (firstContent) {
        firstContent = false;
        if (line.length <= 40 && !/[。；]/.test(line)) titles.add(line);
        continue;
      }
      const mk = matchMarker(line);
      let body = line;
      if (mk) {
        const rest = line.slice(mk.length).trim();
        const stop = rest.search(/[。：:]/);
        const title = (stop < 0 ? rest : rest.slice(0, stop)).trim();
        if (title.length >= 4 && title.length <= 30 && CJK.test(title)) headings.add(title);
        body = stop < 0 ? '' : rest.slice(stop + 1);
      }
      for (const m of body.matchAll(SENTENCE)) {
        const s = m[0].trim();
        if (s.length >= 10 && s.length <= 220 && CJK.test(s) && !/[|@]|UID|http/.test(s)) sentences.add(s);
      }
    }
  }
  return { sentences: [...sentences], headings: [...headings], titles: [...titles] };
}

export interface DraftOptions {
  seed: number;
  /** Approximate length in characters (UTF-16 code units). */
  chars: number;
  markdown?: boolean;
}

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** A draft of about `chars` characters, the same for the same seed. */
export function makeDraft(corpus: Corpus, opts: DraftOptions): string {
  const r = rng(opts.seed);
  const out: string[] = [];
  const md = opts.markdown === true;
  let size = 0;
  const push = (line: string) => {
    out.push(line, '');
    size += line.length + 2;
  };
  push(md ? `# ${pick(r, corpus.titles)}` : pick(r, corpus.titles));
  push('各区人民政府，市政府各委、办、局，各有关单位：');
  const paragraph = () => {
    const n = 3 + Math.floor(r() * 5);
    let p = '';
    for (let i = 0; i < n; i++) p += pick(r, corpus.sentences);
    return p;
  };
  push(paragraph());
  // Numbering: level 1 一、 always; below it （一） 1. （1） with decreasing likelihood.
  const counters = [0, 0, 0, 0];
  const end = opts.chars - 40;
  while (size < end) {
    let level: number;
    const x = r();
    if (counters[0] === 0 || x < 0.08) level = 0;
    else if (x < 0.35) level = 1;
    else if (x < 0.5 && counters[1] > 0) level = 2;
    else if (x < 0.56 && counters[2] > 0) level = 3;
    else level = -1; // a body paragraph
    if (level < 0) {
      push(paragraph());
      continue;
    }
    counters[level]++;
    for (let k = level + 1; k < counters.length; k++) counters[k] = 0;
    const marker = markerFor(familyForLevel(level + 1), counters[level]);
    const title = pick(r, corpus.headings);
    if (level === 0) push(md ? `## ${marker}${title}` : `${marker}${title}`);
    else if (r() < 0.6) push(`${marker}${title}。${paragraph()}`);
    else {
      push(`${marker}${title}`);
      push(paragraph());
    }
  }
  out.push('江城市人民政府', '2024年3月15日', '');
  return out.join('\n');
}

/** `count` drafts of about `chars` characters each; every fourth one is Markdown. */
export function makeDrafts(corpus: Corpus, count: number, chars: number, seed: number): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const markdown = i % 4 === 3;
    out.push({ name: `draft-${String(i).padStart(5, '0')}.${markdown ? 'md' : 'txt'}`, text: makeDraft(corpus, { seed: seed + i, chars, markdown }) });
  }
  return out;
}
