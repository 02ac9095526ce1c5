/** Settings normalisation and the store's pull / push behaviour, with a fake configuration source. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_POLICY_REVIEW_SETTINGS } from '../../shared/src/settings';
import { SettingsStore, extractSection, normalizeSettings, toReviewSettings } from '../../server/src/settings';

test('whatever a client sends, every field ends up valid', () => {
  assert.deepEqual(normalizeSettings(null), DEFAULT_POLICY_REVIEW_SETTINGS);
  const s = normalizeSettings({
    languageIds: ['markdown', 3, ''],
    relationships: { a: false, b: { enabled: true, severity: 'loud' }, c: { severity: 'hint' }, d: 'x' },
    severities: { 'one-sided': 'error', bogus: 'hint', missing: 'nope' },
    minMentions: 0,
    balanceRatio: Number.NaN,
    segmenter: 'nodejieba',
    debounceMs: '100',
  });
  assert.deepEqual(s.languageIds, ['markdown']);
  assert.deepEqual(s.relationships, { a: { enabled: false }, b: { enabled: true }, c: { severity: 'hint' } });
  assert.deepEqual(s.severities, { 'one-sided': 'error' });
  assert.equal(s.minMentions, DEFAULT_POLICY_REVIEW_SETTINGS.minMentions);
  assert.equal(s.balanceRatio, DEFAULT_POLICY_REVIEW_SETTINGS.balanceRatio);
  assert.equal(s.segmenter, 'nodejieba');
  assert.equal(s.debounceMs, DEFAULT_POLICY_REVIEW_SETTINGS.debounceMs);
  assert.equal(toReviewSettings(s).severities?.['one-sided'], 'error');
  assert.equal(toReviewSettings(s).severities?.missing, 'information');
});

test('the section inside a didChangeConfiguration payload, in the forms clients send it', () => {
  assert.deepEqual(extractSection({ policyReview: { minMentions: 3 } }), { minMentions: 3 });
  assert.deepEqual(extractSection({ settings: { policyReview: { minMentions: 4 } } }), { minMentions: 4 });
  assert.deepEqual(extractSection({ minMentions: 5 }), { minMentions: 5 });
  assert.equal(extractSection(null), undefined);
  assert.equal(extractSection({ otherTool: {} }), undefined);
});

test('pulled settings are cached per resource until a change', async () => {
  const asked: string[] = [];
  let value: unknown = { minMentions: 3 };
  const store = new SettingsStore({ fetch: async (uri) => (asked.push(uri), value), log: () => undefined }, undefined);
  assert.equal((await store.get('file:///a.txt')).minMentions, 3);
  await store.get('file:///a.txt');
  await store.get('file:///b.txt');
  assert.deepEqual(asked, ['file:///a.txt', 'file:///b.txt']);
  value = { minMentions: 4 };
  const epoch = store.epoch;
  store.changed({ settings: null });
  assert.equal(store.epoch, epoch + 1);
  assert.equal((await store.get('file:///a.txt')).minMentions, 4);
  const failing = new SettingsStore({ fetch: () => Promise.reject(new Error('no')), log: () => undefined }, { minMentions: 6 });
  assert.equal((await failing.get('file:///c.txt')).minMentions, 6, 'a failed read falls back');
});

test('pushed settings: from initializationOptions, replaced by each payload', async () => {
  const store = new SettingsStore({ log: () => undefined }, { minMentions: 3 });
  assert.equal((await store.get('file:///a.txt')).minMentions, 3);
  store.changed({ policyReview: { minMentions: 5 } });
  assert.equal((await store.get('file:///a.txt')).minMentions, 5);
  store.changed(null);
  assert.equal((await store.get('file:///a.txt')).minMentions, 5, 'a payload without the section keeps the settings');
});
