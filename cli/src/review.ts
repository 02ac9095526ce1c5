/** Reviews one file into the stable JSON shape (version 1) shared by every output format. */
import { lang, t } from '../../shared/src/lang';
import * as fs from 'node:fs';
import * as iconv from 'iconv-lite';
import { Analyzer, decodeDraft, tooLargeMessage, type DraftEncoding, type EvidenceSummary, type LegacyDecoder, type ReviewSettings, type Severity } from '../../core/src';
import { LineIndex, toLspRange } from '../../shared/src/positions';
import { languageOf } from './files';

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface JsonFinding {
  kind: string;
  scope: 'document' | 'section';
  relationship?: string;
  /** The note on what is missing: the relationships it lists. */
  relationships?: string[];
  evidence?: EvidenceSummary;
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
  outline: { level: number; kind: string; marker: string; title: string; line: number; parent: number; run: number }[];
  engaged: boolean;
  /** Per framework: whether it applies to the draft, and why. */
  scope?: { pack: string; label: string; status: string; reason: string; parts: string[] }[];
  /** Present when the file was not reviewed (too large). */
  skipped?: string;
  /** Present when the file could not be read or is not text. */
  error?: string;
  /** The encoding the draft was read in, when not UTF-8. */
  encoding?: DraftEncoding;
}

/** GB 18030 (a superset of GBK) and Big5 drafts, decoded by iconv-lite. */
const legacy: LegacyDecoder = (bytes, encoding) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);

/** Reads at most `limit` bytes of a regular file: a file that grows while it is read cannot exhaust memory. */
function readBounded(file: string, limit: number): { bytes: Buffer; truncated: boolean } {
  const fd = fs.openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) return { bytes: Buffer.concat(chunks), truncated: true };
    }
    return { bytes: Buffer.concat(chunks), truncated: false };
  } finally {
    fs.closeSync(fd);
  }
}

export function reviewText(analyzer: Analyzer, file: string, text: string, settings: Partial<ReviewSettings>): FileReport {
  const result = analyzer.analyze(text, { language: languageOf(file), settings, lang: lang() });
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
      ...(f.relationships ? { relationships: f.relationships } : {}),
      ...(f.sides ? { sides: f.sides } : {}),
      ...(f.evidence ? { evidence: f.evidence } : {}),
    })),
    coverage: result.coverage.map((c) => ({ relationship: c.relationship, name: c.name, status: c.status, sides: c.sides })),
    elements: result.elements.map((e) => ({ element: e.element, name: e.name, status: e.status, count: e.count })),
    outline: result.outline.map((h) => ({ level: h.level, kind: h.kind, marker: h.marker, title: h.title, line: h.line, parent: h.parent, run: h.run })),
    engaged: result.engaged,
    scope: result.scope.map((s) => ({ pack: s.pack, label: s.label, status: s.status, reason: s.reason, parts: s.parts.map((i) => result.outline[i].title) })),
  };
}

/** The message for a path that is not a regular file. */
export const notAFile = (): string =>
  t('不是普通文件（设备、管道或套接字），已跳过；请指定文本文件或文件夹。', 'Not a regular file (a device, pipe or socket); skipped. Name a text file or a folder.');

export function reviewFile(analyzer: Analyzer, file: string, settings: Partial<ReviewSettings>, maxFileSize: number): FileReport {
  const empty = { path: file, findings: [], coverage: [], elements: [], outline: [], engaged: false };
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    // A device, a pipe or a socket is never read: it may never end (a FIFO, /dev/zero).
    if (!st.isFile()) return { ...empty, error: notAFile() };
    // Never read a huge file just to refuse it.
    if (st.size > maxFileSize) return { ...empty, skipped: tooLargeMessage(st.size, maxFileSize, lang()) };
    const read = readBounded(file, maxFileSize);
    if (read.truncated) return { ...empty, skipped: tooLargeMessage(read.bytes.length, maxFileSize, lang()) };
    bytes = read.bytes;
  } catch (err) {
    return { ...empty, error: t(`无法读取：${(err as NodeJS.ErrnoException).code ?? (err as Error).message}。请检查文件权限。`, `Cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the file's permissions.`) };
  }
  const decoded = decodeDraft(bytes, maxFileSize, legacy, lang());
  if (!decoded.ok) return decoded.reason === 'too-large' ? { ...empty, skipped: decoded.message } : { ...empty, error: decoded.message };
  if (decoded.encoding !== 'utf-8') return { ...reviewText(analyzer, file, decoded.text, settings), encoding: decoded.encoding };
  return reviewText(analyzer, file, decoded.text, settings);
}
