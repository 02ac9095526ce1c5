/** Bad input: oversized documents, binary-looking text, random bytes and lone surrogates. */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, Hover } from 'vscode-languageserver-protocol';
import type { CoverageResult } from '../../shared/src/protocol';
import { TestClient } from './lspClient';
import { ONE_SIDED_SHORT as ONE_SIDED } from './drafts';
import { rng as random } from '../../bench/drafts';

const MAX = 4096;

let c: TestClient;
before(async () => {
  c = await TestClient.start({ settings: { debounceMs: 30, maxFileSize: MAX } });
});
after(async () => {
  assert.doesNotMatch(c.stderr, /uncaught|unhandled/i, 'no exception escaped a handler');
  // A handler that threw was caught by the guard and logged as an error: there must be none.
  const errors = c.logs.filter((l) => l.type === 1);
  assert.deepEqual(errors, [], 'no handler failed');
  await c.stop();
});

const infoMessages = (pattern: RegExp) => c.messages.filter((m) => m.type === 3 && pattern.test(m.message));

/** Every request a user's editor would send on a document; each must answer without an error. */
async function everyRequest(uri: string): Promise<void> {
  const doc = { uri };
  const lines = c.text(uri).split('\n').length;
  for (const position of [
    { line: 0, character: 0 },
    { line: Math.floor(lines / 2), character: 3 },
    { line: lines + 5, character: 99 },
  ]) {
    await c.request<Hover | null>('textDocument/hover', { textDocument: doc, position });
    await c.request<CompletionItem[]>('textDocument/completion', { textDocument: doc, position });
  }
  await c.request('textDocument/documentSymbol', { textDocument: doc });
  await c.request('textDocument/foldingRange', { textDocument: doc });
  await c.request('textDocument/codeAction', {
    textDocument: doc,
    range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
    context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'policy-review', code: 'open-data-security', data: { kind: 'one-sided' } }] },
  });
  await c.request<CoverageResult>('policyReview/coverage', doc);
}

/** The server still reviews a normal draft. */
async function stillServing(name: string): Promise<void> {
  const uri = `untitled:alive-${name}.txt`;
  await c.open(uri, ONE_SIDED);
  const pub = await c.waitForDiagnostics(uri, 1);
  assert.ok(pub.diagnostics.some((d) => d.code === 'open-data-security'));
  await c.close(uri);
}

describe('oversized documents', () => {
  test('skipped with one information message; diagnostics cleared; reviewed again once small', async () => {
    const uri = 'untitled:big.txt';
    await c.open(uri, ONE_SIDED);
    assert.ok((await c.waitForDiagnostics(uri, 1)).diagnostics.length > 0);
    // Chinese text: three UTF-8 bytes per character, so 1500 characters pass 4096 bytes.
    const filler = `${'推进数据开放，加强统筹协调。'.repeat(110)}\n`;
    assert.ok(filler.length < MAX && Buffer.byteLength(filler) > MAX, 'over the limit in bytes, not in characters');
    const v2 = await c.append(uri, filler);
    assert.deepEqual((await c.waitForDiagnostics(uri, v2)).diagnostics, []);
    assert.equal(infoMessages(/过大/).length, 1);
    const v3 = await c.append(uri, '再加一句。');
    assert.deepEqual((await c.waitForDiagnostics(uri, v3)).diagnostics, []);
    assert.equal(infoMessages(/过大/).length, 1, 'not repeated on every keystroke');
    const cov = await c.request<CoverageResult>('policyReview/coverage', { uri });
    assert.equal(cov.reviewed, false);
    assert.match(cov.skippedReason ?? '', /过大/);
    await everyRequest(uri);
    const v4 = await c.replace(uri, filler, '');
    assert.ok((await c.waitForDiagnostics(uri, v4)).diagnostics.length > 0, 'reviewed again');
  });

  test('a document too large from the start: one message, no diagnostics', async () => {
    const uri = 'untitled:big-from-start.txt';
    const before = infoMessages(/过大/).length;
    await c.open(uri, '数据开放'.repeat(2000));
    assert.deepEqual((await c.waitForDiagnostics(uri, 1)).diagnostics, []);
    assert.equal(infoMessages(/过大/).length, before + 1);
  });
});

