/** Commands (workspace/executeCommand → workspace/applyEdit) and quick fixes, all as versioned edits. */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from './lspClient';
import { ONE_SIDED, OUTLINE_ERROR, SECTION_EMPTY, UNBALANCED } from './drafts';

let c: TestClient;
before(async () => {
  c = await TestClient.start({ settings: { debounceMs: 30 } });
});
after(() => c.stop());

let counter = 0;
async function openDraft(text: string, languageId = 'plaintext'): Promise<string> {
  const uri = `untitled:edit-${++counter}.txt`;
  await c.open(uri, text, languageId);
  await c.waitForDiagnostics(uri, 1);
  return uri;
}

function execute(command: string, args: unknown[]): Promise<unknown> {
  return c.request('workspace/executeCommand', { command, arguments: args });
}

/** The single TextDocumentEdit of a WorkspaceEdit (the server sends plain TextEdits). */
function onlyEdit(edit: { documentChanges?: unknown[] } | undefined): { textDocument: TextDocumentEdit['textDocument']; edits: TextEdit[] } {
  assert.ok(edit?.documentChanges?.length === 1, 'one document change');
  const change = edit.documentChanges[0] as TextDocumentEdit;
  return { textDocument: change.textDocument, edits: change.edits as TextEdit[] };
}

describe('executeCommand', () => {
  test('insertRelationshipSection sends a versioned applyEdit and the section lands in the draft', async () => {
    const uri = await openDraft(ONE_SIDED);
    const before = c.applyEditRequests.length;
    const result = await execute('policyReview.insertRelationshipSection', [uri, c.positionOf(uri, '注重效益'), 'open-data-security']);
    assert.equal(result, null);
    const req = c.applyEditRequests[before];
    assert.ok(req, 'workspace/applyEdit was requested');
    assert.match(req.label ?? '', /处理好数据开放与数据安全的关系/);
    const change = onlyEdit(req.edit);
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.ok(change.edits.some((e) => e.newText.startsWith('四、处理好数据开放与数据安全的关系\n坚持开放共享')));
    // The client applied it (version 2); the new version is analysed.
    assert.equal(c.version(uri), 2);
    assert.match(c.text(uri), /按时完成。\n四、处理好数据开放与数据安全的关系\n/);
    const pub = await c.waitForDiagnostics(uri, 2);
    assert.equal(pub.diagnostics.some((d) => d.code === 'open-data-security'), false, 'both sides are written now');
  });

  test('an edit the client refuses is an error, and nothing changes', async () => {
    const uri = await openDraft(ONE_SIDED);
    c.onApplyEdit = () => ({ applied: false, failureReason: '用户取消' });
    try {
      await assert.rejects(
        execute('policyReview.insertRelationshipSection', [uri, c.positionOf(uri, '注重效益'), 'open-data-security']),
        (err: Error) => /未能插入/.test(err.message) && /用户取消/.test(err.message),
      );
    } finally {
      c.onApplyEdit = (p) => c.applyLikeEditor(p);
    }
    assert.equal(c.text(uri), ONE_SIDED);
    assert.equal(c.version(uri), 1);
  });

  test('a client that fails the applyEdit request: an error, not a hang', async () => {
    const uri = await openDraft(ONE_SIDED);
    c.onApplyEdit = () => {
      throw new Error('editor busy');
    };
    try {
      await assert.rejects(
        execute('policyReview.insertSideParagraph', [uri, 'open-data-security', 1]),
        (err: Error) => /未能执行插入/.test(err.message) && /editor busy/.test(err.message),
      );
    } finally {
      c.onApplyEdit = (p) => c.applyLikeEditor(p);
    }
  });

  test('a document changed meanwhile: the stale edit is refused by version and reported', async () => {
    const uri = await openDraft(ONE_SIDED);
    // The user types while the server's edit is on its way.
    c.onApplyEdit = async (p) => {
      await c.append(uri, '另起一段。');
      return c.applyLikeEditor(p);
    };
    try {
      await assert.rejects(
        execute('policyReview.insertSideParagraph', [uri, 'open-data-security', 1]),
        (err: Error) => /未能插入/.test(err.message) && /version mismatch/.test(err.message),
      );
    } finally {
      c.onApplyEdit = (p) => c.applyLikeEditor(p);
    }
    assert.equal(c.text(uri), `${ONE_SIDED}另起一段。`, 'only the user’s typing is in the draft');
  });

  test('insertSideParagraph writes the absent side’s paragraph', async () => {
    const uri = await openDraft(ONE_SIDED);
    const before = c.applyEditRequests.length;
    await execute('policyReview.insertSideParagraph', [uri, 'open-data-security', 1]);
    const change = onlyEdit(c.applyEditRequests[before].edit);
    assert.equal(change.textDocument.version, 1);
    assert.match(change.edits[0].newText, /全面落实数据安全和个人信息保护要求/);
    assert.match(c.text(uri), /举办数据开放创新大赛。\n全面落实数据安全和个人信息保护要求/);
  });

  test('insertSideParagraph into a given section (heading index)', async () => {
    const uri = await openDraft(SECTION_EMPTY);
    await execute('policyReview.insertSideParagraph', [uri, 'open-data-security', 0, 1]);
    assert.match(c.text(uri), /二、处理好数据开放与数据安全的关系\n做好有关工作。\n加快推进政务数据共享/);
  });

  test('bad arguments are errors with a message, never a crash', async () => {
    const uri = await openDraft(ONE_SIDED);
    await assert.rejects(execute('policyReview.insertRelationshipSection', [uri, { line: 0, character: 0 }, 'no-such-id']), /未知的关系|Unknown relationship/);
    await assert.rejects(execute('policyReview.insertRelationshipSection', [uri, 'not a position', 'open-data-security']), /position/);
    await assert.rejects(execute('policyReview.insertSideParagraph', [uri, 'open-data-security', 7]), /side/);
    await assert.rejects(execute('policyReview.insertSideParagraph', ['untitled:not-open.txt', 'open-data-security', 1]), /未打开|not open/);
    await assert.rejects(execute('policyReview.unknown', []), /未知命令|Unknown command/);
    assert.equal(c.version(uri), 1);
  });
});

