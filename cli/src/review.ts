/** Reviews one file into the stable JSON shape (version 1) shared by every output format. */
import * as fs from 'node:fs';
import { Analyzer, decodeDraft, tooLargeMessage, type ReviewSettings, type Severity } from '../../core/src';
import { toLspRange, type PositionDocument } from '../../shared/src/positions';
import { languageOf } from './files';

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

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface JsonFinding {
  kind: string;
  scope: 'document' | 'section';
  relationship?: string;
  rule?: string;
  severity: Severity;
  message: string;
  range: LspRange;
  sides?: { label: string; count: number }[];
}

export interface FileReport {
  path: string;
  findings: JsonFinding[];
  coverage: { relationship: string; name: string; status: string; sides: { label: string; count: number }[] }[];
  elements: { element: string; name: string; status: string; count: number }[];
  outline: { level: number; marker: string; title: string; line: number }[];
  engaged: boolean;
  /** Present when the file was not reviewed (too large). */
  skipped?: string;
  /** Present when the file could not be read or is not text. */
  error?: string;
}

export function reviewText(analyzer: Analyzer, file: string, text: string, settings: Partial<ReviewSettings>): FileReport {
  const result = analyzer.analyze(text, { language: languageOf(file), settings });
  const doc = new LineIndex(text);
  return {
    path: file,
    findings: result.findings.map((f) => ({
      kind: f.kind,
      scope: f.scope,
      ...(f.relationship ? { relationship: f.relationship } : {}),
      ...(f.rule ? { rule: f.rule } : {}),
      severity: f.severity,
      message: f.message,
      range: toLspRange(doc, f.range),
      ...(f.sides ? { sides: f.sides } : {}),
    })),
    coverage: result.coverage.map((c) => ({ relationship: c.relationship, name: c.name, status: c.status, sides: c.sides })),
    elements: result.elements.map((e) => ({ element: e.element, name: e.name, status: e.status, count: e.count })),
    outline: result.outline.map((h) => ({ level: h.level, marker: h.marker, title: h.title, line: h.line })),
    engaged: result.engaged,
  };
}

export function reviewFile(analyzer: Analyzer, file: string, settings: Partial<ReviewSettings>, maxFileSize: number): FileReport {
  const empty = { path: file, findings: [], coverage: [], elements: [], outline: [], engaged: false };
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    // Never read a huge file just to refuse it.
    if (st.size > maxFileSize) return { ...empty, skipped: tooLargeMessage(st.size, maxFileSize) };
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { ...empty, error: `无法读取：${(err as NodeJS.ErrnoException).code ?? (err as Error).message} / Cannot read` };
  }
  const decoded = decodeDraft(bytes, maxFileSize);
  if (!decoded.ok) return decoded.reason === 'too-large' ? { ...empty, skipped: decoded.message } : { ...empty, error: decoded.message };
  return reviewText(analyzer, file, decoded.text, settings);
}
