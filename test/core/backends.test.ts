/** Both segmenter backends give the same findings and coverage on every test draft. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzer, FIXTURES, ROOT } from './helpers';

const drafts = [
  ...fs.readdirSync(FIXTURES).filter((f) => /\.(md|txt)$/.test(f)).map((f) => path.join(FIXTURES, f)),
  path.join(ROOT, 'examples', 'sample-draft.md'),
];

test('nodejieba and @node-rs/jieba agree on every draft', () => {
  assert.ok(drafts.length >= 8, `drafts: ${drafts.length}`);
  const a = analyzer('node-rs');
  const b = analyzer('nodejieba');
  assert.equal(b.backend, 'nodejieba');
  for (const file of drafts) {
    const text = fs.readFileSync(file, 'utf8');
    const language = file.endsWith('.md') ? 'markdown' : 'plaintext';
    const ra = a.analyze(text, { language });
    const rb = b.analyze(text, { language });
    assert.deepEqual(rb.findings, ra.findings, path.basename(file));
    assert.deepEqual(rb.coverage.map((c) => c.sides), ra.coverage.map((c) => c.sides), path.basename(file));
  }
});

test('the WebAssembly segmenter gives the same findings, coverage and outline as @node-rs/jieba on every draft and the whole evaluation corpus', () => {
  const corpus = path.join(ROOT, 'eval', 'corpus');
  const all = [...drafts, ...fs.readdirSync(corpus).filter((f) => /\.(md|txt)$/.test(f)).map((f) => path.join(corpus, f))];
  assert.ok(all.length > 80, `drafts: ${all.length}`);
  const a = analyzer('node-rs');
  const w = analyzer('wasm');
  assert.equal(w.backend, 'wasm');
  for (const file of all) {
    const text = fs.readFileSync(file, 'utf8');
    const language = /\.md$/.test(file) ? 'markdown' : 'plaintext';
    const ra = a.analyze(text, { language });
    const rw = w.analyze(text, { language });
    assert.deepEqual(rw.findings, ra.findings, path.basename(file));
    assert.deepEqual(rw.coverage, ra.coverage, path.basename(file));
    assert.deepEqual(rw.outline, ra.outline, path.basename(file));
  }
});
