/** Initialize, diagnostics as the user types, and the version rule: nothing stale is ever published. */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { CoverageResult } from '../../shared/src/protocol';
import { CLI_JS, TestClient } from './lspClient';
import { ONE_SIDED } from './drafts';

const byCode = (d: PublishDiagnosticsParams, code: string): Diagnostic | undefined => d.diagnostics.find((x) => x.code === code);

describe('initialize', () => {
  test('advertises incremental sync, providers, trigger characters and the public command ids', async () => {
    const c = await TestClient.start();
    try {
      const caps = c.initializeResult.capabilities;
      assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
      assert.equal(caps.hoverProvider, true);
      assert.deepEqual(caps.completionProvider?.triggerCharacters, ['、', '）', '.', '好']);
      assert.deepEqual(caps.executeCommandProvider?.commands, ['policyReview.insertRelationshipSection', 'policyReview.insertSideParagraph']);
      assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
      assert.equal(caps.documentSymbolProvider, true);
      assert.equal(caps.foldingRangeProvider, true);
      assert.equal(c.initializeResult.serverInfo?.name, 'policy-review');
    } finally {
      await c.stop();
    }
  });

  test('a client that handles the commands itself gets the server-only ids', async () => {
    const c = await TestClient.start({ initializationOptions: { clientHandlesCommands: true, trustedWorkspace: true } });
    try {
      assert.deepEqual(c.initializeResult.capabilities.executeCommandProvider?.commands, [
        'policyReview.server.insertRelationshipSection',
        'policyReview.server.insertSideParagraph',
      ]);
    } finally {
      await c.stop();
    }
  });
});

describe('transports', () => {
  test('over Node IPC, as the VS Code client starts it', async () => {
    const c = await TestClient.start({ ipc: true, settings: { debounceMs: 30 } });
    try {
      const uri = 'untitled:ipc.txt';
      await c.open(uri, ONE_SIDED);
      assert.ok(byCode(await c.waitForDiagnostics(uri, 1), 'open-data-security'));
    } finally {
      await c.stop();
    }
  });

  test('`policy-review lsp --stdio` runs the same server', async () => {
    const c = await TestClient.start({ args: [CLI_JS, 'lsp', '--stdio'], settings: { debounceMs: 30 } });
    try {
      assert.equal(c.initializeResult.serverInfo?.name, 'policy-review');
      const uri = 'untitled:cli.txt';
      await c.open(uri, ONE_SIDED);
      assert.ok(byCode(await c.waitForDiagnostics(uri, 1), 'open-data-security'));
    } finally {
      await c.stop();
    }
  });
});

