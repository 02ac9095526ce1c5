/**
 * The judgement: scope, evidence (specific and generic words, contexts, constructions), senses set
 * aside, one-sided / unbalanced / the missing note, sections, settings, disables, Traditional text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzer } from './helpers';
import type { AnalysisResult } from '../../core/src';

const analyze = (text: string, language: 'markdown' | 'plaintext' = 'plaintext', settings = {}) => analyzer().analyze(text, { language, settings });
const kinds = (r: AnalysisResult) => r.findings.filter((f) => f.kind !== 'outline').map((f) => `${f.kind}:${f.scope}:${f.relationship ?? f.relationships?.join(',')}`);
const lines = (...l: string[]) => l.join('\n') + '\n';

/** Working prose on no relationship: a plan is more than its tasks, and brief texts get no document-wide finding. */
const WORKING = '各区政府和市级各部门要建立健全工作机制，明确牵头处室和具体责任人，制定年度工作计划，细化工作措施，倒排工作进度，做到任务到岗、责任到人。'.repeat(16);

/** A data-opening plan: six sentences on opening, none on security. */
const OPENING = [
  '江城市公共数据开放实施方案',
  '各区人民政府，市政府各部门：',
  '一、总体要求',
  '以公共数据开放为抓手，推动数据资源开发利用。',
  '二、主要任务',
  '（一）编制开放目录。各部门按照统一标准编制公共数据开放目录，明确开放属性和更新频率。',
  '（二）建设开放平台。依托市数据开放平台集中提供数据下载和接口服务。',
  '（三）扩大开放范围。优先推动交通、气象、市场监管等领域数据向社会开放。',
  '（四）促进开发利用。举办数据开放创新大赛，支持社会主体利用开放数据开发应用。',
  '（五）推进共享交换。完善数据共享交换机制，推动数据按需共享。',
  WORKING,
];

test('one-sided: a developed side and an absent one — a warning on the first mention, with its evidence', () => {
  const text = lines(...OPENING);
  const r = analyze(text);
  assert.equal(r.scope[0].status, 'whole');
  const f = r.findings.find((x) => x.relationship === 'open-data-security')!;
  assert.equal(f.kind, 'one-sided');
  assert.equal(f.severity, 'warning');
  assert.equal(text.slice(f.range.start, f.range.end), '公共数据开放');
  assert.ok(f.evidence!.counted.some((t) => t.term === '公共数据开放' && t.count >= 2));
  assert.match(f.message, /计入：/);
  // One sentence on security in passing: a token against a developed side is unbalanced (information).
  const passing = lines(...OPENING, '三、保障措施', '加强组织领导，落实工作责任。', '注意保障数据安全。');
  const u = analyze(passing).findings.find((x) => x.relationship === 'open-data-security')!;
  assert.equal(u.kind, 'unbalanced');
  assert.equal(u.severity, 'information');
  // A paragraph of its own on security: balanced.
  const balanced = lines(...OPENING, '三、强化数据安全', '建立数据分类分级制度，落实数据安全责任。', '开放前开展安全评估，对个人信息进行脱敏处理。');
  assert.equal(analyze(balanced).coverage.find((c) => c.relationship === 'open-data-security')!.status, 'balanced');
});

test('a brief text, a letter or a reply gets no document-wide relationship finding', () => {
  const brief = lines(...OPENING.filter((l) => l !== WORKING));
  assert.ok(!analyze(brief).findings.some((f) => f.scope === 'document' && f.kind !== 'outline'));
  const reply = lines('关于对市人大代表第12号建议的答复', ...OPENING.slice(1));
  assert.ok(!analyze(reply).findings.some((f) => f.scope === 'document' && f.kind !== 'outline'));
});

