import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  FIRST_ANALYSIS_MS,
  SOURCE,
  activateExtension,
  codeOf,
  describeDiagnostics,
  openDraft,
  positionAfter,
  relationship,
  setText,
  waitForDiagnostics,
} from './helpers';

const has = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);
const lacks = (code: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => codeOf(d) === code);

suite('诊断 / diagnostics', () => {
  suiteSetup(() => activateExtension());

  test('a one-sided relationship is reported on the first mention of the side that is present', async () => {
    const { doc } = await openDraft('opendata.md');
    const ds = await waitForDiagnostics(doc, has('open-data-security'), 'open-data-security diagnostic', FIRST_ANALYSIS_MS);
    const d = ds.find((x) => codeOf(x) === 'open-data-security')!;
    assert.equal(d.source, SOURCE);
    const openSide = relationship('open-data-security').sides[0];
    const text = doc.getText(d.range);
    assert.ok(openSide.aliases.includes(text), `range text «${text}» is an alias of ${openSide.label} (${openSide.aliases.join('、')})`);
    // The first mention in the body (the title line is not counted).
    const first = doc.getText().indexOf(text, doc.offsetAt(new vscode.Position(1, 0)));
    assert.equal(doc.offsetAt(d.range.start), first, `range starts at the first «${text}» of the body\n${describeDiagnostics(doc, ds)}`);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d.message, /数据安全/);
    // The finding shows its evidence: the words that counted.
    assert.match(d.message, /计入：.*数据开放/);
  });

  test('the diagnostic goes away after an edit that adds the missing side, and comes back when the text is restored', async () => {
    const { doc } = await openDraft('opendata.md');
    const original = doc.getText();
    await waitForDiagnostics(doc, has('open-data-security'), 'open-data-security before the edit', FIRST_ANALYSIS_MS);
    const at = positionAfter(doc, '以数据开放带动数字经济。');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, at, '同时落实数据安全责任，加强个人信息保护。');
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    try {
      await waitForDiagnostics(doc, lacks('open-data-security'), 'open-data-security cleared after adding 数据安全');
    } finally {
      await setText(doc, original);
    }
    await waitForDiagnostics(doc, has('open-data-security'), 'open-data-security back after restoring the text');
  });

  test('outline order problems carry the rule id and sit on the heading markers', async () => {
    const { doc } = await openDraft('outline.md');
    const ds = await waitForDiagnostics(doc, (x) => x.filter((d) => codeOf(d) === 'outline-order').length >= 1, 'outline-order diagnostic', FIRST_ANALYSIS_MS);
    const order = ds.filter((d) => codeOf(d) === 'outline-order');
    const marked = order.map((d) => `${d.range.start.line}:${doc.getText(d.range)}`);
    const line3 = positionAfter(doc, '三、').line;
    assert.ok(
      order.some((d) => d.range.start.line === line3 && doc.getText(d.range).startsWith('三')),
      `an outline-order diagnostic on the 三、 marker (line ${line3}); got ${marked.join(', ')}`,
    );
    for (const d of order) {
      assert.equal(d.source, SOURCE);
      assert.match(doc.getText(d.range), /^[一二三四五六七八九十]+、?$/, 'the range is the heading marker');
    }
  });

  test('renumbering the headings clears the outline diagnostics', async () => {
    const { doc } = await openDraft('outline.md');
    const original = doc.getText();
    await waitForDiagnostics(doc, has('outline-order'), 'outline-order before the fix', FIRST_ANALYSIS_MS);
    const fixed = original.replace('三、重点工作', '二、重点工作').replace('二、工作要求', '三、工作要求');
    assert.notEqual(fixed, original);
    await setText(doc, fixed);
    try {
      await waitForDiagnostics(doc, lacks('outline-order'), 'outline-order cleared after renumbering');
    } finally {
      await setText(doc, original);
    }
    await waitForDiagnostics(doc, has('outline-order'), 'outline-order back after restoring');
  });
});
