/**
 * Arbitrary drafts for the property tests and the fuzz run: strings drawn from an alphabet biased
 * towards what breaks a reviewer of 公文 — heading markers, 第…条 and 第…章, runs of 、（）一二三,
 * the packs' own terms (Simplified and Traditional), surrogate pairs and lone halves, NUL, every
 * line end, Markdown, disable comments and long lines — and real-looking drafts with such
 * pieces spliced in.
 */
import fc from 'fast-check';
import type { RulePack } from '../../core/src';
import { rng } from '../../bench/drafts';

const MARKERS = [
  '一、', '二、', '三、', '四、', '十一、', '（一）', '（二）', '（三）', '（四）', '(一)', '(二)', '一是', '二是',
  '1.', '2.', '3．', '１．', '1、', '(1)', '（1）', '①', '②', '2.1 ', '2.1.1 ', '第一条', '第二条', '第十二条', '第一百条',
  '第一章', '第二章', '第一节', '第一项', '附件', '附件1', '附件：', '目录', '壹、', '貳、', '（壹）',
];
const PUNCT = ['、', '（', '）', '。', '，', '；', '：', '“', '”', '《', '》', '——', '……', '一', '二', '三', '四', '第', '条', '章'];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\r', '\n\r', '\u2028', '\u0085'];
const ODD = [
  '😀', '👍🏽', '𠮷', '🇨🇳', '👨‍👩‍👧', '\uD83D', '\uDE00', '\uDBFF', '\uDC00', '\uD800\uD800', '\uDFFF\uD800',
  '\0', '\u0001', '\u001b', '\t', ' ', '\u3000', '\u3000\u3000', '\uFEFF', '\u200B', '\uFFFD', '\uFFFF', 'é', 'e\u0301',
];
const TRADITIONAL = ['數據開放', '數據安全', '發展', '技術', '政府', '人民', '網絡', '資訊', '個人資料', '數字政府', '開放數據', '隱私保護', '黨的領導', '壹', '貳'];
const MARKDOWN = [
  '# ', '## ', '### ', '####### ', '- ', '* ', '+ ', '1. ', '> ', '```', '```\n', '~~~', '| a | b |', '|---|---|', '---', '***',
  '<!-- policy-review-disable -->', '<!-- policy-review-disable open-data-security -->', '<!-- policy-review-disable-next-line -->',
  '<!-- policy-review-enable -->', '<!--', '-->', '[链接](http://x)', '![图](a.png)', '**', '`', '\\', '<br>',
];
const DOMAIN_TITLES = ['数字政府建设', '政务服务', '公共数据开放', '一网通办', '政务数据共享', '电子政务'];
const WORDS = ['推进', '加强', '建设', '统筹', '坚持', '完善', '各地', '各部门', '要', '和', '与', '的', '关系', '处理好', '既要', '又要', '兼顾', '工作', '方案', '通知', '意见', '办法', '规划', '年', '2025', '亿元', '%'];

/** Every term the packs count or set aside: aliases, generic words, exceptions, domain terms. */
export function packTerms(packs: RulePack[]): string[] {
  const out = new Set<string>();
  for (const p of packs) {
    for (const r of p.relationships) for (const s of r.sides) for (const w of [...s.aliases, ...(s.generic ?? [])]) out.add(w);
    for (const e of p.elements ?? []) for (const w of e.aliases) out.add(w);
    for (const x of p.exceptions ?? []) for (const w of x.terms) out.add(w);
    for (const w of p.domain?.terms ?? []) out.add(w);
  }
  return [...out];
}

/** A fraction in [0, 1], spread evenly (fc.double favours the extremes: nearly every offset would be 0). */
export const fraction: fc.Arbitrary<number> = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);

/** One piece of a draft, drawn from the biased alphabet. */
export function piece(terms: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...terms) },
    { weight: 4, arbitrary: fc.constantFrom(...MARKERS) },
    { weight: 4, arbitrary: fc.constantFrom(...PUNCT) },
    { weight: 4, arbitrary: fc.constantFrom(...BREAKS) },
    { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 3, arbitrary: fc.constantFrom(...ODD) },
    { weight: 2, arbitrary: fc.constantFrom(...TRADITIONAL) },
    { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  );
}

/** A line of a real-looking draft: a heading, a numbered sentence or a paragraph. */
function draftLine(terms: string[]): fc.Arbitrary<string> {
  const sentence = fc.array(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...terms) }, { weight: 3, arbitrary: fc.constantFrom(...WORDS) }), { minLength: 1, maxLength: 12 }).map((w) => `${w.join('')}。`);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...MARKERS), fc.constantFrom(...terms, ...WORDS)).map(([m, t]) => `${m}${t}`),
    fc.tuple(fc.constantFrom(...MARKERS), sentence).map(([m, s]) => `${m}${s}`),
    fc.tuple(fc.constantFrom('# ', '## ', '### '), fc.constantFrom(...MARKERS, ''), fc.constantFrom(...terms)).map(([h, m, t]) => `${h}${m}${t}`),
    fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => `\u3000\u3000${s.join('')}`),
    fc.constant(''),
  );
}

