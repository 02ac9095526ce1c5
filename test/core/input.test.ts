/** Input decoding: BOM, binary refusal, size limit; ranges with CRLF, emoji and surrogate pairs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as iconv from 'iconv-lite';
import { decodeDraft, isBinaryText, type LegacyDecoder } from '../../core/src';
import { LineIndex, toLspRange } from '../../shared/src/positions';
import { analyzer } from './helpers';

test('UTF-8 with BOM decodes without the BOM', () => {
  const r = decodeDraft(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('一、总体要求')]), 1000);
  assert.deepEqual(r, { ok: true, text: '一、总体要求', encoding: 'utf-8' });
});

test('binary input is refused with a clear message', () => {
  const r = decodeDraft(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 1000);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.reason, 'binary');
  assert.match(!r.ok ? r.message : '', /UTF-8/);
  // A NUL far beyond the first kilobytes is binary too.
  const late = decodeDraft(Buffer.concat([Buffer.from('一、总体要求\n'.repeat(2000)), Buffer.from([0]), Buffer.from('正文')]), 1 << 20);
  assert.equal(!late.ok && late.reason, 'binary');
  const bad = decodeDraft(new Uint8Array([0xe4, 0xb8]), 1000);
  assert.equal(!bad.ok && bad.reason, 'binary');
  assert.ok(isBinaryText('abc\u0000def'));
  assert.ok(!isBinaryText('一、总体要求\r\n正文'));
});

const legacy: LegacyDecoder = (bytes, encoding) => iconv.decode(Buffer.from(bytes), encoding);

test('drafts in GB 18030 (GBK), Big5 and UTF-16 with a BOM are read, and the encoding is named', () => {
  const simplified = '关于推进政务数据共享的通知\n一、总体要求\n各区人民政府要加快推进数据共享和开放，切实保障数据安全。\n';
  const traditional = '關於推進政務數據共享的通知\n一、總體要求\n各區人民政府要加快推進數據共享和開放，切實保障數據安全。\n';
  const gb = decodeDraft(iconv.encode(simplified, 'gb18030'), 1 << 20, legacy);
  assert.deepEqual(gb, { ok: true, text: simplified, encoding: 'gb18030' });
  const big5 = decodeDraft(iconv.encode(traditional, 'big5'), 1 << 20, legacy);
  assert.deepEqual(big5, { ok: true, text: traditional, encoding: 'big5' });
  const le = decodeDraft(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(simplified, 'utf16le')]), 1 << 20);
  assert.deepEqual(le, { ok: true, text: simplified, encoding: 'utf-16le' });
  const be = Buffer.from(simplified, 'utf16le').swap16();
  assert.deepEqual(decodeDraft(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 1 << 20), { ok: true, text: simplified, encoding: 'utf-16be' });
  // Without a legacy decoder (the core alone), GB 18030 bytes are refused, not misread.
  assert.equal(decodeDraft(iconv.encode(simplified, 'gb18030'), 1 << 20).ok, false);
});

test('oversized input is skipped', () => {
  const r = decodeDraft(new Uint8Array(2048), 1024);
  assert.equal(!r.ok && r.reason, 'too-large');
  assert.match(!r.ok ? r.message : '', /maxFileSize/);
});

test('ranges stay exact with CRLF, emoji and surrogate pairs', () => {
  const text = '一、总体要求\r\n😀𠀀推进数据开放，👩‍💻扩大数据共享。\r\n（一）统筹发展和安全\r\n𠀀发展😀安全\r\n';
  const r = analyzer().analyze(text);
  const ms = r.mentions.filter((m) => m.id === 'open-data-security');
  assert.deepEqual(ms.map((m) => text.slice(m.range.start, m.range.end)), ['数据开放', '数据共享']);
  const doc = TextDocument.create('file:///x.txt', 'plaintext', 1, text);
  // 😀 and 𠀀 are two UTF-16 units each: 数据开放 starts at character 6 of line 1.
  assert.deepEqual(toLspRange(doc, ms[0].range), { start: { line: 1, character: 6 }, end: { line: 1, character: 10 } });
  const h = r.outline[1];
  assert.equal(h.title, '统筹发展和安全');
  assert.deepEqual(toLspRange(doc, h.range), { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } });
  const sec = r.mentions.filter((m) => m.id === 'development-security' && m.range.start > h.range.end);
  assert.deepEqual(sec.map((m) => toLspRange(doc, m.range).start), [{ line: 3, character: 2 }, { line: 3, character: 6 }]);
});

test('LineIndex (the CLI) and TextDocument (the server) give the same positions at every offset', () => {
  const text = '一、总体要求\r\n😀𠀀推进数据开放\r\r\n\n（一）👩‍💻统筹\r末行\n';
  const doc = TextDocument.create('file:///x.txt', 'plaintext', 1, text);
  const idx = new LineIndex(text);
  for (let i = 0; i <= text.length + 1; i++) {
    assert.deepEqual(idx.positionAt(i), doc.positionAt(i), `offset ${i}`);
    const p = doc.positionAt(i);
    assert.equal(idx.offsetAt(p), doc.offsetAt(p), `position ${JSON.stringify(p)}`);
  }
  assert.equal(idx.offsetAt({ line: 99, character: 0 }), doc.offsetAt({ line: 99, character: 0 }));
});
