/** Token-aligned alias matching: dictionary aliases, longest match, look-alikes, agency names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aliasDictionaryLines } from '../../core/src';
import { analyzer, counts } from './helpers';

test('multi-character aliases are whole tokens (数据开放 is not split)', () => {
  assert.deepEqual(counts('推进数据开放，保障数据安全。', 'open-data-security'), [1, 1]);
});

/** Every occurrence of an alias of `id`, counted or set aside: [alias, side]. */
const found = (text: string, id: string) => {
  const r = analyzer().analyze(text);
  return [...r.mentions, ...r.setAside].filter((m) => m.id === id).sort((a, b) => a.range.start - b.range.start).map((m) => [m.alias, m.side]);
};

test('安全感 is not 安全, 长期以来 is not 长期', () => {
  assert.deepEqual(found('提升群众安全感，促进发展。', 'development-security'), [['发展', 0]]);
  assert.deepEqual(counts('长期以来，我们重视短期目标。', 'short-long-term'), [1, 0]);
});

test('where aliases nest the longest wins: 投入产出 counts for 效益, not 投入', () => {
  assert.deepEqual(counts('开展投入产出分析。', 'investment-benefit'), [0, 1]);
  assert.deepEqual(found('加大投入。', 'investment-benefit'), [['投入', 0]]);
});

test('one token counts for every relationship that lists it', () => {
  const res = analyzer().analyze('运用数字技术。');
  for (const id of ['technology-people', 'technology-government', 'technology-management']) {
    assert.equal(res.coverage.find((c) => c.relationship === id)!.sides[0].count, 1, id);
  }
});

test('common words keep jieba frequency: 地方 and 公共部门 stay whole', () => {
  assert.deepEqual(found('中央和地方协同，公共部门与企业合作。', 'central-local'), [['中央', 0], ['地方', 1]]);
  // 企业 is generic: it counts beside the specific 公共部门.
  assert.deepEqual(counts('公共部门与企业合作。', 'public-private'), [1, 1]);
  const lines = aliasDictionaryLines('地方 52641 n\n数据 100 n\n', ['地方', '数据开放']);
  assert.match(lines, /^地方 52641 n$/m);
  assert.match(lines, /^数据开放 3000 n$/m);
});

test('an agency name is not a discussion: 政务服务管理局, 国务院办公厅', () => {
  assert.deepEqual(counts('市政务服务管理局牵头，国务院办公厅印发。', 'service-demand'), [0, 0]);
  assert.deepEqual(counts('国务院办公厅印发。', 'central-local'), [0, 0]);
});

test('the title line (a document type such as 实施意见) is not counted', () => {
  const text = '关于优化政务服务提升行政效能的实施意见\n\n各区人民政府：\n\n为深入推进改革，现提出如下意见。\n';
  const res = analyzer().analyze(text);
  assert.equal(res.mentions.filter((m) => m.id === 'service-demand').length, 0);
  assert.deepEqual(res.title, { start: 0, end: text.indexOf('\n') });
});

test('mention ranges point at the alias text', () => {
  const text = '加强数据共享和隐私保护。';
  const res = analyzer().analyze(text);
  const ms = res.mentions.filter((m) => m.id === 'open-data-security');
  assert.deepEqual(ms.map((m) => text.slice(m.range.start, m.range.end)), ['数据共享', '隐私保护']);
});