test('only the side whose absence matters is flagged: a data-security regulation need not develop opening', () => {
  const text = lines(
    '江城市政务数据安全管理办法',
    '第一条　为加强政务数据安全管理，制定本办法。',
    '第二条　政务部门应当建立数据安全管理制度，落实数据安全责任。',
    '第三条　实行数据分类分级保护，对个人信息进行脱敏处理。',
    '第四条　定期开展安全评估，防范数据泄露。',
    '第五条　发生数据安全事件的，应当立即处置。',
    WORKING,
  );
  const r = analyze(text);
  assert.ok(!kinds(r).includes('one-sided:document:open-data-security'), kinds(r).join(' '));
  assert.equal(r.coverage.find((c) => c.relationship === 'open-data-security')!.status, 'partial');
});

test('scope: an out-of-scope draft gets no relationship finding, however often it says 发展 安全 企业 投资', () => {
  const text = lines(
    '江城市人民政府关于进一步加强安全生产工作的通知',
    '各区人民政府：',
    '一、压实企业主体责任',
    '企业要落实安全管理制度，加大安全投入，确保安全发展。企业主要负责人是安全第一责任人。',
    '二、强化监管执法',
    '各地要加强安全检查，推动高质量发展。对重点企业加大执法力度，扩大有效投资。',
    '四、加强组织领导',
    '各级政府要统筹发展和安全，狠抓落实。',
  );
  const r = analyze(text);
  assert.equal(r.scope[0].status, 'out');
  assert.match(r.scope[0].reason, /数字政府/);
  assert.deepEqual(kinds(r), []);
  assert.equal(r.engaged, false);
  // The outline is still checked.
  assert.deepEqual(r.findings.filter((f) => f.kind === 'outline').map((f) => f.rule), ['outline-order']);
  // The writer can still ask for the framework: a comment in the draft, or the setting.
  const asked = analyze(`<!-- policy-review-framework digital-government -->\n${text}`);
  assert.equal(asked.scope[0].status, 'forced');
  assert.equal(analyze(text, 'plaintext', { scope: 'always' }).scope[0].status, 'forced');
});

test('scope: a broad document is reviewed in its part on the domain alone', () => {
  const text = lines(
    '2026年江城市政府工作报告',
    '各位代表：',
    '一、2025年工作回顾',
    '全市经济稳中向好，企业投资增长较快，发展质量不断提升。',
    '二、2026年工作安排',
    '（一）加快数字政府建设',
    '深化政务服务“一网通办”，推进政务数据共享，扩大公共数据开放。',
    '建设城市运行“一网统管”平台，推动更多事项网上办理，让企业和群众少跑腿。全面推行电子证照，推进政务服务事项全程网办。',
    '加强数字政府安全保障，落实数据安全责任，完善政务云和政务外网等基础设施，推进高效办成一件事。',
    '（二）扩大有效需求',
    '加快重大项目建设，推进数据共享在产业中的应用。',
  );
  const r = analyze(text);
  assert.equal(r.scope[0].status, 'part');
  assert.deepEqual(r.scope[0].parts.map((i) => r.outline[i].title), ['加快数字政府建设']);
  // Mentions outside the part do not count, and say why.
  const outside = r.setAside.find((m) => m.reason === 'out-of-scope' && m.range.start > text.indexOf('（二）扩大'));
  assert.ok(outside, JSON.stringify(r.setAside.map((m) => m.alias)));
});

test('scope: a statute dense in the domain only in its chapter on it is reviewed in that chapter', () => {
  const other = (n: number, what: string) => Array.from({ length: n }, (_, i) => `第${i + 1}条 ${what}应当依法保护市场主体的合法权益，维护公平竞争的市场秩序。`);
  const chapter = Array.from({ length: 8 }, (_, i) => `第${i + 20}条 推进政务服务事项网上办理，依托政务服务平台实现一网通办，政务服务中心提供第${i + 1}项帮办服务。`);
  const statute = (first: number, rest: number) =>
    lines('江城市优化营商环境条例', '第一章　总则', ...other(first, '各级政府'), '第二章　政务服务', ...chapter, '第三章　市场环境', ...other(rest, '有关部门'));
  // A long statute with one chapter on 政务服务: that chapter alone.
  const long = analyze(statute(20, 20));
  assert.equal(long.scope[0].status, 'part', long.scope[0].reason);
  assert.deepEqual(long.scope[0].parts.map((i) => long.outline[i].title), ['政务服务']);
  // When that chapter is most of the text, the statute is about the domain.
  const mostly = analyze(statute(1, 1));
  assert.equal(mostly.scope[0].status, 'whole', mostly.scope[0].reason);
});

