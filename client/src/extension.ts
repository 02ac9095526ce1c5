/**
 * Entry point of the Policy Review (政策文稿审校) extension: starts the language server and wires
 * the status bar, the coverage view and the commands to it.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { SECTION } from './configuration';
import { CoverageModel } from './coverageModel';
import { CoverageTreeProvider } from './coverageView';
import { PolicyReviewClient } from './languageClient';
import { CoverageStatusBar } from './statusBar';

/** Context key holding the reviewed language ids, for `editorLangId in policyReview.languageIds`. */
const LANGUAGE_IDS_CONTEXT_KEY = 'policyReview.languageIds';

let client: PolicyReviewClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Policy Review'), { log: true });
  client = new PolicyReviewClient(context, output);
  const model = new CoverageModel(client);
  const view = new CoverageTreeProvider(model);
  const statusBar = new CoverageStatusBar(model);

  const publishLanguageIds = (): Thenable<unknown> =>
    vscode.commands.executeCommand('setContext', LANGUAGE_IDS_CONTEXT_KEY, [...client!.reviewedLanguageIds]);

  context.subscriptions.push(
    output,
    model,
    view,
    statusBar,
    ...registerCommands({ client, view, statusBar }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(`${SECTION}.languageIds`)) return;
      // The client has read the new ids in its own listener; re-evaluate menus and the shown draft.
      void publishLanguageIds();
      model.follow(true);
    }),
  );
  await publishLanguageIds();
  await client.start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  await c?.dispose();
}
