import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, openDraft } from './helpers';

suite('扩展激活 / activation', () => {
  test('the development copy of policy-review.policy-review activates on a Markdown draft', async () => {
    await openDraft('opendata.md');
    const ext = await activateExtension();
    assert.equal(ext.id, EXTENSION_ID);
    assert.ok(ext.isActive, 'extension is active');
    // extensionDevelopmentPath is the repository: dist/client.js is this build's client.
    assert.equal(path.resolve(ext.extensionPath, ext.packageJSON.main), path.join(ext.extensionPath, 'dist', 'client.js'));
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['policyReview.insertRelationshipSection', 'policyReview.getCoverageViewState']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
    console.log(`    editor: ${vscode.env.appName} ${vscode.version}, UI language ${vscode.env.language}, host pid ${process.pid}`);
  });
});