test('generic words count only in context: beside a specific term, in a construction, under a naming heading', () => {
  const r = analyze('推动高质量发展，强化安全意识。');
  const dev = r.coverage.find((c) => c.relationship === 'development-security')!;
  assert.deepEqual(dev.sides.map((s) => s.count), [0, 0]);
  assert.deepEqual(dev.setAside.map((m) => [m.alias, m.reason]), [['高质量发展', 'generic'], ['安全意识', 'generic']]);
  // 统筹发展和安全 names both sides.
  const paired = analyze('统筹发展和安全。').coverage.find((c) => c.relationship === 'development-security')!;
  assert.deepEqual(paired.sides.map((s) => s.count), [1, 1]);
  // 既要推进数据开放，又要守住安全底线: 安全底线 is data security here.
  const both = analyze('既要推进数据开放，又要守住安全底线。');
  const ods = both.mentions.filter((m) => m.id === 'open-data-security');
  assert.deepEqual(ods.map((m) => [m.alias, m.context ?? 'specific']), [['数据开放', 'specific'], ['安全底线', 'construction']]);
  // Beside a specific term of the relationship: 投入 with 财政资金.
  const near = analyze('统筹使用财政资金，加大投入力度。');
  assert.deepEqual(near.mentions.filter((m) => m.id === 'investment-benefit').map((m) => [m.alias, m.context ?? 'specific']), [['财政资金', 'specific'], ['投入', 'sentence']]);
});

test('senses set aside: fixed terms, names of bodies, cited titles', () => {
  const r = analyze('推进长期护理保险试点，用好超长期特别国债。市发展改革委牵头。贯彻《江城市大数据发展条例》。');
  const aside = r.setAside.map((m) => `${m.alias}:${m.reason}`);
  assert.ok(aside.includes('长期:exception'), aside.join(' '));
  assert.ok(aside.some((a) => a.startsWith('发展:') && /agency|exception/.test(a)), aside.join(' '));
  assert.ok(aside.includes('发展:cited') || aside.some((a) => a.endsWith(':cited')), aside.join(' '));
  assert.equal(r.mentions.filter((m) => m.id === 'short-long-term').length, 0);
  const ex = r.setAside.find((m) => m.reason === 'exception')!;
  assert.match(ex.detail!, /长期护理保险/);
});

test('Traditional drafts are read like Simplified ones, at the same offsets', () => {
  const text = '推進數據開放，保障數據安全，堅持黨的領導。';
  const r = analyze(text);
  const ods = r.mentions.filter((m) => m.id === 'open-data-security');
  assert.deepEqual(ods.map((m) => text.slice(m.range.start, m.range.end)), ['數據開放', '數據安全']);
  assert.equal(r.elements.find((e) => e.element === 'party-leadership')!.count, 1);
  // Headings keep their Traditional titles.
  const h = analyze('一、總體要求\n推進數據開放。\n').outline[0];
  assert.equal(h.title, '總體要求');
});

test('one note lists the relationships a long draft does not discuss; short drafts get none', () => {
  const body = '推进政务服务标准化规范化便利化，优化办事流程，提升窗口服务水平，方便群众办事。';
  const long = lines('江城市政务服务提升方案', '一、总体要求', ...Array.from({ length: 90 }, () => body));
  const notes = analyze(long).findings.filter((f) => f.kind === 'missing' && f.scope === 'document');
  assert.equal(notes.length, 1);
  assert.ok(notes[0].relationships!.includes('short-long-term'));
  assert.deepEqual(notes[0].range, { start: 0, end: long.indexOf('\n') });
  assert.match(notes[0].message, /没有论及/);
  const short = lines('江城市政务服务提升方案', '一、总体要求', body);
  assert.equal(analyze(short).findings.filter((f) => f.kind === 'missing' || f.kind === 'missing-element').length, 0);
});