/** A draft of lines joined by one line end or by a mix of them. */
function draft(terms: string[], maxLines: number, size?: 'max'): fc.Arbitrary<string> {
  return fc
    .tuple(
      // Half the titles name the domain (数字政府, 政务服务), so that the frameworks engage.
      fc.oneof(fc.constantFrom(...DOMAIN_TITLES), fc.constantFrom(...terms)).map((t) => `关于${t}的实施方案`),
      fc.array(draftLine(terms), { maxLength: maxLines, size }),
      fc.oneof(fc.constantFrom('\n', '\r\n', '\r'), fc.constant('mixed')),
      fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 8 }),
    )
    .map(([title, lines, eol, mix]) => [title, ...lines].map((l, i) => l + (eol === 'mixed' ? mix[i % mix.length] : eol)).join(''));
}

/** `text` with pieces spliced in at arbitrary code-unit positions (splitting pairs and CRLFs too). */
function spliced(base: fc.Arbitrary<string>, terms: string[]): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(fc.tuple(fraction, piece(terms)), { maxLength: 6 })).map(([text, cuts]) => {
    let t = text;
    for (const [at, p] of cuts) {
      const o = Math.floor(at * t.length);
      t = t.slice(0, o) + p + t.slice(o);
    }
    return t;
  });
}

/** One piece repeated into a long line (or a long run of line ends). */
function longRun(terms: string[], maxRepeat: number): fc.Arbitrary<string> {
  return fc.tuple(piece(terms), fc.integer({ min: 50, max: maxRepeat })).map(([p, n]) => p.repeat(n));
}

export interface DraftSizes {
  /** Pieces in a string of pieces. */
  maxPieces: number;
  /** Lines in a generated draft. */
  maxLines: number;
  /** Repetitions of a piece in a long line. */
  maxRepeat: number;
  /** 'max': lengths spread up to the maxima (fast-check's default keeps arrays to about ten items). */
  size?: 'max';
}

export const SMALL: DraftSizes = { maxPieces: 60, maxLines: 25, maxRepeat: 400 };
export const LARGE: DraftSizes = { maxPieces: 400, maxLines: 120, maxRepeat: 20_000, size: 'max' };

/** Any string a writer might open: free strings of pieces, drafts, drafts with pieces spliced in, long lines. */
export function anyDraft(terms: string[], sizes: DraftSizes = SMALL): fc.Arbitrary<string> {
  const pieces = fc.array(piece(terms), { maxLength: sizes.maxPieces, size: sizes.size }).map((p) => p.join(''));
  return fc.oneof(
    { weight: 4, arbitrary: pieces },
    { weight: 3, arbitrary: draft(terms, sizes.maxLines, sizes.size) },
    { weight: 3, arbitrary: spliced(draft(terms, sizes.maxLines, sizes.size), terms) },
    { weight: 1, arbitrary: fc.tuple(draft(terms, 5), longRun(terms, sizes.maxRepeat), pieces).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: sizes.maxPieces, size: sizes.size }) },
  );
}

/** A seeded pseudo-random source (mulberry32), for generated drafts outside fast-check. */
export const random = rng;

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 35 → 三十五 (up to 99), for numbered headings of large drafts. */
function cn(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10) % 10;
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/**
 * A draft of about `chars` UTF-16 units: parts 一、二、… with items （一）（二）… and paragraphs of
 * varied sentences built from the packs' terms and common words, so that few lines repeat.
 */
export function largeDraft(terms: string[], chars: number, seed: number): string {
  const rnd = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: string[] = [`关于${pick(terms)}的实施方案`, ''];
  let size = out[0].length + 2;
  let part = 0;
  let item = 0;
  while (size < chars) {
    let line: string;
    if (item === 0 || rnd() < 0.04) {
      part++;
      item = 1;
      line = `${cn((part % 99) + 1)}、${pick(terms)}${pick(WORDS)}`;
    } else if (rnd() < 0.2) {
      line = `（${cn((item++ % 99) + 1)}）${pick(WORDS)}${pick(terms)}。`;
    } else {
      const words: string[] = [];
      const n = 20 + Math.floor(rnd() * 60);
      for (let i = 0; i < n; i++) {
        words.push(rnd() < 0.3 ? pick(terms) : pick(WORDS));
        if (rnd() < 0.12) words.push(rnd() < 0.5 ? '，' : '。');
        if (rnd() < 0.05) words.push(String(Math.floor(rnd() * 10_000)));
      }
      line = `\u3000\u3000${words.join('')}。`;
    }
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}
