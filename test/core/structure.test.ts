/**
 * The outline tree of real 公文 forms: digits after 一、, continuous numbering across parts, tables of
 * contents, attachments, articles with their 项 and 目, tables, items and headings, wrapped titles
 * and the frame, decimal numbering, Traditional markers, line endings. Each asserts the tree
 * (kind, depth, title, parent, run) and the exact outline findings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzer } from './helpers';
import type { AnalysisResult } from '../../core/src';

const analyze = (text: string, language: 'markdown' | 'plaintext' = 'plaintext') => analyzer().analyze(text, { language });
const rules = (r: AnalysisResult) => r.findings.filter((f) => f.kind === 'outline').map((f) => `${f.rule}@${r.outline[f.heading!].line}:${f.expected}`);
/** The tree as "depth kind marker title ^parentLine run". */
const tree = (r: AnalysisResult) =>
  r.outline.map((h) => `${h.level} ${h.kind} ${h.marker}${h.title}${h.parent >= 0 ? ` ^${r.outline[h.parent].line}` : ''}${h.run ? ` run${h.run}` : ''}`);
const lines = (...l: string[]) => l.join('\n') + '\n';

test('digits right after 一、 are level-1 headings, not out of order', () => {
  const r = analyze(lines('各位代表：', '一、2025年工作回顾', '过去一年，全省经济稳中向好。', '二、2026年工作安排', '（一）稳增长。今年要……', '（二）促改革。', '三、加强政府自身建设', '努力建设人民满意的政府。'));
  assert.deepEqual(tree(r), ['1 heading 一、2025年工作回顾', '1 heading 二、2026年工作安排', '2 item （一）稳增长 ^3', '2 item （二）促改革 ^3', '1 heading 三、加强政府自身建设']);
  assert.deepEqual(rules(r), []);
});

test('（一）…（四） continuing across parts is a convention; mixing restart and continue is an error', () => {
  const continuous = lines('一、总体要求', '（一）指导思想。坚持……', '（二）工作目标。到2027年……', '二、重点任务', '（三）推进共享。各地……', '（四）强化应用。', '三、保障措施', '（五）加强组织领导。');
  const r = analyze(continuous);
  assert.deepEqual(rules(r), []);
  assert.deepEqual(r.outline.map((h) => h.level), [1, 2, 2, 1, 2, 2, 1, 2]);
  // A document that restarts under 二、 and then continues under 三、 breaks the convention it set.
  const mixed = lines('一、总体要求', '（一）指导思想。', '（二）工作目标。', '二、重点任务', '（一）推进共享。', '（二）强化应用。', '三、保障措施', '（三）加强组织领导。');
  assert.deepEqual(rules(analyze(mixed)), ['outline-order@7:（一）']);
  const mixedOther = lines('一、总体要求', '（一）指导思想。', '（二）工作目标。', '二、重点任务', '（三）推进共享。', '三、保障措施', '（一）加强组织领导。');
  assert.deepEqual(rules(analyze(mixedOther)), ['outline-order@6:（四）']);
});

test('a table of contents, with or without the word 目录 and with page numbers, is not the outline', () => {
  const withWord = lines('江城市公共数据管理办法', '', '目  录', '第一章  总则 ………………… 1', '第二章  数据共享 ……………… 3', '第三章  附则 ………………… 6', '', '第一章  总则', '第一条  为了规范公共数据管理，制定本办法。', '第二章  数据共享', '第二条  公共数据以共享为原则。', '第三章  附则', '第三条  本办法自发布之日起施行。');
  const r = analyze(withWord);
  assert.deepEqual(tree(r), ['1 heading 第一章总则', '2 article 第一条为了规范公共数据管理，制定本办法 ^7', '1 heading 第二章数据共享', '2 article 第二条公共数据以共享为原则 ^9', '1 heading 第三章附则', '2 article 第三条本办法自发布之日起施行 ^11']);
  assert.deepEqual(r.tocLines, [2, 3, 4, 5]);
  assert.deepEqual(rules(r), []);
  const noWord = lines('江城市数字政府建设方案', '一、总体要求', '二、主要任务', '三、保障措施', '一、总体要求', '坚持以人民为中心。', '二、主要任务', '推进数据共享。', '三、保障措施', '加强组织领导。');
  const r2 = analyze(noWord);
  assert.deepEqual(r2.tocLines, [1, 2, 3]);
  assert.deepEqual(r2.outline.map((h) => h.line), [4, 6, 8]);
  assert.deepEqual(rules(r2), []);
  // Words in a 目录 are not discussion.
  assert.ok(!r.mentions.some((m) => m.range.start >= r.outline[0].range.start - 60 && m.range.start < r.outline[0].range.start && withWord.slice(m.range.start, m.range.end) === '数据共享'));
});