describe('diagnostics', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start({ settings: { debounceMs: 30 } });
  });
  after(() => c.stop());

  test('published on open with code, source, severity, message, version and related mentions', async () => {
    const uri = 'untitled:open.txt';
    await c.open(uri, ONE_SIDED);
    const pub = await c.waitForDiagnostics(uri, 1);
    const d = byCode(pub, 'open-data-security');
    assert.ok(d, 'one-sided diagnostic for open-data-security');
    assert.equal(d.source, 'policy-review');
    assert.equal(d.severity, 2, 'one-sided is a warning by default');
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    assert.match(message, /数据开放.*数据安全/);
    assert.match(message, /只写了“数据开放”/);
    assert.doesNotMatch(message, /one-sided/, 'one language at a time: the Problems panel shows the whole sentence');
    // The range is the first mention of the present side, in UTF-16 columns.
    assert.deepEqual(d.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } });
    const related = d.relatedInformation ?? [];
    assert.equal(related.length, 6, 'the six mentions of the opening side');
    for (const r of related) {
      assert.equal(r.location.uri, uri);
      const text = c.text(uri).split('\n')[r.location.range.start.line].slice(r.location.range.start.character, r.location.range.end.character);
      assert.match(text, /数据开放|开放数据/);
    }
    // A long draft in scope gets one note listing the relationships it never mentions.
    const note = byCode(pub, 'missing');
    assert.equal(note?.severity, 3);
    assert.ok((note?.data as { relationships?: string[] }).relationships?.includes('short-long-term'));
    assert.ok(byCode(pub, 'party-leadership'), 'missing element');
    assert.equal(byCode(pub, 'central-local'), undefined, 'a balanced relationship is not reported');
    const cov = await c.waitFor('coverageChanged', () => c.coverageChanged.find((p) => p.uri === uri && p.version === 1));
    assert.equal(cov.version, 1);
  });

  test('related information is capped at ten mentions', async () => {
    const uri = 'untitled:many.txt';
    await c.open(uri, `${ONE_SIDED}${'推进数据开放。'.repeat(12)}\n`);
    const d = byCode(await c.waitForDiagnostics(uri, 1), 'open-data-security');
    assert.equal(d?.relatedInformation?.length, 10);
  });

  test('updated after an incremental change, for the new version', async () => {
    const uri = 'untitled:change.txt';
    await c.open(uri, ONE_SIDED);
    await c.waitForDiagnostics(uri, 1);
    const end = c.positionOf(uri, '鼓励开放数据利用。', '鼓励开放数据利用。'.length);
    const v2 = await c.change(uri, [{ range: { start: end, end }, text: '加强数据安全保护。落实数据安全责任。' }]);
    const pub = await c.waitForDiagnostics(uri, v2);
    assert.equal(byCode(pub, 'open-data-security'), undefined, 'both sides are written now');
    // And back: deleting the sentence brings the warning back.
    const v3 = await c.replace(uri, '加强数据安全保护。落实数据安全责任。', '');
    assert.ok(byCode(await c.waitForDiagnostics(uri, v3), 'open-data-security'));
  });

  test('rapid edits: only the last version is analysed and published', async () => {
    const uri = 'untitled:rapid.txt';
    c.settings = { debounceMs: 800 };
    await c.notifyServer('workspace/didChangeConfiguration', { settings: null });
    await c.open(uri, ONE_SIDED);
    await c.waitForDiagnostics(uri, 1);
    const start = c.diagnostics.length;
    // Three edits and a hover in between, all well inside one debounce interval.
    await c.append(uri, '加强');
    await c.append(uri, '数据安全');
    await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
    const last = await c.append(uri, '保护。');
    const pub = await c.waitForDiagnostics(uri, last);
    const versions = c.diagnostics.slice(start).filter((d) => d.uri === uri).map((d) => d.version);
    assert.deepEqual(versions, [last], `published versions ${JSON.stringify(versions)}`);
    assert.notEqual(byCode(pub, 'open-data-security')?.severity, 2, 'the last version, with 数据安全, was analysed: no longer one-sided');
    c.settings = { debounceMs: 30 };
    await c.notifyServer('workspace/didChangeConfiguration', { settings: null });
  });

  test('every published version is the newest the server had seen', async () => {
    const uri = 'untitled:order.txt';
    await c.open(uri, ONE_SIDED);
    await c.waitForDiagnostics(uri, 1);
    const start = c.diagnostics.length;
    let v = 1;
    for (let i = 0; i < 6; i++) {
      v = await c.append(uri, i % 2 ? '注重效益。' : '加大投资。');
      if (i % 2) await c.waitForDiagnostics(uri, v);
    }
    const versions = c.diagnostics.slice(start).filter((d) => d.uri === uri).map((d) => d.version!);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, 'versions only grow');
    assert.equal(versions[versions.length - 1], v);
  });

  test('markdown is reviewed; other language ids are not', async () => {
    const md = 'untitled:draft.md';
    const py = 'untitled:script.py';
    await c.open(py, ONE_SIDED, 'python');
    await c.open(md, `# 关于推进数据开放的意见\n\n${ONE_SIDED.split('\n').slice(1).join('\n\n')}`, 'markdown');
    assert.ok(byCode(await c.waitForDiagnostics(md, 1), 'open-data-security'));
    const cov = await c.request<CoverageResult>('policyReview/coverage', { uri: py });
    assert.equal(cov.reviewed, false);
    assert.equal(c.diagnostics.some((d) => d.uri === py), false);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = 'untitled:close.txt';
    await c.open(uri, ONE_SIDED);
    await c.waitForDiagnostics(uri, 1);
    const start = c.diagnostics.length;
    await c.close(uri);
    await c.waitFor('cleared diagnostics', () => c.diagnostics.slice(start).find((d) => d.uri === uri && d.diagnostics.length === 0));
  });
});
