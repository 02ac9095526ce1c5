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

/**
 * Line and column of offsets exactly as vscode-languageserver-textdocument's TextDocument gives
 * them (\r\n, \r and \n end lines), with the line starts found by a regular expression rather
 * than a loop over every character: a file is reviewed once, so the loop would never get fast.
 */
export class LineIndex implements PositionDocument {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    const eol = /\r\n|\r|\n/g;
    for (let m = eol.exec(text); m; m = eol.exec(text)) this.starts.push(m.index + m[0].length);
  }

  getText(): string {
    return this.text;
  }

  positionAt(offset: number): { line: number; character: number } {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (this.starts[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeEol(offset, this.starts[line]) - this.starts[line] };
  }

  offsetAt(position: { line: number; character: number }): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineOffset = this.starts[position.line];
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return this.beforeEol(Math.min(lineOffset + position.character, next), lineOffset);
  }

  private beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset && (this.text.charCodeAt(offset - 1) === 13 || this.text.charCodeAt(offset - 1) === 10)) offset--;
    return offset;
  }
}