describe('garbage', () => {
  test('random bytes with NUL characters: skipped as binary with one message', async () => {
    const next = random(1);
    const bytes = Array.from({ length: 1500 }, () => Math.floor(next() * 256));
    bytes[10] = 0;
    const uri = 'untitled:random-bytes.txt';
    await c.open(uri, String.fromCharCode(...bytes));
    assert.deepEqual((await c.waitForDiagnostics(uri, 1)).diagnostics, []);
    assert.equal(infoMessages(/二进制/).length, 1);
    await everyRequest(uri);
    const v = await c.append(uri, '\u0000\u0000');
    await c.waitForDiagnostics(uri, v);
    assert.equal(infoMessages(/二进制/).length, 1);
    await stillServing('bytes');
  });

  test('lone surrogates, control characters and random code units: no crash, answers everywhere', async () => {
    const next = random(2);
    const units = Array.from({ length: 4000 }, () => {
      const r = next();
      if (r < 0.05) return 0xd800 + Math.floor(next() * 0x800); // a lone half of a surrogate pair
      if (r < 0.1) return 0x0a;
      if (r < 0.4) return 0x4e00 + Math.floor(next() * 0x5000);
      return 1 + Math.floor(next() * 0xfffe);
    });
    const text = `${String.fromCharCode(...units)}\n一、\uD800处理好数据开放\uDFFF与数据安全的关系\n（\n#\n处理好`;
    const uri = 'untitled:surrogates.md';
    await c.open(uri, text, 'markdown');
    await c.waitForDiagnostics(uri, 1);
    await everyRequest(uri);
    // Edits at odd places: inside a surrogate pair, past the end, a reversed range.
    let v = await c.change(uri, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\uDC00😀' }]);
    v = await c.change(uri, [{ range: { start: { line: 999, character: 0 }, end: { line: 999, character: 5 } }, text: '\n三、' }]);
    v = await c.change(uri, [{ range: { start: { line: 2, character: 5 }, end: { line: 1, character: 0 } }, text: '\u0007\u001b' }]);
    await c.waitForDiagnostics(uri, v);
    await everyRequest(uri);
    await c.request('workspace/executeCommand', {
      command: 'policyReview.insertRelationshipSection',
      arguments: [uri, { line: 1, character: 2 }, 'open-data-security'],
    }).catch(() => undefined);
    await stillServing('surrogates');
  });

  test('a change whose range lies past the end leaves every later position right', async () => {
    // TextDocument.update trusts the range's lines: a range past the end (here backwards too) left
    // holes in the server's line table, and every diagnostic after it landed on a wrong line.
    const uri = 'untitled:past-the-end.txt';
    await c.open(uri, ONE_SIDED);
    await c.waitForDiagnostics(uri, 1);
    const past = c.doc(uri).lineCount + 1000;
    const v = await c.change(uri, [{ range: { start: { line: past + 1, character: 0 }, end: { line: past, character: 0 } }, text: '\r\n' }]);
    const edited = await c.waitForDiagnostics(uri, v);
    const fresh = 'untitled:past-the-end-fresh.txt';
    await c.open(fresh, c.text(uri));
    const expected = await c.waitForDiagnostics(fresh, 1);
    assert.ok(expected.diagnostics.length > 0);
    assert.deepEqual(edited.diagnostics.map((d) => d.range), expected.diagnostics.map((d) => d.range));
    await c.close(fresh);
    await c.close(uri);
  });

  test('degenerate drafts: empty, only line breaks, only markers, one enormous line', async () => {
    const drafts = ['', '\n\n\r\n\r', '一、\n（一）\n1.\n（1）\n①\n第一章\n#', `${'数据开放'.repeat(500)}`, '<!-- policy-review-disable', '---\ntitle: x\n'];
    for (const [i, text] of drafts.entries()) {
      const uri = `untitled:degenerate-${i}.md`;
      await c.open(uri, text, 'markdown');
      await c.waitForDiagnostics(uri, 1);
      await everyRequest(uri);
    }
    await stillServing('degenerate');
  });
});