test('a heading naming a relationship is checked on its own body; only sides whose absence matters', () => {
  const text = lines('江城市数字政府建设方案', '一、总体要求', '推进政务服务一网通办。', '二、处理好政策制定与政策执行的关系', '加强政策制定，规范起草程序，科学制定方案。', '三、其他', '推进数据共享。');
  const r = analyze(text);
  const f = r.findings.find((x) => x.scope === 'section')!;
  assert.equal(f.kind, 'one-sided');
  assert.equal(f.relationship, 'policy-making-execution');
  assert.equal(text.slice(f.range.start, f.range.end), '二、处理好政策制定与政策执行的关系');
  // With 执行 in the section body the section is fine.
  const ok = text.replace('科学制定方案。', '科学制定方案，狠抓政策执行。');
  assert.equal(analyze(ok).findings.filter((x) => x.scope === 'section').length, 0);
  // A section on 统筹发展和安全 that writes only about security: development is the whole draft.
  const dev = lines('江城市数字政府建设方案', '一、统筹发展和安全', '健全网络安全体系，强化数据安全保护，落实安全责任。', '二、其他', '推进数据共享。');
  assert.equal(analyze(dev).findings.filter((x) => x.scope === 'section').length, 0);
});

test('what an editor asks for: a safeguard whenever its side is developed, other sides only when the draft is about them', () => {
  // A routine 经费保障 paragraph is not an investment programme; an amount of money makes it one.
  const funds = (amount: string) =>
    lines(
      '江城市政务服务数字化提升方案',
      '一、主要任务',
      '（一）推进网上办事。推动高频事项全程网办，优化政务服务平台办事流程。',
      '（二）强化资金保障。各区将所需经费纳入年度预算，统筹使用现有建设资金' + amount + '，保障设备采购和系统建设投入。',
      WORKING,
    );
  const routine = analyze(funds(''));
  assert.equal(routine.coverage.find((c) => c.relationship === 'investment-benefit')!.status, 'partial');
  assert.ok(!kinds(routine).includes('one-sided:document:investment-benefit'));
  const programme = analyze(funds('约3200万元'));
  assert.ok(kinds(programme).includes('one-sided:document:investment-benefit'), kinds(programme).join(' '));
  // Infrastructure without its use: asked only of a draft whose title is about infrastructure.
  const infra = (title: string) =>
    lines(title, '一、主要任务', '（一）建设政务云平台。推进政务云扩容，完善政务外网和数据中心，统一平台建设标准。', '（二）加强运行保障。做好政务云和政务外网的日常运维，提升统一平台和支撑平台的稳定性。', WORKING);
  assert.ok(!kinds(analyze(infra('江城市政务服务改革方案'))).some((k) => k.endsWith('infrastructure-application')));
  assert.ok(kinds(analyze(infra('江城市政务云建设方案'))).includes('one-sided:document:infrastructure-application'));
});

test('a task under its own heading develops a side; a side with two measures in one sentence is not a token', () => {
  // Two sentences, one of them a heading on the data: a task, and security is absent.
  const task = lines('江城市政务服务好差评工作通知', '一、推动评价数据汇聚应用', '评价数据实时汇聚至市平台，并向各区开放共享，支持分析改进。', WORKING);
  assert.ok(kinds(analyze(task)).includes('one-sided:document:open-data-security'), kinds(analyze(task)).join(' '));
  // Sharing in eight sentences against one clause of security: unbalanced; one sentence naming two safeguards is not a token.
  const sharing = Array.from({ length: 8 }, (_, i) => `第${i + 1}批事项所需材料通过数据共享获取，依托共享交换平台按需共享，推进数据归集。`);
  const base = ['江城市一网通办提升方案', '一、深化数据共享', ...sharing];
  const token = analyze(lines(...base, '数据共享中应做好安全防护。', WORKING));
  assert.ok(kinds(token).includes('unbalanced:document:open-data-security'), kinds(token).join(' '));
  const measures = analyze(lines(...base, '数据共享严格落实分类分级要求，加强个人信息保护。', WORKING));
  assert.ok(!kinds(measures).some((k) => k.endsWith('open-data-security')), kinds(measures).join(' '));
});

