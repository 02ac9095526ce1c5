/**
 * Regression gate on the labelled corpus (eval/corpus, see eval/LABELS.md): the figures `npm run
 * eval` prints must not fall. The outline is at its target (every heading and numbering finding
 * as labelled); the judgement's floors are the figures reached so far, below the targets of 90 %
 * precision and 80 % recall recorded in EVALUATION.md, and no out-of-scope draft gets a finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { corpusFiles, evaluate, formatReport } from '../../eval/evaluate';
import { analyzer, ROOT } from './helpers';

const report = evaluate(analyzer(), corpusFiles(path.join(ROOT, 'eval', 'corpus')));
const ratio = (a: number, b: number) => (b ? a / b : 1);

test('the corpus holds at least 60 labelled drafts', () => {
  assert.ok(report.docs.length >= 60, `${report.docs.length}`);
});

test('outline: every labelled heading read as labelled, every numbering finding right', () => {
  const h = report.headings;
  const o = report.outlineFindings;
  const misses = report.docs.flatMap((d) => d.misses.filter((m) => /heading|outline|articles/.test(m)).map((m) => `${d.file}: ${m}`));
  assert.deepEqual(misses, []);
  assert.equal(h.hit, h.labelled);
  assert.equal(h.right, h.reported);
  assert.equal(o.hit, o.labelled);
  assert.equal(o.right, o.reported);
});

test('judgement: no relationship finding on an out-of-scope draft', () => {
  assert.equal(report.outOfScopeWithFindings, 0, formatReport(report, false));
});

test('judgement: precision and recall do not fall below the figures reached', () => {
  const w = report.strictWarnings;
  const all = report.warnings;
  assert.ok(ratio(w.right, w.reported) >= 0.5, `warning precision ${w.right}/${w.reported}`);
  assert.ok(ratio(all.hit, all.labelled) >= 0.5, `recall ${all.hit}/${all.labelled}`);
});