describe('executeCommand with a client that handles the commands', () => {
  test('the server-only ids work, and so do the public ones', async () => {
    const v = await TestClient.start({ initializationOptions: { clientHandlesCommands: true, trustedWorkspace: true }, settings: { debounceMs: 30 } });
    try {
      const uri = 'untitled:server-ids.txt';
      await v.open(uri, ONE_SIDED);
      await v.waitForDiagnostics(uri, 1);
      await v.request('workspace/executeCommand', {
        command: 'policyReview.server.insertRelationshipSection',
        arguments: [uri, v.positionOf(uri, '注重效益'), 'short-long-term'],
      });
      assert.match(v.text(uri), /四、处理好短期目标与长期目标的关系/);
      await v.request('workspace/executeCommand', { command: 'policyReview.server.insertSideParagraph', arguments: [uri, 'open-data-security', 1] });
      await v.request('workspace/executeCommand', { command: 'policyReview.insertSideParagraph', arguments: [uri, 'open-data-security', '数据安全'] });
      assert.equal(v.text(uri).split('全面落实数据安全和个人信息保护要求').length - 1, 2);
    } finally {
      await v.stop();
    }
  });
});

describe('code actions', () => {
  async function actionsFor(uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], ...(only ? { only } : {}) },
    });
  }

  async function diagnostic(uri: string, code: string, kind?: string): Promise<Diagnostic> {
    const pub = await c.waitForDiagnostics(uri, c.version(uri));
    const d = pub.diagnostics.find((x) => x.code === code && (!kind || (x.data as { kind?: string } | undefined)?.kind === kind));
    assert.ok(d, `diagnostic ${code} ${kind ?? ''}`);
    return d;
  }

  function check(actions: CodeAction[], title: string, uri: string, d: Diagnostic): CodeAction {
    const a = actions.find((x) => x.title === title);
    assert.ok(a, `action “${title}” among ${JSON.stringify(actions.map((x) => x.title))}`);
    assert.equal(a.kind, 'quickfix');
    assert.deepEqual(a.diagnostics, [d]);
    assert.deepEqual(onlyEdit(a.edit).textDocument, { uri, version: c.version(uri) });
    return a;
  }

  test('one-sided: add the absent side, insert the section, or disable; applying the paragraph clears it', async () => {
    const uri = await openDraft(ONE_SIDED);
    const d = await diagnostic(uri, 'open-data-security');
    const actions = await actionsFor(uri, d);
    const add = check(actions, '补充“数据安全”段落', uri, d);
    assert.equal(add.isPreferred, true);
    check(actions, '插入“处理好数据开放与数据安全的关系”一节', uri, d);
    check(actions, '在本文中停用“数据开放与数据安全”检查', uri, d);
    const result = await c.applyLikeEditor({ edit: add.edit! });
    assert.equal(result.applied, true);
    const pub = await c.waitForDiagnostics(uri, 2);
    assert.equal(pub.diagnostics.some((x) => x.code === 'open-data-security'), false);
  });

  test('unbalanced: add a paragraph on the lighter side', async () => {
    const uri = await openDraft(UNBALANCED);
    const d = await diagnostic(uri, 'investment-benefit', 'unbalanced');
    const actions = await actionsFor(uri, d);
    const add = check(actions, '补充“效益”段落', uri, d);
    assert.ok(onlyEdit(add.edit).edits[0].newText.length > 10);
  });

  test('missing relationship and missing element: insert the section, numbered after the last one', async () => {
    const uri = await openDraft(UNBALANCED);
    const d = await diagnostic(uri, 'missing', 'missing');
    const insert = check(await actionsFor(uri, d), '插入“处理好短期目标与长期目标的关系”一节', uri, d);
    assert.ok(onlyEdit(insert.edit).edits.some((e) => e.newText.startsWith('五、处理好短期目标与长期目标的关系')));
    const e = await diagnostic(uri, 'party-leadership', 'missing-element');
    check(await actionsFor(uri, e), '插入“坚持党的全面领导”一节', uri, e);
  });

  test('a section that names a relationship but discusses neither side: a paragraph for each side', async () => {
    const uri = await openDraft(SECTION_EMPTY);
    const d = await diagnostic(uri, 'open-data-security', 'missing');
    const actions = await actionsFor(uri, d);
    check(actions, '补充“数据开放”段落', uri, d);
    check(actions, '补充“数据安全”段落', uri, d);
  });

  test('outline: renumber the siblings; applying it clears the diagnostic', async () => {
    const uri = await openDraft(OUTLINE_ERROR);
    const d = await diagnostic(uri, 'outline-order');
    const actions = await actionsFor(uri, d);
    const renumber = check(actions, '重新编号同级标题（此处应为“（二）”）', uri, d);
    assert.deepEqual(onlyEdit(renumber.edit).edits.map((e) => e.newText), ['（二）']);
    check(actions, '在本文中停用“outline-order”检查', uri, d);
    await c.applyLikeEditor({ edit: renumber.edit! });
    assert.match(c.text(uri), /（二）工作目标/);
    const pub = await c.waitForDiagnostics(uri, 2);
    assert.equal(pub.diagnostics.some((x) => x.code === 'outline-order'), false);
  });

  test('disable for this document: a comment at the top, and the diagnostic goes', async () => {
    const uri = await openDraft(ONE_SIDED);
    const d = await diagnostic(uri, 'open-data-security');
    const disable = check(await actionsFor(uri, d), '在本文中停用“数据开放与数据安全”检查', uri, d);
    await c.applyLikeEditor({ edit: disable.edit! });
    assert.ok(c.text(uri).startsWith('<!-- policy-review-disable open-data-security -->\n'));
    const pub = await c.waitForDiagnostics(uri, 2);
    assert.equal(pub.diagnostics.some((x) => x.code === 'open-data-security'), false);
    assert.ok(pub.diagnostics.some((x) => x.code === 'missing'), 'other checks stay');
  });

  test('only quick fixes are offered, and only when asked for them', async () => {
    const uri = await openDraft(ONE_SIDED);
    const d = await diagnostic(uri, 'open-data-security');
    assert.deepEqual(await actionsFor(uri, d, ['source.organizeImports']), []);
    assert.ok((await actionsFor(uri, d, ['quickfix'])).length >= 3);
    const foreign = { ...d, source: 'other-linter' };
    assert.deepEqual(await actionsFor(uri, foreign), []);
  });
});
