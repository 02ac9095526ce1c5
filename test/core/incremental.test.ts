/**
 * An analyser that has seen earlier versions of a draft gives, after every small edit, exactly the
 * analysis a fresh analyser gives of the same text: what it remembers of lines and sentences never
 * stands in for text that changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, type LanguageKind, type Segmenter } from '../../core/src';
import { createSegmenter } from '../../host/src';
import { SimplifiedLines, toSimplified } from '../../core/src/text/traditional';
import { ROOT, FIXTURES, builtinPacks } from './helpers';
import { rng } from '../../bench/drafts';

/** Characters and lines an edit inserts: sentence ends, joiners of constructions, markup, numbering, Traditional. */
const CHARS = ['之', '的', '和', '与', '。', '；', '，', '\n', '\r\n', '并', '重', '统', '筹', '数', '據', '開', '《', '》', '#', '-', '一', '、', '（', '）', ' ', '安', '全', '发', '展'];
const LINES = ['二、统筹发展和安全', '（三）数据开放与数据安全并重', '## 第一章 总则', '第五条 推进政务数据共享，保障数据安全。', '<!-- policy-review-disable -->', '既要推进数据开放，又要守住安全底线。', '附件：1. 名单', '', '长期护理保险和超长期特别国债'];

function edit(text: string, r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const at = Math.floor(r() * (text.length + 1));
  const kind = Math.floor(r() * 4);
  if (kind === 0) return text.slice(0, at) + pick(CHARS) + text.slice(at);
  if (kind === 1) return text.slice(0, at) + text.slice(at + 1);
  // Whole lines: at a line start.
  const ls = text.lastIndexOf('\n', at - 1) + 1;
  if (kind === 2) return text.slice(0, ls) + pick(LINES) + '\n' + text.slice(ls);
  const le = text.indexOf('\n', ls);
  return le < 0 ? text.slice(0, ls) : text.slice(0, ls) + text.slice(le + 1);
}

const DRAFTS: [string, LanguageKind][] = [
  [path.join(ROOT, 'eval', 'corpus', 'a01-guoban-shuzi-zhengfu-yijian.txt'), 'plaintext'],
  [path.join(ROOT, 'eval', 'corpus', 'a08-fanti-shuwei-zhengfu-tongzhi.txt'), 'plaintext'],
  [path.join(ROOT, 'eval', 'corpus', 'b08-yiwangtongban-yijian.md'), 'markdown'],
  [path.join(FIXTURES, 'crlf-emoji.md'), 'markdown'],
  [path.join(FIXTURES, 'zhangjie.txt'), 'plaintext'],
];

test('after random small edits, an analyser that remembers earlier versions agrees with a fresh one', () => {
  const packs = builtinPacks();
  const seg: Segmenter = createSegmenter('node-rs', Analyzer.words(packs));
  const r = rng(20261203);
  for (const [file, language] of DRAFTS) {
    let text = fs.readFileSync(file, 'utf8');
    const kept = new Analyzer(packs, seg);
    kept.analyze(text, { language });
    for (let step = 0; step < 20; step++) {
      text = edit(text, r);
      // Now and then the same analyser sees the other language, then comes back.
      const lang = step % 7 === 6 ? (language === 'markdown' ? 'plaintext' : 'markdown') : language;
      const got = kept.analyze(text, { language: lang });
      const want = new Analyzer(packs, seg).analyze(text, { language: lang });
      assert.deepEqual(got, want, `${path.basename(file)}, edit ${step + 1}`);
    }
  }
});

test('a Traditional draft read line by line, through edits, reads as the whole text converted at once', () => {
  const r = rng(7);
  const lines = new SimplifiedLines();
  for (const name of ['a08-fanti-shuwei-zhengfu-tongzhi.txt', 'a01-guoban-shuzi-zhengfu-yijian.txt']) {
    let text = fs.readFileSync(path.join(ROOT, 'eval', 'corpus', name), 'utf8');
    for (let step = 0; step < 40; step++) {
      assert.equal(lines.convert(text), toSimplified(text), `${name}, edit ${step}`);
      text = edit(text, r);
    }
  }
});
