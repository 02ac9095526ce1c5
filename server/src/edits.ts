/** Core edit plans (offsets) → LSP edits, always versioned so a changed document is never overwritten. */
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEditPlan } from '../../core/src';
import { toLspRange } from '../../shared/src/positions';

export function toTextEdits(doc: TextDocument, plans: TextEditPlan[]): TextEdit[] {
  return plans.map((p) => ({ range: toLspRange(doc, p), newText: p.newText }));
}

/**
 * A WorkspaceEdit whose documentChanges name the version the edits were planned on. Call it in
 * the same synchronous stretch as the analysis check: TextDocuments updates documents in place.
 */
export function versionedEdit(target: { uri: string; version: number; doc: TextDocument }, plans: TextEditPlan[]): WorkspaceEdit {
  return {
    documentChanges: [
      {
        textDocument: { uri: target.uri, version: target.version },
        edits: toTextEdits(target.doc, plans),
      },
    ],
  };
}
