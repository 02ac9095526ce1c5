/** Outline parsing (公文 levels, chapters, Markdown), run-on titles, the frame lines, numbering problems. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzer } from './helpers';

const outline = (text: string, language: 'markdown' | 'plaintext' = 'plaintext') => analyzer().analyze(text, { language });
const rules = (text: string, language: 'markdown' | 'plaintext' = 'plaintext') =>
  outline(text, language).findings.filter((f) => f.kind === 'outline').map((f) => `${f.rule}@${f.expected}`);

test('five 公文 levels with run-on titles', () => {
  const text = [
    '江城市数字政府建设方案',
    '',
    '一、总体要求',
    '（一）指导思想。坚持以人民为中心的发展思想。',
    '1.基本原则：统筹推进。',
    '（1）坚持问题导向',
    '①聚焦群众关切',
    '②强化数据治理',
  ].join('\n');
  const r = outline(text);
  assert.deepEqual(
    r.outline.map((h) => [h.level, h.marker, h.title, h.line]),
    [
      [1, '一、', '总体要求', 2],
      [2, '（一）', '指导思想', 3],
      [3, '1.', '基本原则', 4],
      [4, '（1）', '坚持问题导向', 5],
      [5, '①', '聚焦群众关切', 6],
      [5, '②', '强化数据治理', 7],
    ],
  );
  assert.deepEqual(rules(text), []);
  // Sections run to the next heading of the same or a higher level.
  assert.equal(r.outline[0].sectionEnd, text.length);
  assert.equal(r.outline[4].sectionEnd, r.outline[5].range.start);
});

test('title, subtitle and 主送机关 are not headings; 第一章/第一节/第一条 are', () => {
  const text = '江城市数据条例\n——在全市推进会上的讲话\n各区人民政府：\n第一章　总则\n第一条　为了规范数据管理，制定本条例。\n第二条　本条例适用于本市。\n第二章　数据开放\n第一节　一般规定\n第三条　公共数据应当开放。\n';
  const r = outline(text);
  // Depth in the tree: 第一条 sits under 第一章 (no 节), 第三条 under 第二章 > 第一节.
  assert.deepEqual(r.outline.map((h) => [h.level, h.kind, h.marker]), [[1, 'heading', '第一章'], [2, 'article', '第一条'], [2, 'article', '第二条'], [1, 'heading', '第二章'], [2, 'heading', '第一节'], [3, 'article', '第三条']]);
  assert.ok(r.title);
  assert.equal(text.slice(r.title!.start, r.title!.end), '江城市数据条例');
});

test('Markdown ATX and Setext headings; the single H1 is the title', () => {
  const text = '# 关于推进数据开放的意见\n\n## 一、总体要求\n\n正文。\n\n背景\n---\n\n正文。\n';
  const r = outline(text, 'markdown');
  assert.deepEqual(r.outline.map((h) => [h.style, h.level, h.marker, h.title]), [
    ['gongwen', 1, '一、', '总体要求'],
    ['markdown', 1, '---', '背景'],
  ]);
  assert.equal(r.outline[0].prefix, '## ');
});

test('a skipped level breaks the levels the run numbers with; a run that never uses （一） numbers in two levels', () => {
  // The run uses （一） under 一、, then leaves it out under 二、: the editor asks for （一）.
  assert.deepEqual(rules('一、总体要求\n（一）指导思想\n二、主要任务\n1.基本原则\n'), ['outline-skipped-level@（一）']);
  // A 工作要点 numbered 一、 and 1. throughout, 1–6 running on: its scheme, not a gap.
  assert.deepEqual(rules('一、制度建设\n1.健全规则\n2.完善标准\n二、平台建设\n3.建设平台\n4.优化算力\n'), []);
  // An attachment is its own run: the body's （一） does not make the list of a 清单 a gap.
  const withList = '一、总体要求\n（一）指导思想\n（二）工作目标\n二、保障措施\n（一）组织领导\n附件\n重点事项清单\n一、国家部署事项\n1.企业变更一件事。牵头单位：市场监管局。\n2.退休一件事。牵头单位：人社局。\n二、市级事项\n1.项目开工一件事。牵头单位：发展改革委。\n';
  assert.deepEqual(rules(withList), []);
  // The same list in the body, which uses （一）, is a skipped level.
  assert.deepEqual(rules('一、总体要求\n（一）指导思想\n二、重点事项\n1.企业变更一件事。牵头单位：市场监管局。\n'), ['outline-skipped-level@（一）']);
});

test('numbers out of order and repeated', () => {
  assert.deepEqual(rules('一、甲\n二、乙\n四、丁\n'), ['outline-order@三、']);
  assert.deepEqual(rules('一、甲\n二、乙\n二、丙\n'), ['outline-duplicate@三、']);
  // Numbering restarts under each parent.
  assert.deepEqual(rules('一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n'), []);
});

test('wrong marker punctuation', () => {
  assert.deepEqual(rules('一.总体要求\n'), ['outline-punctuation@一、']);
  assert.deepEqual(rules('一，总体要求\n'), ['outline-punctuation@一、']);
  assert.deepEqual(rules('一、甲\n（一）、乙\n'), ['outline-punctuation@（一）']);
  assert.deepEqual(rules('一、甲\n（一）乙\n1．丙\n'), ['outline-punctuation@1.']);
});

test('numbers in prose are not headings', () => {
  assert.deepEqual(outline('2035年基本建成。\n3.5亿元用于建设。\n').outline, []);
});

test('an outline problem range covers the marker', () => {
  const text = '一、甲\n三、丙\n';
  const f = outline(text).findings.find((x) => x.kind === 'outline')!;
  assert.equal(text.slice(f.range.start, f.range.end), '三、');
});

test('条 run through the whole text and 节 are optional; items restart per 条', () => {
  const text = '第一章　总则\n第一条　甲。\n（一）子项；\n（二）子项。\n第二条　乙。\n（一）子项。\n第二章　附则\n第三条　丙。\n';
  assert.deepEqual(rules(text), []);
  assert.deepEqual(rules('第一章　总则\n第一条　甲。\n第二章　附则\n第一条　乙。\n'), ['outline-duplicate@第二条']);
});

test('a colon between digits (a time) does not end a run-on title', () => {
  const r = outline('一、总体要求\n（一）请于3月13日17:00前报送：材料清单\n');
  assert.equal(r.outline[1].title, '请于3月13日17:00前报送');
});