test('attachments: the 附件 list is not headings; each attachment restarts numbering and has its own title', () => {
  const text = lines(
    '江城市人民政府办公室关于印发数据共享实施方案的通知',
    '各区人民政府，市政府各部门：',
    '现将《江城市数据共享实施方案》印发给你们，请认真贯彻执行。',
    '附件：1.江城市数据共享实施方案',
    '2.江城市数据共享任务清单',
    '江城市人民政府办公室',
    '2026年3月1日',
    '（此件公开发布）',
    '附件1',
    '江城市数据共享实施方案',
    '一、总体要求',
    '（一）工作目标。到2027年……',
    '二、主要任务',
    '附件2',
    '江城市数据共享任务清单',
    '一、平台建设',
    '二、数据治理',
  );
  const r = analyze(text);
  assert.deepEqual(tree(r), ['1 heading 一、总体要求 run1', '2 item （一）工作目标 ^10 run1', '1 heading 二、主要任务 run1', '1 heading 一、平台建设 run2', '1 heading 二、数据治理 run2']);
  assert.deepEqual(rules(r), []);
  assert.deepEqual(r.attachments.map((a) => [a.run, a.line, a.title && text.slice(a.title.start, a.title.end)]), [[1, 8, '江城市数据共享实施方案'], [2, 13, '江城市数据共享任务清单']]);
  // The 落款 ends the notice's run: its sections stop before the signature.
  assert.ok(!r.mentions.some((m) => text.slice(m.range.start, m.range.end) === '数据共享' && m.range.start < r.attachments[0].range.start && m.range.start > text.indexOf('附件：')));
});

test('a notice that 印发 a 方案 without a 附件 line: the 方案 after the 落款 numbers on its own', () => {
  const text = lines('江城市人民政府关于印发数字政府建设方案的通知', '各区人民政府：', '现将《江城市数字政府建设方案》印发给你们。', '江城市人民政府', '2026年3月1日', '', '江城市数字政府建设方案', '一、总体要求', '二、主要任务');
  const r = analyze(text);
  assert.deepEqual(tree(r), ['1 heading 一、总体要求 run1', '1 heading 二、主要任务 run1']);
  assert.deepEqual(rules(r), []);
});

