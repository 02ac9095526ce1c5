/**
 * Regression gate on the labelled corpus (eval/corpus, see eval/LABELS.md): the figures `npm run
 * eval` prints must not fall. The outline is at its target (every heading and numbering finding
 * as labelled); the judgement must hold its targets (at least 90 % of warnings and of all flags
 * right, at least 80 % of labelled flags found), and no out-of-scope draft gets a finding.
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

test('judgement: at least 90 % precision and 80 % recall', () => {
  const w = report.strictWarnings;
  const all = report.warnings;
  const why = formatReport(report, false);
  assert.ok(ratio(w.right, w.reported) >= 0.9, `warning precision ${w.right}/${w.reported}\n${why}`);
  assert.ok(ratio(all.right, all.reported) >= 0.9, `precision of all flags ${all.right}/${all.reported}\n${why}`);
  assert.ok(ratio(all.hit, all.labelled) >= 0.8, `recall ${all.hit}/${all.labelled}\n${why}`);
});
