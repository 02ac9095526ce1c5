/**
 * How open documents follow the client's changes. TextDocument.update trusts the lines a range
 * names: a range past the end of the document (a stale or faulty client) leaves holes in its line
 * table, and every position the server reports for that document afterwards is wrong. Each range
 * is clamped to the document it applies to first; the text comes out the same.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ClampedTextDocument: TextDocumentsConfiguration<TextDocument> = {
  create: TextDocument.create,
  update(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    for (const change of changes) {
      if ('range' in change) {
        const start = doc.positionAt(doc.offsetAt(change.range.start));
        const end = doc.positionAt(doc.offsetAt(change.range.end));
        TextDocument.update(doc, [{ range: { start, end }, text: change.text }], version);
      } else TextDocument.update(doc, [change], version);
    }
    return doc;
  },
};