test('articles are provisions: their （一） and 1. nest under them, restart in each, and name nothing', () => {
  const text = lines(
    '第一章　总则',
    '第一条　为了统筹数据开放与数据安全，制定本办法。',
    '第二条　公共数据管理应当遵循下列原则：',
    '（一）依法开放；',
    '（二）确保安全：',
    '1.分类分级；',
    '2.全程留痕。',
    '第三条　有下列情形之一的，不予开放：',
    '（一）涉及国家秘密的；',
    '（二）涉及个人隐私的。',
    '第二章　附则',
    '第四条　本办法自发布之日起施行。',
  );
  const r = analyze(text);
  assert.deepEqual(tree(r), [
    '1 heading 第一章总则',
    '2 article 第一条为了统筹数据开放与数据安全，制定本办法 ^0',
    '2 article 第二条公共数据管理应当遵循下列原则 ^0',
    '3 item （一）依法开放 ^2',
    '3 item （二）确保安全 ^2',
    '4 item 1.分类分级 ^4',
    '4 item 2.全程留痕 ^4',
    '2 article 第三条有下列情形之一的，不予开放 ^0',
    '3 item （一）涉及国家秘密的 ^7',
    '3 item （二）涉及个人隐私的 ^7',
    '1 heading 第二章附则',
    '2 article 第四条本办法自发布之日起施行 ^10',
  ]);
  assert.deepEqual(rules(r), []);
  assert.ok(r.outline.every((h) => h.names.length === 0));
  // A repeated article number is an error.
  assert.deepEqual(rules(analyze(lines('第一章　总则', '第一条　甲。', '第二条　乙。', '第二章　附则', '第二条　丙。'))), ['outline-duplicate@4:第三条']);
});

test('numbering inside a table belongs to the table', () => {
  const tab = lines('附件', '江城市医院绩效指标体系', '一级指标\t二级指标\t三级指标', '一、医疗质量\t（一）功能定位\t1.门诊人次数', '\t\t2.出院人次数', '二、运营效率\t（二）资源效率\t3.床位使用率');
  assert.deepEqual(analyze(tab).outline, []);
  const md = '# 指标\n\n| 一级 | 二级 |\n|---|---|\n| 一、医疗质量 | （一）功能定位 |\n| 二、运营效率 | （二）资源效率 |\n';
  assert.deepEqual(analyze(md, 'markdown').outline, []);
});

test('items and headings: a run-on title or a numbered sentence is an item; only heading phrases name a relationship', () => {
  const text = lines(
    '江城市数字政府建设方案',
    '一、处理好数据开放与数据安全的关系',
    '推进公共数据开放，强化数据安全。',
    '二、重点任务',
    '（一）中央和地方要协同推进数据开放与数据安全。',
    '（二）加大资金投入。统筹数据开放和数据安全。',
    '（三）数据开放与数据安全',
    '推进数据开放，扩大数据共享。',
  );
  const r = analyze(text);
  assert.deepEqual(r.outline.map((h) => [h.kind, h.title, h.names.includes('open-data-security')]), [
    ['heading', '处理好数据开放与数据安全的关系', true],
    ['heading', '重点任务', false],
    ['item', '中央和地方要协同推进数据开放与数据安全', false],
    ['item', '加大资金投入', false],
    ['heading', '数据开放与数据安全', true],
  ]);
  // Section scope follows the named headings only: （一）'s sentence is prose.
  const section = r.findings.filter((f) => f.scope === 'section').map((f) => `${f.kind}:${f.relationship}@${r.outline[f.heading!].line}`);
  assert.deepEqual(section, ['one-sided:open-data-security@6']);
  // A heading alone on its line with a closing 。 and its body below is still a heading.
  const closing = analyze(lines('二、重点任务', '（一）扎实推进农村厕所革命。', '1.科学选择改厕模式。在平原地区……'));
  assert.deepEqual(closing.outline.map((h) => h.kind), ['heading', 'heading', 'item']);
});

test('the frame: wrapped title, 文号, long 主送机关, 落款 with （此件公开发布） and 抄送/印发 are neither headings nor prose', () => {
  const text = lines(
    '国务院办公厅关于',
    '进一步加强数字政府建设的意见',
    '国办发〔2026〕12号',
    '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
    '为推进数字政府建设，经国务院同意，现提出以下意见。',
    '一、总体要求',
    '坚持数据开放与数据安全并重。',
    '国务院办公厅',
    '2026年4月1日',
    '（此件公开发布）',
    '抄送：党中央各部门。',
    '国务院办公厅秘书局　　2026年4月2日印发',
  );
  const r = analyze(text);
  assert.deepEqual(tree(r), ['1 heading 一、总体要求']);
  assert.equal(text.slice(r.title!.start, r.title!.end), '国务院办公厅关于\n进一步加强数字政府建设的意见');
  // 国务院 in the 主送机关 and the 落款 is no mention of the central side.
  const central = [...r.mentions, ...r.setAside].filter((m) => m.id === 'central-local').map((m) => text.slice(m.range.start, m.range.end));
  assert.deepEqual(central, ['国务院']);
  // The section of the last heading ends before the 落款.
  assert.equal(r.outline[0].sectionEnd, text.indexOf('国务院办公厅\n2026'));
});

