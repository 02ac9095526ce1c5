/** The core's edit plans on texts that start with a line break: they stay where an editor can put them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { planSectionInsertion } from '../../core/src';
import { toLspRange } from '../../shared/src/positions';
import { analyzer } from './helpers';

test('a section inserted with the cursor on a leading blank line goes on that line, not inside its \\r\\n', () => {
  for (const eol of ['\r\n', '\n', '\r']) {
    const text = `${eol}一、总体要求${eol}推进数据开放。${eol}`;
    const a = analyzer();
    const r = a.analyze(text, { language: 'plaintext' });
    const plans = planSectionInsertion(text, r, a.find('open-data-security')!, 0);
    assert.equal(plans[0].start, 0, `${JSON.stringify(eol)}: inserted at the cursor's line`);
    // As the editor applies it (LSP positions) and as the core planned it (offsets): the same text.
    const doc = TextDocument.create('untitled:a.txt', 'plaintext', 1, text);
    const byEditor = TextDocument.applyEdits(doc, plans.map((p) => ({ range: toLspRange(doc, p), newText: p.newText })));
    let byOffsets = text;
    for (const p of [...plans].sort((x, y) => y.start - x.start)) byOffsets = byOffsets.slice(0, p.start) + p.newText + byOffsets.slice(p.end);
    assert.equal(byEditor, byOffsets, `${JSON.stringify(eol)}: the editor applies it where the core planned it`);
  }
});
