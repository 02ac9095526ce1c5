/** The analyzer lifecycle with injected segmenters: reuse, fallback from nodejieba, rule pack reports. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Segmenter, type SegmenterBackend } from '../../core/src';
import { createSegmenter } from '../../host/src';
import { DEFAULT_POLICY_REVIEW_SETTINGS, type PolicyReviewSettings } from '../../shared/src/settings';
import { AnalyzerHost, resolvePackPath } from '../../server/src/analyzers';

const RULES = path.resolve(__dirname, '..', '..', '..', 'rules');

function settings(over: Partial<PolicyReviewSettings> = {}): PolicyReviewSettings {
  return { ...DEFAULT_POLICY_REVIEW_SETTINGS, ...over };
}

/** A host whose nodejieba cannot load, counting segmenter loads and recording what it shows. */
function host(trustedWorkspace = true) {
  const loads: SegmenterBackend[] = [];
  const shown: string[] = [];
  const logs: string[] = [];
  const h = new AnalyzerHost({
    builtinRulesDir: RULES,
    trustedWorkspace,
    log: (m) => logs.push(m),
    showError: (m) => shown.push(m),
    createSegmenter: (backend, words): Segmenter => {
      loads.push(backend);
      if (backend === 'nodejieba') {
        throw new Error('无法加载分词后端 nodejieba：Cannot find module / Cannot load segmenter backend nodejieba.');
      }
      return createSegmenter(backend, words);
    },
  });
  return { h, loads, shown, logs };
}

test('one segmenter load per backend, kept across configuration changes', () => {
  const { h, loads } = host();
  const a = h.get(settings(), {});
  assert.ok(a);
  h.clear();
  const b = h.get(settings({ minMentions: 3 }), {});
  assert.ok(b);
  assert.notEqual(a, b, 'a new analyzer after clear(), so rule packs are read again');
  assert.deepEqual(loads, ['node-rs']);
});

test('nodejieba missing: one error message, node-rs is used instead, and not retried', () => {
  const { h, loads, shown } = host();
  const a = h.get(settings({ segmenter: 'nodejieba' }), {});
  assert.ok(a, 'an analyzer on node-rs');
  const sides = a.analyze('推进数据开放，加强数据安全。').mentions.filter((m) => m.id === 'open-data-security').map((m) => m.side);
  assert.deepEqual(sides, [0, 1]);
  assert.equal(shown.length, 1);
  assert.match(shown[0], /nodejieba/);
  assert.match(shown[0], /改用 node-rs/);
  h.clear();
  assert.ok(h.get(settings({ segmenter: 'nodejieba' }), {}));
  assert.equal(shown.length, 1, 'shown once');
  assert.deepEqual(loads, ['nodejieba', 'node-rs']);
});

test('rule pack problems: shown once, logged each time, reported again after resetShownErrors', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-review-host-'));
  try {
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'id: bad\nname: 1\nrelationships: nope\n');
    const { h, shown, logs } = host();
    const s = settings({ rulePacks: ['bad.yaml'] });
    assert.ok(h.get(s, { folder: dir }), 'the built-in packs still load');
    assert.equal(shown.length, 1);
    assert.ok(shown[0].includes(path.join(dir, 'bad.yaml')));
    assert.match(shown[0], /\/relationships/);
    h.clear();
    h.get(s, { folder: dir });
    assert.equal(shown.length, 1);
    assert.ok(logs.filter((l) => l.includes('bad.yaml')).length >= 2);
    h.resetShownErrors();
    h.clear();
    h.get(s, { folder: dir });
    assert.equal(shown.length, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an untrusted workspace reads only the built-in packs', () => {
  const { h } = host(false);
  const files = h.ruleFiles(settings({ rulePacks: ['/somewhere/custom.json'] }), {});
  assert.ok(files.length > 0);
  assert.ok(files.every((f) => f.startsWith(RULES)));
  assert.deepEqual(host(true).h.ruleFiles(settings({ useBuiltinRules: false, rulePacks: ['/somewhere/custom.json'] }), {}), ['/somewhere/custom.json']);
});

test('rule pack paths: relative to the workspace folder, else to the document; absolute and file: URIs as they are', () => {
  assert.equal(resolvePackPath('packs/a.json', { folder: '/ws', documentDir: '/ws/docs' }), '/ws/packs/a.json');
  assert.equal(resolvePackPath('a.json', { documentDir: '/tmp/docs' }), '/tmp/docs/a.json');
  assert.equal(resolvePackPath('/abs/a.json', { folder: '/ws' }), '/abs/a.json');
  assert.equal(resolvePackPath('file:///abs/b%20c.json', { folder: '/ws' }), '/abs/b c.json');
});

test('a workspace pack path that leads out of the workspace (.. or a symbolic link) is refused with a message', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-escape-'));
  try {
    const ws = path.join(root, 'ws');
    const outside = path.join(root, 'outside');
    fs.mkdirSync(path.join(ws, 'packs'), { recursive: true });
    fs.mkdirSync(outside);
    const pack = fs.readFileSync(path.join(RULES, 'digital-government.json'), 'utf8');
    fs.writeFileSync(path.join(outside, 'evil.json'), pack);
    fs.writeFileSync(path.join(ws, 'packs', 'own.json'), pack);
    fs.symlinkSync(path.join(outside, 'evil.json'), path.join(ws, 'packs', 'link.json'));
    const { h, shown } = host(true);
    const files = h.ruleFiles(settings({ useBuiltinRules: false, rulePacks: ['packs/own.json', '../outside/evil.json', 'packs/link.json'] }), { folder: ws });
    assert.deepEqual(files, [path.join(ws, 'packs', 'own.json')]);
    assert.equal(shown.length, 2, shown.join('\n'));
    assert.ok(shown.some((m) => m.includes('../outside/evil.json') && /工作区之外/.test(m)));
    assert.ok(shown.some((m) => m.includes('packs/link.json')));
    // An absolute path is the writer's own (user settings) and is read.
    const abs = h.ruleFiles(settings({ useBuiltinRules: false, rulePacks: [path.join(outside, 'evil.json')] }), { folder: ws });
    assert.deepEqual(abs, [path.join(outside, 'evil.json')]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a pack cannot pollute objects through __proto__ keys (JSON or YAML)', () => {
  const { h } = host(true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-proto-'));
  try {
    const pack = JSON.parse(fs.readFileSync(path.join(RULES, 'digital-government.json'), 'utf8'));
    const json = JSON.stringify(pack).replace('{', '{"__proto__":{"polluted":"yes"},');
    fs.writeFileSync(path.join(dir, 'p.json'), json);
    fs.writeFileSync(path.join(dir, 'p.yaml'), '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n');
    h.get(settings({ useBuiltinRules: false, rulePacks: ['p.json', 'p.yaml'] }), { folder: dir });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
