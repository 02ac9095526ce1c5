/**
 * The one place where core offsets (UTF-16 string indices) become LSP positions and back.
 * Line and column arithmetic is left to TextDocument.positionAt/offsetAt (binary search over
 * line starts, CRLF-aware, clamping); nothing here walks code points.
 */
import type { Position, Range as LspRange } from 'vscode-languageserver-textdocument';

/** What the conversions need of a document: vscode-languageserver-textdocument's TextDocument fits. */
export interface PositionDocument {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  getText(): string;
}

/** A core range: UTF-16 offsets, end exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** LSP position of a core offset (clamped to the document). */
export function toLspPosition(doc: PositionDocument, offset: number): Position {
  return doc.positionAt(offset);
}

/** LSP range of a core range. */
export function toLspRange(doc: PositionDocument, range: OffsetRange): LspRange {
  const start = doc.positionAt(range.start);
  const end = range.end === range.start ? start : doc.positionAt(range.end);
  return { start, end };
}

/**
 * Core offset of an LSP position. A position that falls between the two halves of a surrogate
 * pair (which no well-behaved client sends) is moved to the start of the pair.
 */
export function toOffset(doc: PositionDocument, position: Position): number {
  const offset = doc.offsetAt(position);
  if (offset > 0) {
    const text = doc.getText();
    const before = text.charCodeAt(offset - 1);
    const at = text.charCodeAt(offset);
    if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) return offset - 1;
  }
  return offset;
}

/** Core range of an LSP range. */
export function toOffsetRange(doc: PositionDocument, range: LspRange): OffsetRange {
  return { start: toOffset(doc, range.start), end: toOffset(doc, range.end) };
}