test('a speech: speaker line, ——在……上的讲话 subtitle, date, 同志们： and 第一，/一是 are not headings', () => {
  const text = lines('在全市数字政府建设推进会上的讲话', '——2026年3月5日', '市长　张明', '（2026年3月5日）', '同志们：', '今天召开会议。', '一、充分肯定成绩', '第一，平台建成了。一是数据通了，二是服务好了。', '二、明确重点任务');
  const r = analyze(text);
  assert.deepEqual(tree(r), ['1 heading 一、充分肯定成绩', '1 heading 二、明确重点任务']);
  assert.deepEqual(rules(r), []);
});

test('decimal numbering: 1.1 and 2.3.1 at the depth their numbers give', () => {
  const text = lines('数字化转型研究报告', '1 研究背景', '1.1政策环境驱动', '1.2 技术发展驱动', '2 总体思路', '2.1 建设目标', '2.1.1 近期目标', '2.1.2 远期目标', '2.2 建设原则', '2.4 保障措施');
  const r = analyze(text);
  assert.deepEqual(r.outline.map((h) => `${h.level} ${h.marker.trim()}${h.title}`), ['1 1研究背景', '2 1.1政策环境驱动', '2 1.2技术发展驱动', '1 2总体思路', '2 2.1建设目标', '3 2.1.1近期目标', '3 2.1.2远期目标', '2 2.2建设原则', '2 2.4保障措施']);
  assert.deepEqual(rules(r), ['outline-order@9:2.3']);
  // Under 一、 the decimal parts nest by their numbers too.
  const mixed = analyze(lines('一、发展环境', '1.1政策环境驱动', '1.2技术发展驱动', '二、总体要求'));
  assert.deepEqual(mixed.outline.map((h) => h.level), [1, 2, 2, 1]);
  assert.deepEqual(rules(mixed), []);
  // 2. 发展现状 above 2.1 is the top of the decimal numbering, not a third 公文 level; a part with
  // no subdivisions (1. 前言) and the last part (5. 附则) too. A list 1. 2. inside 4.1 stays a list.
  const dotted = analyze(lines('电子政务发展规划', '1. 前言', '正文。', '2. 发展现状', '2.1 主要成果', '2.2 面对的挑战', '3. 目标', '3.1 发展愿景', '3.3 中长期目标', '4. 主要任务', '4.1 深化服务', '1.推行网上办理。', '2.推行掌上办理。', '4.2 推进共享', '5. 附则'));
  assert.deepEqual(dotted.outline.map((h) => `${h.level} ${h.marker.trim()}${h.title}`), ['1 1.前言', '1 2.发展现状', '2 2.1主要成果', '2 2.2面对的挑战', '1 3.目标', '2 3.1发展愿景', '2 3.3中长期目标', '1 4.主要任务', '2 4.1深化服务', '3 1.推行网上办理', '3 2.推行掌上办理', '2 4.2推进共享', '1 5.附则']);
  assert.deepEqual(rules(dotted), ['outline-order@8:3.2']);
  // One decimal number at a line start is prose (1.5万元), not a numbering scheme.
  assert.deepEqual(analyze(lines('一、资金安排', '1.5万元用于平台运维。')).outline.length, 1);
});

