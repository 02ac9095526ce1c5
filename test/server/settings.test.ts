/** Settings: pulled per resource or pushed, per-relationship switches, rule packs and the segmenter. */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { CoverageResult } from '../../shared/src/protocol';
import { TestClient } from './lspClient';
import { ONE_SIDED } from './drafts';

/** The next diagnostics published for uri after the first `since` notifications. */
function nextPublish(c: TestClient, uri: string, since: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
  return c.waitFor(`a new publish for ${uri}`, () => c.diagnostics.slice(since).find((d) => d.uri === uri), timeoutMs);
}

async function reconfigure(c: TestClient, settings: Record<string, unknown>, uri: string, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
  const since = c.diagnostics.length;
  c.settings = settings;
  await c.notifyServer('workspace/didChangeConfiguration', { settings: null });
  return nextPublish(c, uri, since, timeoutMs);
}

/** Codes of the diagnostics, and the relationships the note on what is missing lists. */
const codes = (p: PublishDiagnosticsParams) =>
  p.diagnostics.flatMap((d) => [String(d.code), ...((d.data as { relationships?: string[] } | undefined)?.relationships ?? [])]);

/** A valid pack with one relationship of its own. */
const CUSTOM_PACK = {
  id: 'custom-test',
  name: '测试规则包 / Test pack',
  version: '1.0.0',
  relationships: [
    {
      id: 'custom-reform-stability',
      name: '改革与稳定',
      nameEn: 'Reform and stability',
      sides: [
        { label: '改革', aliases: ['深化改革', '改革创新'], paragraph: '坚定不移深化改革。' },
        { label: '稳定', aliases: ['社会稳定', '和谐稳定'], paragraph: '切实维护社会稳定。' },
      ],
      explanation: '改革要顾及稳定。',
      explanationEn: 'Reform must keep stability in view.',
      source: '处理好改革与稳定的关系。',
      template: { title: '处理好改革与稳定的关系', body: ['坚持深化改革与维护社会稳定相统一。'] },
      examples: { positive: ['深化改革，维护社会稳定。'], negative: ['深化改革。'] },
    },
  ],
};

describe('settings pulled with workspace/configuration', () => {
  let c: TestClient;
  const uri = 'untitled:settings.txt';
  before(async () => {
    c = await TestClient.start({ settings: { debounceMs: 30 } });
    await c.open(uri, ONE_SIDED);
    await c.waitForDiagnostics(uri, 1);
  });
  after(() => c.stop());

  test('the server asks per resource, for the policyReview section', () => {
    const item = c.configurationRequests.flatMap((r) => r.items).find((i) => i.scopeUri === uri);
    assert.ok(item);
    assert.equal(item.section, 'policyReview');
  });

  test('disabling a relationship removes its diagnostics and marks it in the coverage', async () => {
    const pub = await reconfigure(c, { debounceMs: 30, relationships: { 'open-data-security': { enabled: false } } }, uri);
    assert.equal(pub.version, 1, 'the same version, analysed again');
    assert.equal(codes(pub).includes('open-data-security'), false);
    assert.ok(codes(pub).includes('short-long-term'));
    const cov = await c.request<CoverageResult>('policyReview/coverage', { uri });
    assert.equal(cov.items.find((i) => i.id === 'open-data-security')?.enabled, false);
  });

  test('a relationship’s severity, and a kind’s severity', async () => {
    const pub = await reconfigure(
      c,
      { debounceMs: 30, relationships: { 'open-data-security': { severity: 'error' } }, severities: { missing: 'hint' } },
      uri,
    );
    assert.equal(pub.diagnostics.find((d) => d.code === 'open-data-security')?.severity, 1);
    assert.equal(pub.diagnostics.find((d) => d.code === 'missing')?.severity, 4);
  });

  test('thresholds: a higher minMentions turns the one-sided warning off', async () => {
    const pub = await reconfigure(c, { debounceMs: 30, minMentions: 7 }, uri);
    assert.equal(codes(pub).includes('open-data-security'), false);
  });

  test('language ids: a document of a language no longer reviewed gets its diagnostics cleared', async () => {
    const pub = await reconfigure(c, { debounceMs: 30, languageIds: ['markdown'] }, uri);
    assert.deepEqual(pub.diagnostics, []);
    const back = await reconfigure(c, { debounceMs: 30 }, uri);
    assert.ok(codes(back).includes('open-data-security'));
  });

  test('malformed settings fall back to the defaults', async () => {
    // A valid threshold that silences the finding, then a malformed one: the default (3) is in effect, not the last value.
    const high = await reconfigure(c, { debounceMs: 30, minMentions: 99 }, uri);
    assert.ok(!codes(high).includes('open-data-security'), JSON.stringify(codes(high)));
    const pub = await reconfigure(c, { debounceMs: 'soon', languageIds: 7, relationships: ['x'], minMentions: -3, segmenter: 'abc' }, uri);
    assert.ok(codes(pub).includes('open-data-security'), 'minMentions back at its default; plain text still reviewed; relationships enabled');
  });

  test('the nodejieba segmenter can be chosen; the draft is analysed again with it', async () => {
    const pub = await reconfigure(c, { debounceMs: 30, segmenter: 'nodejieba' }, uri, 60_000);
    assert.ok(codes(pub).includes('open-data-security'));
    assert.equal(c.messages.filter((m) => m.type === 1).length, 0, 'no error shown');
    assert.ok(c.logs.some((l) => /nodejieba/.test(l.message)), 'the load is logged');
    await reconfigure(c, { debounceMs: 30 }, uri);
  });
});

