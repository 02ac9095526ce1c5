/** The core's edit plans on texts that start with a line break: they stay where an editor can put them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { planSectionInsertion, planSideParagraph, type RelationshipDef } from '../../core/src';
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

test('a paragraph or section added to a CR-only draft goes where it goes in an LF draft, with no blank line before it', () => {
  const a = analyzer();
  const rel = a.find('open-data-security')!;
  const lf = '关于推进数据开放的意见\n一、总体要求\n推进数据开放，扩大公共数据开放范围。\n';
  const apply = (text: string, plans: { start: number; end: number; newText: string }[]) => {
    let out = text;
    for (const p of [...plans].sort((x, y) => y.start - x.start)) out = out.slice(0, p.start) + p.newText + out.slice(p.end);
    return out;
  };
  const plan = (text: string) => {
    const r = a.analyze(text, { language: 'plaintext' });
    return {
      paragraph: apply(text, planSideParagraph(text, r, rel as RelationshipDef, 1)),
      section: apply(text, planSectionInsertion(text, r, rel, text.length)),
    };
  };
  // The paragraph goes after the paragraph of the first mention, here not the last one.
  const longer = `${lf}二、保障措施\n加强组织领导。\n`;
  for (const text of [lf, longer]) {
    const expected = plan(text);
    for (const eol of ['\r\n', '\r']) {
      const got = plan(text.replace(/\n/g, eol));
      assert.equal(got.paragraph, expected.paragraph.replace(/\n/g, eol), `${JSON.stringify(eol)}: the paragraph`);
      assert.equal(got.section, expected.section.replace(/\n/g, eol), `${JSON.stringify(eol)}: the section`);
    }
  }
});

test('a section inserted after a line that a stray CR ends keeps its blank line: the CR and the inserted LF do not merge into one break', () => {
  const a = analyzer();
  const text = '# 关于推进数据开放的意见\n\n## 一、总体要求\n\n推进数据开放。\r## 二、保障措施\n\n加强组织领导。\n';
  const r = a.analyze(text, { language: 'markdown' });
  const plans = planSectionInsertion(text, r, a.find('open-data-security')!, text.indexOf('推进数据开放。'), true);
  let out = text;
  for (const p of [...plans].sort((x, y) => y.start - x.start)) out = out.slice(0, p.start) + p.newText + out.slice(p.end);
  const lines = out.split(/\r\n|\r|\n/);
  const heading = lines.findIndex((l) => l.startsWith('## 二、处理好'));
  assert.ok(heading > 0, out);
  assert.deepEqual(lines.slice(heading - 2, heading), ['推进数据开放。', ''], 'the section follows a blank line');
});