test('one heading and a sentence is a token against a side laid out under several headings of its own', () => {
  const tasks = [
    '## 建设城市感知网络', '部署物联感知终端，新建感知点位2万个。', '建设覆盖全市的物联网络，推进5G基站建设。', '整合公安、交通视频感知设备，统一接入感知网络。', '建设城市生命线监测感知设施。',
    '## 建设城市算力中心', '分两期建设算力中心，一期新增智能算力100PFlops。', '建设数据中心机房，完善供电制冷设施。', '算力中心二期新增通用算力50PFlops。', '推进数据中心绿色化改造。',
    '## 扩容政务云', '扩容政务云平台，新增计算资源2万核。', '推进部门业务系统全量上云，升级电子政务外网。', '政务云新增存储资源20PB。', '电子政务外网实现市县乡村四级覆盖。',
  ];
  const plan = (use: string[]) => analyze(lines('# 江城市城市大脑建设行动计划', '## 总体要求', '到2026年建成城市大脑。', ...tasks, ...use, WORKING), 'markdown');
  // Three construction tasks, and one line on using them under its own heading: unbalanced.
  const token = plan(['## 拓展应用场景', '逐步在交通、城管等领域开发一批应用场景。']);
  assert.ok(kinds(token).includes('unbalanced:document:infrastructure-application'), kinds(token).join(' '));
  // The same heading with the uses laid out is a side of its own.
  const laid = plan(['## 拓展应用场景', '在交通出行领域上线信号灯智能配时应用。', '在城市管理领域推广占道经营智能识别应用。', '在应急管理领域建设风险监测预警应用。']);
  assert.ok(!kinds(laid).some((k) => k.endsWith('infrastructure-application')), kinds(laid).join(' '));
});

test('a heading that promises both sides: several sentences on one and a single remark on the other', () => {
  const body = '依托市数据共享交换平台梳理所需数据。推动省级数据按需回流，数据共享满足率达到95%以上。';
  const text = lines('江城市高效办成一件事实施意见', '一、总体要求', '推进政务服务一网通办。', '二、处理好数据共享与安全的关系', body + '同时要注意做好数据安全工作。', '三、其他', '推进线下服务。');
  const f = analyze(text).findings.find((x) => x.scope === 'section' && x.relationship === 'open-data-security');
  assert.equal(f?.kind, 'unbalanced');
  const fine = text.replace('同时要注意做好数据安全工作。', '落实数据分类分级和授权访问要求。严格个人信息保护，防止数据超范围使用。');
  assert.ok(!analyze(fine).findings.some((x) => x.scope === 'section' && x.relationship === 'open-data-security'));
});