test('Traditional markers parse like Simplified ones', () => {
  const r = analyze(lines('第一章　總則', '第一條　為了規範數據開放，制定本辦法。', '第一節　一般規定', '第二條　本辦法適用於本市。', '第二章　附則', '第三條　本辦法自公布之日起施行。'));
  assert.deepEqual(r.outline.map((h) => `${h.level} ${h.kind} ${h.family}`), ['1 heading chapter', '2 article article', '2 heading section', '3 article article', '1 heading chapter', '2 article article']);
  assert.deepEqual(rules(r), []);
  const t2 = analyze(lines('一、總體要求', '（一）指導思想', '（二）工作目標', '二、主要任務'));
  assert.deepEqual(t2.outline.map((h) => h.level), [1, 2, 2, 1]);
});

test('CR, CRLF and LF line ends give the same outline, lines and findings', () => {
  const lf = lines('江城市数字政府建设方案', '一、总体要求', '（一）指导思想', '1.坚持数据开放', '三、保障措施', '推进数据开放，推进数据开放。');
  const results = ['\n', '\r\n', '\r'].map((nl) => analyze(lf.replace(/\n/g, nl)));
  for (const r of results) {
    assert.deepEqual(r.outline.map((h) => [h.line, h.level, h.title]), [[1, 1, '总体要求'], [2, 2, '指导思想'], [3, 3, '坚持数据开放'], [4, 1, '保障措施']]);
    assert.deepEqual(rules(r), ['outline-order@4:二、']);
  }
  // A stray CR in an LF file ends a line, as the editor counts it.
  const stray = analyze('标题\n一、甲\r二、乙\n三、丙\n');
  assert.deepEqual(stray.outline.map((h) => h.line), [1, 2, 3]);
});

test('real numbering errors still fire: a skipped level, a repeated number, a missing number', () => {
  const r = analyze(lines('一、总体要求', '1.基本原则', '二、主要任务', '（一）推进共享', '（一）强化应用', '（三）夯实基础', '四、保障措施'));
  assert.deepEqual(rules(r), ['outline-skipped-level@1:（一）', 'outline-duplicate@4:（二）', 'outline-order@6:三、']);
});

test('a Word table saved as text with empty cells is a table; a tab after a bare marker is Word list numbering', () => {
  const form = lines('附件', '公共数据开放申请表', '一、申请主体信息\t\u3000\t\u3000\t\u3000', '申请单位名称\t\u3000\t统一社会信用代码\t\u3000', '二、申请数据信息\t\u3000\t\u3000');
  assert.deepEqual(analyze(form).outline, []);
  const listed = analyze(lines('一、\t总体要求', '（一）\t指导思想', '二、\t主要任务'));
  assert.deepEqual(listed.outline.map((h) => [h.level, h.title]), [[1, '总体要求'], [2, '指导思想'], [1, '主要任务']]);
});

test('an excerpt (（节选）) may start its numbering anywhere', () => {
  const excerpt = analyze(lines('江城市国民经济和社会发展第十五个五年规划纲要（节选）', '第十章　打造数字经济新优势', '第一节　加快数字产业化', '第十一章　加快数字政府建设'));
  assert.deepEqual(rules(excerpt), []);
  const whole = analyze(lines('江城市国民经济和社会发展第十五个五年规划纲要', '第十章　打造数字经济新优势', '第十一章　加快数字政府建设'));
  assert.deepEqual(rules(whole), ['outline-order@1:第一章']);
});

test('two documents printed after one notice without 附件 lines: the second title starts its own run', () => {
  const text = lines('国务院办公厅关于印发两个规定的通知', '各省、自治区、直辖市人民政府：', '现将两个规定印发给你们。', '', '江城市数据共享规定', '一、总则', '（一）甲。', '二、共享', '（二）乙。', '', '江城市数据开放规定', '为推进数据开放，制定本规定。', '一、总则', '（一）丙。');
  const r = analyze(text);
  assert.deepEqual(rules(r), []);
  assert.deepEqual(r.outline.map((h) => h.run), [0, 0, 0, 0, 1, 1]);
});
