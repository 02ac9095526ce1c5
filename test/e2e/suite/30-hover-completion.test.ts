import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  waitForAnalysis,
  FIRST_ANALYSIS_MS,
  activateExtension,
  applyEdit,
  codeOf,
  hoverText,
  itemInsertText,
  itemLabel,
  openDraft,
  positionOf,
  relationship,
  setText,
  waitForDiagnostics,
  waitForText,
} from './helpers';

const squash = (s: string) => s.replace(/\s+/g, '');

suite('悬停与补全 / hover and completion', () => {
  suiteSetup(() => activateExtension());

  test('hovering an alias (数据开放) shows the relationship name and its explanation', async () => {
    const { doc } = await openDraft('opendata.md');
    await waitForDiagnostics(doc, (ds) => ds.some((d) => codeOf(d) === 'open-data-security'), 'first analysis', FIRST_ANALYSIS_MS);
    const rule = relationship('open-data-security');
    // Inside the alias of 以数据开放带动: one character after its start.
    const pos = positionOf(doc, '数据开放带动').translate(0, 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = hoverText(hovers);
    assert.ok(hovers && hovers.length > 0, 'a hover is returned');
    assert.ok(hovers.some((h) => h.contents.some((c) => c instanceof vscode.MarkdownString)), 'the hover is Markdown');
    assert.ok(text.includes(rule.name), `hover names «${rule.name}»; got:\n${text.slice(0, 600)}`);
    assert.ok(squash(text).includes(squash(rule.explanation)), `hover contains the explanation; got:\n${text.slice(0, 800)}`);
    const range = hovers.find((h) => h.range)?.range;
    assert.ok(range, 'the hover has a range');
    assert.equal(doc.getText(range), '数据开放', 'the hover range is the alias');
    // The evidence: which words counted for each side.
    assert.ok(/依据/.test(text) && /数据开放：[^\n]*数据开放 ×/.test(text), `hover shows the evidence; got:\n${text.slice(-400)}`);
  });

  test('on a new line after 三、… the next heading marker 四、 is offered, and after 处理好 the relationships', async () => {
    const { doc } = await openDraft('complete.md');
    const original = doc.getText();
    await waitForAnalysis(doc, '一网通办');
    try {
      const end = doc.positionAt(original.length);
      assert.equal(doc.lineAt(end.line).text, '', 'the draft ends with an empty line after the 三、 section');
      const markers = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end);
      const markerLabels = markers.items.map(itemLabel);
      assert.ok(
        markers.items.some((i) => itemLabel(i).startsWith('四、') || itemInsertText(i).startsWith('四、')),
        `四、 offered at the empty line; got ${markerLabels.slice(0, 20).join(' | ')}`,
      );
      assert.ok(!markerLabels.some((l) => l.startsWith('三、')), `三、 (already used) is not offered; got ${markerLabels.slice(0, 20).join(' | ')}`);

      await applyEdit((e) => e.insert(doc.uri, end, '处理好'));
      await waitForText(doc, (t) => t.endsWith('处理好'), 'typed 处理好');
      const after = doc.positionAt(doc.getText().length);
      const rels = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, after, '好');
      const title = relationship('open-data-security').template.title;
      const labels = rels.items.map(itemLabel);
      assert.ok(
        rels.items.some((i) => itemLabel(i).includes(title) || itemInsertText(i).includes(title)),
        `«${title}» offered after 处理好; got ${labels.slice(0, 30).join(' | ')}`,
      );
      const other = relationship('investment-benefit').template.title;
      assert.ok(
        rels.items.some((i) => itemLabel(i).includes(other) || itemInsertText(i).includes(other)),
        `other relationships are offered as well («${other}»)`,
      );
    } finally {
      await setText(doc, original);
    }
  });
});