test('a heading that holds a side\'s term makes its generic words count; a numbered sentence names no subject', () => {
  // 资金 is generic: under 二、资金安排 it is investment, and the amounts make the side developed.
  const money = [
    '江城市政务信息系统迁移上云通知',
    '一、迁移任务',
    '各部门按计划完成系统迁移，迁移完成后关停自建服务器。',
    '二、资金安排',
    '（一）补助资金',
    '市财政安排补助资金3000万元，其中今年1800万元。',
    '（二）拨付方式',
    '资金按照先迁后补方式拨付，验收通过后拨付到部门。',
    '（三）资金监管',
    '资金实行专款专用，不得挪用。',
    WORKING,
  ];
  const r = analyze(lines(...money));
  assert.ok(kinds(r).includes('one-sided:document:investment-benefit'), kinds(r).join(' '));
  assert.ok(r.findings.find((f) => f.relationship === 'investment-benefit')!.evidence!.counted.some((t) => t.term === '资金'));
  // The same sentences without the heading: 资金 is set aside and nothing is developed.
  const bare = analyze(lines(...money.filter((l) => !/^（|^二/.test(l))));
  assert.ok(!kinds(bare).some((k) => k.endsWith('investment-benefit')), kinds(bare).join(' '));
  // A benefit named once inside a numbered sentence is a remark, not a heading of its own.
  const more = ['资金拨付情况每月通报，资金结余按规定收回。', '资金使用情况纳入审计，资金台账按月更新。', '预算执行情况纳入年度考核，资金到位率按季通报。'];
  const remark = analyze(lines(...money.slice(0, 3), '1.对使用率低的系统一律不予迁移。', ...money.slice(3, -1), ...more, WORKING));
  assert.ok(kinds(remark).includes('unbalanced:document:investment-benefit'), kinds(remark).join(' '));
  // An article is a provision, not a heading: two articles naming 秒批 are not a task on efficiency.
  const provisions = analyze(lines('江城市政务服务办理规定', '第一条 为了规范政务服务，制定本规定。', '第二条 政务服务事项推行秒批。', '第三条 行政机关推行秒办服务。', WORKING));
  assert.ok(!kinds(provisions).some((k) => k.endsWith('agility-inclusiveness')), kinds(provisions).join(' '));
});

test('two sums committed are an investment programme, one sum in passing is not', () => {
  const plan = (second: string) =>
    lines(
      '江城市数字政府建设三年行动方案',
      '一、重点工程',
      '今年市级安排数字政府建设投资4.2亿元，集中推进一批重点工程。',
      '（一）建设城市运行中心。' + second + '新建感知点位3万个，年底前建成城市运行一张图。',
      '（二）推进一网通办。推动高频事项全程网办，优化政务服务平台办事流程。',
      WORKING,
    );
  assert.ok(kinds(analyze(plan('项目总投资2.1亿元，'))).includes('one-sided:document:investment-benefit'), kinds(analyze(plan('项目总投资2.1亿元，'))).join(' '));
  assert.ok(!kinds(analyze(plan(''))).some((k) => k.endsWith('investment-benefit')), kinds(analyze(plan(''))).join(' '));
});

test('the subject\'s own name repeated is not a side developed against a provision on the other', () => {
  const articles = Array.from({ length: 8 }, (_, i) => `第${'一二三四五六七八'[i]}条 行政机关应当按照“最多跑一次”改革要求，优化第${i + 1}类事项办理流程。`);
  const draft = (title: string) => lines(title, ...articles, '第九条 申请人可以选择到线下窗口办理。', WORKING);
  // A regulation on 最多跑一次 names its subject in every article: that is not eight paragraphs on efficiency.
  const onSubject = analyze(draft('江城市政务服务“最多跑一次”改革规定'));
  assert.ok(!kinds(onSubject).some((k) => k.endsWith('agility-inclusiveness')), kinds(onSubject).join(' '));
  // The same articles under another title are eight sentences on efficiency against one on the offline window.
  const other = analyze(draft('江城市政务服务事项办理规定'));
  assert.ok(kinds(other).includes('unbalanced:document:agility-inclusiveness'), kinds(other).join(' '));
});

test('the coverage status agrees with the findings', () => {
  const r = analyze(lines('江城市数字政府建设方案', '推进数据开放。'));
  const c = r.coverage.find((x) => x.relationship === 'open-data-security')!;
  assert.equal(c.status, 'partial');
  assert.ok(!r.findings.some((f) => f.relationship === 'open-data-security'));
  const full = analyze(lines(...OPENING));
  assert.equal(full.coverage.find((x) => x.relationship === 'open-data-security')!.status, 'one-sided');
});

