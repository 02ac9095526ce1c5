/** Offsets ↔ LSP positions: UTF-16 columns, CRLF, emoji and surrogate pairs. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLspPosition, toLspRange, toOffset, toOffsetRange } from '../../shared/src/positions';

const doc = (text: string) => TextDocument.create('untitled:p.txt', 'plaintext', 1, text);

test('LF: columns count UTF-16 units of Chinese text', () => {
  const d = doc('一、总体要求\n推进数据开放。\n');
  const at = d.getText().indexOf('数据开放');
  assert.deepEqual(toLspPosition(d, at), { line: 1, character: 2 });
  assert.deepEqual(toLspRange(d, { start: at, end: at + 4 }), { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } });
  assert.equal(toOffset(d, { line: 1, character: 2 }), at);
});

test('CRLF: a line break is two units and never part of a column', () => {
  const text = '一、总体要求\r\n推进数据开放。\r\n二、保障措施\r\n';
  const d = doc(text);
  const at = text.indexOf('数据开放');
  assert.deepEqual(toLspPosition(d, at), { line: 1, character: 2 });
  assert.equal(toOffset(d, { line: 1, character: 2 }), at);
  const second = text.indexOf('二、');
  assert.deepEqual(toLspPosition(d, second), { line: 2, character: 0 });
  // The offset between \r and \n maps to the end of its line, not into the break.
  const cr = text.indexOf('\r');
  assert.deepEqual(toLspPosition(d, cr + 1), { line: 0, character: 6 });
  // A column past the end of a line clamps to the line's end, before \r\n.
  assert.equal(toOffset(d, { line: 0, character: 99 }), cr);
});

test('emoji before an alias: two UTF-16 units each, not one code point', () => {
  const text = '😀😀推进数据开放\n👍🏽数据安全';
  const d = doc(text);
  const a = text.indexOf('数据开放');
  assert.equal(a, 6);
  assert.deepEqual(toLspRange(d, { start: a, end: a + 4 }), { start: { line: 0, character: 6 }, end: { line: 0, character: 10 } });
  const b = text.indexOf('数据安全');
  // 👍🏽 is a surrogate pair plus a skin-tone modifier (another pair): four units.
  assert.deepEqual(toLspPosition(d, b), { line: 1, character: 4 });
  assert.equal(toOffset(d, { line: 1, character: 4 }), b);
});

test('CJK Extension B characters (surrogate pairs) in the line', () => {
  const text = '𠀀𠀁数据开放与𠀂数据安全';
  const d = doc(text);
  const b = text.indexOf('数据安全');
  assert.equal(b, 11);
  assert.deepEqual(toLspPosition(d, b), { line: 0, character: 11 });
  assert.deepEqual(toOffsetRange(d, toLspRange(d, { start: b, end: b + 4 })), { start: b, end: b + 4 });
});

test('a position inside a surrogate pair moves to the start of the pair', () => {
  const text = 'a😀b';
  const d = doc(text);
  assert.equal(toOffset(d, { line: 0, character: 2 }), 1);
  assert.equal(toOffset(d, { line: 0, character: 3 }), 3);
});

test('round trip of every offset that is not inside a pair or a CRLF', () => {
  const text = '关于😀数据的通知\r\n一、𠀀总体要求\n\n（一）指导思想👍🏽\r\n末行';
  const d = doc(text);
  for (let o = 0; o <= text.length; o++) {
    const c = text.charCodeAt(o);
    const prev = text.charCodeAt(o - 1);
    const insidePair = prev >= 0xd800 && prev <= 0xdbff && c >= 0xdc00 && c <= 0xdfff;
    const insideCrlf = text[o - 1] === '\r' && text[o] === '\n';
    if (insidePair || insideCrlf) continue;
    assert.equal(toOffset(d, toLspPosition(d, o)), o, `offset ${o}`);
  }
});

test('empty ranges, the end of the text and offsets beyond it', () => {
  const text = '数据开放\n';
  const d = doc(text);
  assert.deepEqual(toLspRange(d, { start: 2, end: 2 }), { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } });
  assert.deepEqual(toLspPosition(d, text.length), { line: 1, character: 0 });
  assert.deepEqual(toLspPosition(d, text.length + 50), { line: 1, character: 0 });
  assert.equal(toOffset(d, { line: 9, character: 0 }), text.length);
});
