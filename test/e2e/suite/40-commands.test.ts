import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  openDraft,
  relationship,
  setText,
  waitForAnalysis,
  waitForText,
} from './helpers';

suite('命令 / commands', () => {
  suiteSetup(() => activateExtension());

  test('insertRelationshipSection with (uri, position, id) inserts a numbered section, and one undo restores the text', async () => {
    const { doc, editor } = await openDraft('insert.md');
    const original = doc.getText();
    await waitForAnalysis(doc, '一网通办');
    const rule = relationship('investment-benefit');
    const heading = `五、${rule.template.title}`;
    assert.ok(!original.includes(rule.template.title), 'the fixture does not have the section yet');
    try {
      const end = doc.positionAt(original.length);
      await vscode.commands.executeCommand('policyReview.insertRelationshipSection', doc.uri, end, 'investment-benefit');
      const text = await waitForText(doc, (t) => t.includes(rule.template.title), 'section inserted');
      const lines = text.split(/\r?\n/);
      const at = lines.findIndex((l) => l.includes(rule.template.title));
      assert.equal(lines[at].trim().replace(/^#+\s*/, ''), heading, `the new heading is numbered after 四、; lines around:\n${lines.slice(Math.max(0, at - 3), at + 4).join('\n')}`);
      assert.ok(at > lines.findIndex((l) => l.startsWith('四、')), 'the section comes after 四、');
      assert.ok(text.indexOf(rule.template.body[0]) > text.indexOf(heading), 'the template body follows the heading');
      assert.ok(text.startsWith(original.trimEnd()), 'the text before the insertion point is unchanged');

      await vscode.window.showTextDocument(doc, { viewColumn: editor.viewColumn, preserveFocus: false });
      await vscode.commands.executeCommand('undo');
      const restored = await waitForText(doc, (t) => !t.includes(rule.template.title), 'undo of the insertion');
      assert.equal(restored, original, 'one undo restores the document exactly');
    } finally {
      await setText(doc, original);
    }
  });
});