test('enable and severity are settings', () => {
  const text = lines(...OPENING);
  const off = kinds(analyze(text, 'plaintext', { relationships: { 'open-data-security': { enabled: false } } }));
  assert.ok(!off.some((k) => k.endsWith('open-data-security')));
  const r = analyze(text, 'plaintext', { relationships: { 'open-data-security': { severity: 'error' } } });
  assert.equal(r.findings.find((f) => f.relationship === 'open-data-security')!.severity, 'error');
  const sev = analyze(text, 'plaintext', { severities: { 'one-sided': 'hint' } });
  assert.equal(sev.findings.find((f) => f.relationship === 'open-data-security')!.severity, 'hint');
});

test('coverage is reported for every relationship, discussed or not', () => {
  const r = analyze('你好。');
  assert.equal(r.coverage.length, analyzer().relationships.length);
  assert.ok(r.coverage.every((c) => c.status === 'missing'));
});

test('disable comments: one relationship for the document, all, and the next paragraph', () => {
  const base = lines(...OPENING);
  assert.ok(!kinds(analyze(`<!-- policy-review-disable open-data-security -->\n${base}`)).some((k) => k.endsWith('open-data-security')));
  assert.deepEqual(kinds(analyze(`<!-- policy-review-disable -->\n${base}`)), []);
  // The next paragraph's mentions are not counted.
  const para = base.replace('（五）推进共享交换', '<!-- policy-review-disable-next-paragraph open-data-security -->\n（五）推进共享交换');
  const before = analyze(base).coverage.find((c) => c.relationship === 'open-data-security')!.sides[0].count;
  const after = analyze(para).coverage.find((c) => c.relationship === 'open-data-security')!.sides[0].count;
  assert.ok(after < before, `${after} < ${before}`);
  // Works in Markdown, where the paragraph runs to the next blank line.
  const md = `# 江城市公共数据开放实施方案\n\n<!-- policy-review-disable-next-paragraph -->\n推进数据开放，\n扩大数据共享。\n`;
  assert.equal(analyze(md, 'markdown').coverage.find((c) => c.relationship === 'open-data-security')!.sides[0].count, 0);
});

test('Markdown: code, front matter, HTML comments and link targets are not prose', () => {
  const text = [
    '---',
    'title: 数据开放 数据共享',
    '---',
    '推进政务服务。',
    '',
    '```',
    '数据开放 数据共享 数据开放',
    '```',
    '',
    '<!-- 数据开放 数据共享 -->',
    '详见[通知](https://example.com/数据开放/数据共享)和`数据开放`。',
  ].join('\n');
  const r = analyze(text, 'markdown');
  assert.equal(r.coverage.find((c) => c.relationship === 'open-data-security')!.sides[0].count, 0);
  // The same text as plain text counts the code block.
  assert.ok(analyze(text).coverage.find((c) => c.relationship === 'open-data-security')!.sides[0].count > 0);
});

test('unbalanced: the information sits on the first mention of the lighter side', () => {
  const text = lines(...OPENING, '三、保障措施', '加强组织领导，落实工作责任。', '注意保障数据安全。');
  const u = analyze(text).findings.find((x) => x.relationship === 'open-data-security')!;
  assert.equal(u.kind, 'unbalanced');
  assert.equal(u.range.start, text.indexOf('数据安全'));
  assert.equal(text.slice(u.range.start, u.range.end), '数据安全');
});

test('missing element: a long draft that never names the Party’s leadership gets one note on its title; naming it removes the note', () => {
  const long = [...OPENING, WORKING, WORKING];
  const text = lines(...long);
  const notes = analyze(text).findings.filter((f) => f.kind === 'missing-element');
  assert.deepEqual(notes.map((f) => f.relationship), ['party-leadership']);
  assert.equal(text.slice(notes[0].range.start, notes[0].range.end), OPENING[0]);
  const led = lines(long[0], long[1], '坚持党的全面领导，把党的领导贯穿数据开放工作全过程。', ...long.slice(2));
  const r = analyze(led);
  assert.equal(r.elements.find((e) => e.element === 'party-leadership')!.status, 'present');
  assert.ok(!r.findings.some((f) => f.kind === 'missing-element'), kinds(r).join(' '));
});