describe('settings pushed by the client (no workspace/configuration)', () => {
  test('initializationOptions.settings, then didChangeConfiguration payloads', async () => {
    const c = await TestClient.start({
      configuration: false,
      initializationOptions: { settings: { debounceMs: 30, relationships: { 'short-long-term': { enabled: false } } } },
    });
    try {
      const uri = 'untitled:push.txt';
      await c.open(uri, ONE_SIDED);
      const first = await c.waitForDiagnostics(uri, 1);
      assert.equal(codes(first).includes('short-long-term'), false);
      assert.equal(c.configurationRequests.length, 0);
      const since = c.diagnostics.length;
      await c.notifyServer('workspace/didChangeConfiguration', {
        settings: { policyReview: { debounceMs: 30, relationships: { 'open-data-security': { severity: 'error' } } } },
      });
      const pub = await nextPublish(c, uri, since);
      assert.ok(codes(pub).includes('short-long-term'));
      assert.equal(pub.diagnostics.find((d) => d.code === 'open-data-security')?.severity, 1);
    } finally {
      await c.stop();
    }
  });
});

describe('workspace rule packs', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-review-packs-'));
    const bad = structuredClone(CUSTOM_PACK) as Record<string, unknown>;
    (bad.relationships as Record<string, unknown>[])[0].sides = '改革与稳定';
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad, null, 2));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ "id": "broken", "relationships": [ { "id": ');
    fs.writeFileSync(path.join(dir, 'custom.json'), JSON.stringify(CUSTOM_PACK, null, 2));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a malformed pack: one error message naming file and field; the built-in packs keep working', async () => {
    const c = await TestClient.start({ workspaceFolder: dir, initializationOptions: { trustedWorkspace: true }, settings: { debounceMs: 30, rulePacks: ['bad.json'] } });
    try {
      const uri = 'untitled:badpack.txt';
      await c.open(uri, ONE_SIDED);
      const pub = await c.waitForDiagnostics(uri, 1);
      assert.ok(codes(pub).includes('open-data-security'), 'built-in diagnostics still published');
      const errors = c.messages.filter((m) => m.type === 1);
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.ok(errors[0].message.includes(path.join(dir, 'bad.json')), errors[0].message);
      assert.match(errors[0].message, /\/relationships\/0\/sides/);
      assert.match(errors[0].message, /规则包错误：.*bad\.json/);
      // Settings change, same broken pack: reloaded, not reported twice.
      await reconfigure(c, { debounceMs: 30, rulePacks: ['bad.json'], minMentions: 2 }, uri);
      assert.equal(c.messages.filter((m) => m.type === 1).length, 1);
      // A file that is not even JSON: named too.
      await reconfigure(c, { debounceMs: 30, rulePacks: ['broken.json'] }, uri);
      const second = c.messages.filter((m) => m.type === 1);
      assert.equal(second.length, 2);
      assert.ok(second[1].message.includes(path.join(dir, 'broken.json')), second[1].message);
      const cov = await c.request<CoverageResult>('policyReview/coverage', { uri });
      assert.ok(cov.items.some((i) => i.id === 'open-data-security'));
    } finally {
      await c.stop();
    }
  });

  test('a valid pack adds its relationships, resolved against the workspace folder', async () => {
    const c = await TestClient.start({ workspaceFolder: dir, initializationOptions: { trustedWorkspace: true }, settings: { debounceMs: 30, rulePacks: ['custom.json'] } });
    try {
      const uri = 'untitled:custompack.txt';
      await c.open(uri, `${ONE_SIDED}四、深化改革\n深化改革。改革创新。持续深化改革。全面深化改革。以改革促发展。\n`);
      const pub = await c.waitForDiagnostics(uri, 1);
      assert.ok(codes(pub).includes('custom-reform-stability'), JSON.stringify(codes(pub)));
      assert.equal(c.messages.filter((m) => m.type === 1).length, 0);
    } finally {
      await c.stop();
    }
  });

  for (const [name, init] of [['an untrusted workspace', { trustedWorkspace: false }], ['a client that says nothing of trust', {}]] as const)
  test(`${name} loads no workspace packs`, async () => {
    const c = await TestClient.start({
      workspaceFolder: dir,
      initializationOptions: init,
      settings: { debounceMs: 30, rulePacks: ['custom.json', 'bad.json'] },
    });
    try {
      const uri = 'untitled:untrusted.txt';
      await c.open(uri, ONE_SIDED);
      await c.waitForDiagnostics(uri, 1);
      const cov = await c.request<CoverageResult>('policyReview/coverage', { uri });
      assert.equal(cov.items.some((i) => i.id === 'custom-reform-stability'), false);
      assert.ok(cov.items.some((i) => i.id === 'open-data-security'));
      assert.equal(c.messages.filter((m) => m.type === 1).length, 0, 'the bad pack is not even read');
    } finally {
      await c.stop();
    }
  });
});
