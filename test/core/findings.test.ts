/** Findings: one-sided, unbalanced, missing, missing-element, engagement, sections, settings, disables, Markdown. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzer } from './helpers';

// Engages the framework: two relationships discussed on both sides.
const ENGAGED = '统筹发展和安全。坚持中央统一部署和地方因地制宜。';

const kinds = (text: string, language: 'markdown' | 'plaintext' = 'plaintext', settings = {}) =>
  analyzer()
    .analyze(text, { language, settings })
    .findings.filter((f) => f.kind !== 'outline')
    .map((f) => `${f.kind}:${f.scope}:${f.relationship}`);

test('one-sided: a side mentioned twice, the other never — warning on the first mention', () => {
  const text = `${ENGAGED}推进数据开放，扩大数据共享。`;
  const r = analyzer().analyze(text);
  const f = r.findings.find((x) => x.relationship === 'open-data-security')!;
  assert.equal(f.kind, 'one-sided');
  assert.equal(f.severity, 'warning');
  assert.equal(text.slice(f.range.start, f.range.end), '数据开放');
  assert.equal(f.related!.length, 2);
  // Once is not enough.
  assert.ok(!kinds(`${ENGAGED}推进数据开放。`).includes('one-sided:document:open-data-security'));
});

test('unbalanced: fewer/more below 0.25 and the larger at least 4 — information', () => {
  const text = `${ENGAGED}加大投入，增加投入，保障经费，扩大投资，吸引投资，提高效益。`;
  const r = analyzer().analyze(text);
  const f = r.findings.find((x) => x.relationship === 'investment-benefit')!;
  assert.equal(f.kind, 'unbalanced');
  assert.equal(f.severity, 'information');
  assert.match(text.slice(f.range.start, f.range.end), /效益$/);
  assert.ok(!kinds(`${ENGAGED}加大投入，增加投入，保障经费，扩大投资，提高效益。`).includes('unbalanced:document:investment-benefit'));
});

test('missing and missing-element only when the draft engages the framework', () => {
  const engaged = kinds(ENGAGED);
  assert.ok(engaged.includes('missing:document:short-long-term'));
  assert.ok(engaged.includes('missing-element:document:party-leadership'));
  assert.ok(!engaged.includes('missing:document:development-security'));
  // A meeting notice does not engage: no relationship findings at all.
  const notice = '关于召开全市政务服务工作会议的通知\n各单位：\n定于3月5日上午9时召开会议，请准时参加。会议讨论发展规划和管理工作。\n';
  assert.deepEqual(kinds(notice), []);
});

test('missing findings sit on the title line', () => {
  const text = `关于推进数字政府建设的意见\n${ENGAGED}\n`;
  const f = analyzer().analyze(text).findings.find((x) => x.kind === 'missing')!;
  assert.deepEqual(f.range, { start: 0, end: text.indexOf('\n') });
});

test('a heading naming a relationship is checked on its own body', () => {
  const text = '一、总体要求\n统筹发展和安全。\n二、处理好政策制定与政策执行的关系\n加强政策制定，规范起草程序，科学制定方案。\n三、其他\n强化落实。\n';
  const r = analyzer().analyze(text);
  const f = r.findings.find((x) => x.scope === 'section')!;
  assert.equal(f.kind, 'one-sided');
  assert.equal(f.relationship, 'policy-making-execution');
  assert.equal(text.slice(f.range.start, f.range.end), '二、处理好政策制定与政策执行的关系');
  assert.equal(r.outline[f.heading!].title, '处理好政策制定与政策执行的关系');
  // With 执行 in the section body the section is fine.
  const ok = text.replace('科学制定方案。', '科学制定方案，狠抓政策执行。');
  assert.equal(analyzer().analyze(ok).findings.filter((x) => x.scope === 'section').length, 0);
});

test('thresholds, enable and severity are settings', () => {
  const text = `${ENGAGED}推进数据开放。`;
  assert.ok(kinds(text, 'plaintext', { minMentions: 1 }).includes('one-sided:document:open-data-security'));
  const off = kinds(`${ENGAGED}推进数据开放，扩大数据共享。`, 'plaintext', { relationships: { 'open-data-security': { enabled: false } } });
  assert.ok(!off.some((k) => k.endsWith('open-data-security')));
  const r = analyzer().analyze(`${ENGAGED}推进数据开放，扩大数据共享。`, { settings: { relationships: { 'open-data-security': { severity: 'error' } } } });
  assert.equal(r.findings.find((f) => f.relationship === 'open-data-security')!.severity, 'error');
});

test('coverage is reported for every relationship, discussed or not', () => {
  const r = analyzer().analyze('你好。');
  assert.equal(r.coverage.length, analyzer().relationships.length);
  assert.ok(r.coverage.every((c) => c.status === 'missing'));
});

test('disable comments: one relationship for the document, all, and the next paragraph', () => {
  const base = `${ENGAGED}推进数据开放，扩大数据共享。`;
  assert.ok(!kinds(`<!-- policy-review-disable open-data-security -->\n${base}`).some((k) => k.endsWith('open-data-security')));
  assert.deepEqual(kinds(`<!-- policy-review-disable -->\n${base}`), []);
  const para = `${ENGAGED}\n<!-- policy-review-disable-next-paragraph open-data-security -->\n推进数据开放，扩大数据共享。\n`;
  // Its mentions are not counted, so the relationship is no longer one-sided.
  assert.ok(!kinds(para).includes('one-sided:document:open-data-security'));
  assert.equal(analyzer().analyze(para).coverage.find((c) => c.relationship === 'open-data-security')!.sides[0].count, 0);
  // Only the next paragraph: a later one still counts.
  const later = `${para}\n加强数据共享，推进开放共享。\n`;
  assert.ok(kinds(later).includes('one-sided:document:open-data-security'));
  // Works in Markdown, where the paragraph runs to the next blank line.
  const md = `${ENGAGED}\n\n<!-- policy-review-disable-next-paragraph -->\n推进数据开放，\n扩大数据共享。\n`;
  assert.ok(!kinds(md, 'markdown').includes('one-sided:document:open-data-security'));
});

test('Markdown: code, front matter, HTML comments and link targets are not prose', () => {
  const text = [
    '---',
    'title: 数据开放 数据共享',
    '---',
    ENGAGED,
    '',
    '```',
    '数据开放 数据共享 数据开放',
    '```',
    '',
    '<!-- 数据开放 数据共享 -->',
    '详见[通知](https://example.com/数据开放/数据共享)和`数据开放`。',
  ].join('\n');
  const r = analyzer().analyze(text, { language: 'markdown' });
  assert.equal(r.coverage.find((c) => c.relationship === 'open-data-security')!.sides[0].count, 0);
  // The same text as plain text counts the code block.
  const plain = analyzer().analyze(text, { language: 'plaintext' });
  assert.ok(plain.coverage.find((c) => c.relationship === 'open-data-security')!.sides[0].count > 0);
});
