/** Scheduling with fakes: a slow settings read or an edit never lets an old version be published. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../../core/src';
import type { AnalysisResult } from '../../core/src/types';
import { DEFAULT_POLICY_REVIEW_SETTINGS, type PolicyReviewSettings } from '../../shared/src/settings';
import { AnalysisService, analyzeDocument, type Outcome } from '../../server/src/analysis';

const EMPTY: AnalysisResult = { findings: [], coverage: [], elements: [], outline: [], mentions: [], engaged: false, scope: [], setAside: [], attachments: [], tocLines: [] };

function fakeAnalyzer(onAnalyze: (text: string) => void = () => undefined): Analyzer {
  return {
    analyze: (text: string) => {
      onAnalyze(text);
      return EMPTY;
    },
  } as unknown as Analyzer;
}

const settings = (over: Partial<PolicyReviewSettings> = {}): PolicyReviewSettings => ({ ...DEFAULT_POLICY_REVIEW_SETTINGS, debounceMs: 0, ...over });

/** A service over one document whose settings reads are released by hand. */
function harness() {
  let doc = TextDocument.create('untitled:a.txt', 'plaintext', 1, '一、总体要求');
  const pending: (() => void)[] = [];
  const published: Outcome[] = [];
  const analysed: string[] = [];
  let onPublish: () => void = () => undefined;
  const service = new AnalysisService({
    getDocument: (uri) => (uri === doc.uri ? doc : undefined),
    getSettings: () => new Promise((resolve) => pending.push(() => resolve(settings()))),
    settingsEpoch: () => 0,
    getAnalyzer: () => fakeAnalyzer((t) => analysed.push(t)),
    publish: (o) => {
      published.push(o);
      onPublish();
    },
    log: () => undefined,
  });
  return {
    service,
    published,
    analysed,
    edit(text: string) {
      doc = TextDocument.update(doc, [{ text }], doc.version + 1);
    },
    releaseSettings() {
      for (const r of pending.splice(0)) r();
    },
    nextPublish: () => new Promise<void>((resolve) => (onPublish = resolve)),
  };
}

test('an edit during a slow settings read: the old version is neither analysed nor published', async () => {
  const h = harness();
  h.service.schedule('untitled:a.txt', true);
  h.edit('一、总体要求\n推进数据开放');
  h.service.schedule('untitled:a.txt', false);
  const published = h.nextPublish();
  h.releaseSettings(); // both reads return; the second one's timer fires
  await new Promise<void>((r) => setImmediate(r));
  h.releaseSettings(); // the run's own read
  await published;
  assert.deepEqual(h.published.map((o) => o.version), [2]);
  assert.deepEqual(h.analysed, ['一、总体要求\n推进数据开放']);
  h.service.dispose();
});

test('requests reuse the analysis of the current version', async () => {
  const h = harness();
  const first = h.service.current('untitled:a.txt');
  h.releaseSettings();
  const a = await first;
  const b = await h.service.current('untitled:a.txt');
  assert.equal(a, b);
  assert.equal(h.analysed.length, 1);
  h.edit('二、保障措施');
  const next = h.service.current('untitled:a.txt');
  h.releaseSettings();
  assert.equal((await next)?.version, 2);
  assert.equal(h.analysed.length, 2);
});

test('skip reasons: other language, too large in UTF-8 bytes, binary, no analyzer, analyzer failure', () => {
  const doc = (text: string, lang = 'plaintext') => TextDocument.create('untitled:x', lang, 1, text);
  const ok = () => fakeAnalyzer();
  const log: string[] = [];
  assert.equal(analyzeDocument(doc('数据', 'python'), settings(), ok, () => undefined).kind, 'skipped');
  const big = analyzeDocument(doc('数据开放'.repeat(400)), settings({ maxFileSize: 4096 }), ok, () => undefined);
  assert.ok(big.kind === 'skipped' && big.reason === 'too-large', '1600 characters are 4800 bytes');
  assert.equal(analyzeDocument(doc('数据开放'.repeat(300)), settings({ maxFileSize: 4096 }), ok, () => undefined).kind, 'reviewed');
  const bin = analyzeDocument(doc('abc\u0000def'), settings(), ok, () => undefined);
  assert.ok(bin.kind === 'skipped' && bin.reason === 'binary');
  const none = analyzeDocument(doc('数据'), settings(), () => undefined, () => undefined);
  assert.ok(none.kind === 'skipped' && none.reason === 'unavailable');
  const throwing = { analyze: () => { throw new Error('boom'); } } as unknown as Analyzer;
  const failed = analyzeDocument(doc('数据'), settings(), () => throwing, (m) => log.push(m));
  assert.ok(failed.kind === 'skipped' && failed.reason === 'failed');
  assert.match(log.join('\n'), /boom/);
  const md = analyzeDocument(doc('# 标题', 'markdown'), settings(), ok, () => undefined);
  assert.ok(md.kind === 'reviewed' && md.language === 'markdown');
});
