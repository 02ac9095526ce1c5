import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  FIRST_ANALYSIS_MS,
  activateExtension,
  builtinRelationships,
  codeOf,
  coverageViewState,
  openDraft,
  poll,
  waitForDiagnostics,
} from './helpers';

suite('大纲与覆盖 / outline and coverage', () => {
  suiteSetup(() => activateExtension());

  test('document symbols mirror the heading outline (names and levels)', async () => {
    const { doc } = await openDraft('symbols.md');
    // The symbols come from the analysis: wait for it, then ask.
    await poll(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      (s) => Array.isArray(s) && s.length > 0,
      'document symbols',
      FIRST_ANALYSIS_MS,
    );
    const all = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const tree = (ss: vscode.DocumentSymbol[]): unknown => ss.map((s) => (s.children.length ? { [s.name]: tree(s.children) } : s.name));
    const shape = JSON.stringify(tree(all));
    // The Markdown title (# …) is the document's own symbol, ahead of the numbered outline.
    const title = doc.lineAt(0).text.replace(/^#\s*/, '');
    assert.ok(all[0]?.name.includes(title) && all[0].selectionRange.start.line === 0, `the first symbol is the title «${title}»; got ${shape}`);
    const symbols = all[0].children.length ? all[0].children : all.slice(1);
    const expected = [
      ['一、总则', ['（一）适用范围', '（二）基本原则']],
      ['二、数据共享', ['（一）共享目录']],
      ['三、附则', []],
    ] as const;
    assert.equal(symbols.length, expected.length, `three level-1 headings; got ${shape}`);
    expected.forEach(([name, children], i) => {
      const s = symbols[i];
      assert.ok(s.name.includes(name.slice(2)), `level-1 symbol ${i} is «${name}»; got ${shape}`);
      assert.equal(s.children.length, children.length, `children of «${name}»; got ${shape}`);
      children.forEach((c, j) => assert.ok(s.children[j].name.includes(c.slice(3)), `child ${j} of «${name}» is «${c}»; got ${shape}`));
      assert.equal(doc.lineAt(s.selectionRange.start.line).text.trim(), name, `«${name}» points at its heading line`);
    });
  });

  test('folding follows the outline tree: each section folds to the end of its content', async () => {
    const { doc } = await openDraft('symbols.md');
    const lineOf = (t: string) => doc.getText().split(/\r?\n/).findIndex((l) => l.trim() === t);
    const want = [
      [lineOf('一、总则'), lineOf('坚持统一管理、分级负责。')],
      [lineOf('（一）适用范围'), lineOf('本办法适用于本市各级政务部门。')],
      [lineOf('二、数据共享'), lineOf('编制全市政务数据共享目录。')],
    ];
    const ranges = await poll(
      () => vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri),
      (rs) => Array.isArray(rs) && want.every(([s, e]) => rs.some((r) => r.start === s && r.end === e)),
      'folding ranges of the sections',
      FIRST_ANALYSIS_MS,
    );
    assert.ok(ranges.length >= want.length);
  });

  test('the status bar reads 关系 N/M and the coverage view lists the relationships', async () => {
    const { doc } = await openDraft('opendata.md');
    await waitForDiagnostics(doc, (ds) => ds.some((d) => codeOf(d) === 'open-data-security'), 'first analysis', FIRST_ANALYSIS_MS);
    const rules = builtinRelationships();
    const state = await poll(coverageViewState, (s) => s.items.length > 0 && /\d+\/\d+/.test(s.statusText), 'coverage view state');
    const zh = vscode.env.language.toLowerCase().startsWith('zh');
    const word = zh ? '关系' : 'Relationships';
    const m = state.statusText.match(new RegExp(`${word} (\\d+)/(\\d+)`));
    assert.ok(m, `status text has the form «${word} N/M» (UI language ${vscode.env.language}); got «${state.statusText}»`);
    const [covered, total] = [Number(m[1]), Number(m[2])];
    const enabledRelationships = state.items.filter((i) => rules.has(i.id));
    assert.equal(total, rules.size, `M is the number of built-in relationships (${rules.size})`);
    const balancedOrUnbalanced = enabledRelationships.filter((i) => i.status === 'balanced' || i.status === 'unbalanced').length;
    assert.equal(covered, balancedOrUnbalanced, `N counts the relationships discussed on both sides; items: ${JSON.stringify(state.items)}`);
    for (const id of rules.keys()) assert.ok(state.items.some((i) => i.id === id), `coverage view lists ${id}`);
    const ods = state.items.find((i) => i.id === 'open-data-security')!;
    assert.equal(ods.label, rules.get('open-data-security')!.name);
    assert.equal(ods.status, 'one-sided');
    assert.equal(state.items.find((i) => i.id === 'investment-benefit')?.status, 'balanced');
  });

  test('a relationship discussed on both sides but unbalanced counts in 关系 N/M', async () => {
    // unbalanced.txt: six sentences on data opening, one on security (unbalanced, not one-sided).
    const { doc } = await openDraft('unbalanced.txt');
    await waitForDiagnostics(doc, (ds) => ds.some((d) => codeOf(d) === 'open-data-security'), 'first analysis', FIRST_ANALYSIS_MS);
    const rules = builtinRelationships();
    const state = await poll(
      coverageViewState,
      (s) => s.items.some((i) => i.id === 'open-data-security' && i.status === 'unbalanced') && /\d+\/\d+/.test(s.statusText),
      'coverage view of the unbalanced draft',
    );
    const m = state.statusText.match(/(\d+)\/(\d+)/)!;
    const covered = state.items.filter((i) => rules.has(i.id) && (i.status === 'balanced' || i.status === 'unbalanced'));
    assert.ok(covered.some((i) => i.id === 'open-data-security'));
    assert.equal(Number(m[1]), covered.length, `N counts balanced and unbalanced relationships; status «${state.statusText}», items ${JSON.stringify(state.items)}`);
  });

  test('a draft outside the domain: the status bar and the coverage view say the framework does not apply, and why', async () => {
    const { doc } = await openDraft('fangxun.txt');
    const zh = vscode.env.language.toLowerCase().startsWith('zh');
    const state = await poll(coverageViewState, (s) => s.items.length > 0 && s.message.length > 0, 'coverage view of the flood-control notice', FIRST_ANALYSIS_MS);
    assert.match(state.statusText, zh ? /不适用/ : /Not applicable/, state.statusText);
    // Why, in the UI's language only, and how to ask for the framework anyway.
    const why = zh ? /数字政府框架不适用于这篇文稿：文稿不是关于数字政府的（领域词 \d+ 处/ : /The 数字政府 framework does not apply to this draft: the draft is not about 数字政府 \(\d+ domain terms/;
    assert.match(state.message, why, state.message);
    assert.match(state.statusTooltip, why, state.statusTooltip);
    assert.match(state.message, /policy-review-framework digital-government/);
    assert.ok(!state.message.includes(zh ? 'the draft is not about' : '文稿不是关于'), `one language: ${state.message}`);
    // No relationship finding, however often it says 安全, 发展, 企业.
    const relationships = builtinRelationships();
    const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => relationships.has(codeOf(d) ?? ''));
    assert.deepEqual(ds.map((d) => codeOf(d)), []);
  });
});
