import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  FIRST_ANALYSIS_MS,
  activateExtension,
  applyEdit,
  codeOf,
  describeDiagnostics,
  nextDiagnostics,
  openDraft,
  ours,
  poll,
  serverHasLoaded,
  serverPids,
  setText,
  waitForDiagnostics,
} from './helpers';

const has = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);
const lacks = (code: string) => (ds: vscode.Diagnostic[]) => !ds.some((d) => codeOf(d) === code);

/** code@range of every diagnostic, sorted: what must not depend on the segmenter. */
function signature(ds: vscode.Diagnostic[]): string[] {
  return ds
    .map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
    .sort();
}

suite('设置 / settings', () => {
  suiteSetup(() => activateExtension());

  test('disabling a relationship in the workspace settings removes its diagnostics', async () => {
    const { doc } = await openDraft('opendata.md');
    const config = () => vscode.workspace.getConfiguration('policyReview', doc.uri);
    const before = await waitForDiagnostics(doc, has('open-data-security'), 'open-data-security before', FIRST_ANALYSIS_MS);
    await config().update('relationships', { 'open-data-security': { enabled: false } }, vscode.ConfigurationTarget.Workspace);
    try {
      const after = await waitForDiagnostics(doc, lacks('open-data-security'), 'open-data-security removed by the setting');
      // Only that relationship went away.
      assert.deepEqual(
        signature(after),
        signature(before.filter((d) => codeOf(d) !== 'open-data-security')),
        `the other diagnostics stay as they were:\n${describeDiagnostics(doc, after)}`,
      );
    } finally {
      await config().update('relationships', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(doc, has('open-data-security'), 'open-data-security back after clearing the setting');
  });

  test('the nodejieba segmenter gives the same diagnostics inside the extension host', async () => {
    const { doc } = await openDraft('opendata.md');
    const original = doc.getText();
    const config = () => vscode.workspace.getConfiguration('policyReview', doc.uri);
    const withDefault = await waitForDiagnostics(doc, has('open-data-security'), 'diagnostics with the default segmenter', FIRST_ANALYSIS_MS);
    await config().update('segmenter', 'nodejieba', vscode.ConfigurationTarget.Workspace);
    try {
      if (fs.existsSync('/proc/self/maps')) {
        // Evidence that the language server child of this extension host runs nodejieba.
        await poll(
          () => serverHasLoaded(/nodejieba\.node/),
          (loaded) => loaded,
          `nodejieba.node mapped into a language server process (pids ${serverPids().join(',') || 'none'})`,
          FIRST_ANALYSIS_MS,
        );
      }
      // Analyse again with the new backend (an edit that changes no finding) and compare.
      const withJieba = await nextDiagnostics(
        doc,
        () => applyEdit((e) => e.insert(doc.uri, doc.positionAt(original.length), '\n')),
        'diagnostics after re-analysis with nodejieba',
        FIRST_ANALYSIS_MS,
      );
      assert.deepEqual(signature(withJieba), signature(withDefault), `same diagnostics:\n${describeDiagnostics(doc, ours(doc.uri))}`);
    } finally {
      await setText(doc, original);
      await config().update('segmenter', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
