/** Hover, completion, document symbols, folding ranges and the coverage request. */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, DocumentSymbol, FoldingRange, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { CoverageResult } from '../../shared/src/protocol';
import { TestClient } from './lspClient';
import { ONE_SIDED, OUTLINE_ERROR } from './drafts';

let c: TestClient;
before(async () => {
  c = await TestClient.start({ settings: { debounceMs: 30 } });
});
after(() => c.stop());

async function openDraft(uri: string, text: string, languageId = 'plaintext'): Promise<void> {
  await c.open(uri, text, languageId);
  await c.waitForDiagnostics(uri, 1);
}

function hover(uri: string, needle: string, delta = 0): Promise<Hover | null> {
  return c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: c.positionOf(uri, needle, delta) });
}

async function complete(uri: string, line: number, character: number, triggerCharacter?: string): Promise<CompletionItem[]> {
  const r = await c.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
    textDocument: { uri },
    position: { line, character },
    context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
  });
  return Array.isArray(r) ? r : (r?.items ?? []);
}

const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

describe('hover', () => {
  const uri = 'untitled:hover.txt';
  before(() => openDraft(uri, ONE_SIDED));

  test('on an alias: names, explanation, source, both sides with aliases and live counts, status', async () => {
    const h = await hover(uri, '开放数据', 1);
    assert.ok(h, 'hover');
    const value = (h.contents as MarkupContent).value;
    assert.equal((h.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /数据开放与数据安全/);
    assert.match(value, /数据开放能够释放公共数据价值/, 'Chinese explanation');
    assert.doesNotMatch(value, /Open data and data security|Opening data releases the value|Evidence|Status/, 'one language at a time');
    assert.match(value, /^> .*数据开放与数据安全的关系/m, 'the source sentence, quoted');
    assert.match(value, /\| 数据开放 \| 数据开放、公共数据开放、开放数据.* \| 6 \|/);
    // The evidence: the words that counted, as written, with counts.
    assert.match(value, /依据/);
    assert.match(value, /- 数据开放：数据开放 ×2、公共数据开放 ×2/);
    assert.match(value, /\| 数据安全 \| 数据安全、隐私保护.* \| 0 \|/);
    assert.match(value, /只写了一方面/);
    // The hover range is the mention itself.
    const start = c.positionOf(uri, '开放数据');
    assert.deepEqual(h.range, { start, end: { line: start.line, character: start.character + 4 } });
  });

  test('counts follow edits', async () => {
    const v = await c.append(uri, '加强数据安全保护。落实数据安全责任。\n');
    await c.waitForDiagnostics(uri, v);
    const value = ((await hover(uri, '开放数据', 1))!.contents as MarkupContent).value;
    assert.match(value, /\| 数据安全 \| .* \| 2 \|/);
    assert.match(value, /两方面兼顾/);
    await c.replace(uri, '加强数据安全保护。落实数据安全责任。\n', '');
  });

  test('on a heading that names a relationship, outside any alias', async () => {
    const h = await hover(uri, '处理好中央与地方的关系', 1);
    assert.ok(h);
    const value = (h.contents as MarkupContent).value;
    assert.match(value, /中央与地方/);
    assert.match(value, /\| 中央 \| .* \| 2 \|/);
    assert.match(value, /两方面兼顾/);
    const start = c.positionOf(uri, '处理好中央与地方的关系');
    assert.equal(h.range?.start.line, start.line);
    assert.equal(h.range?.start.character, start.character);
  });

  test('nothing on plain words', async () => {
    assert.equal(await hover(uri, '扩大'), null);
  });
});

describe('completion', () => {
  const uri = 'untitled:complete.txt';
  before(() => openDraft(uri, `${ONE_SIDED}\n`));
  const lastLine = () => c.text(uri).split('\n').length - 1;

  test('(a) at the start of an empty line: the next heading markers', async () => {
    const items = await complete(uri, lastLine(), 0);
    const labels = sorted(items).map((i) => i.label);
    assert.equal(labels[0], '四、');
    assert.ok(labels.includes('（一）'));
    const four = items.find((i) => i.label === '四、')!;
    assert.equal(four.detail, '一级标题');
  });

  test('(a) a partly typed marker is replaced', async () => {
    const v = await c.append(uri, '四');
    await c.waitForDiagnostics(uri, v);
    const items = await complete(uri, lastLine(), 1);
    const four = items.find((i) => i.label === '四、');
    assert.ok(four && four.textEdit && 'range' in four.textEdit);
    assert.deepEqual(four.textEdit.range, { start: { line: lastLine(), character: 0 }, end: { line: lastLine(), character: 1 } });
    await c.replace(uri, '\n四', '\n');
  });

  test('(b) after a heading marker: relationships, uncovered first, with status and counts', async () => {
    const v = await c.append(uri, '四、');
    await c.waitForDiagnostics(uri, v);
    const items = await complete(uri, lastLine(), 2, '、');
    const plain = items.filter((i) => i.kind !== 15);
    const open = plain.find((i) => i.label === '处理好数据开放与数据安全的关系');
    assert.ok(open, 'open-data-security offered');
    assert.match(open.detail ?? '', /只写了一方面 · 数据开放 6 · 数据安全 0/);
    assert.ok(open.textEdit && 'range' in open.textEdit);
    assert.equal(open.textEdit.newText, '处理好数据开放与数据安全的关系');
    assert.deepEqual(open.textEdit.range.start, { line: lastLine(), character: 2 });
    const central = plain.find((i) => i.label === '处理好中央与地方的关系');
    assert.ok(central);
    assert.match(central.detail ?? '', /两方面兼顾/);
    const order = sorted(plain).map((i) => i.label);
    assert.ok(order.indexOf(open.label) < order.indexOf(central.label), 'an uncovered relationship sorts before a balanced one');
    // Every balanced relationship comes after every uncovered one.
    const firstBalanced = sorted(plain).findIndex((i) => /两方面兼顾/.test(i.detail ?? ''));
    assert.ok(sorted(plain).slice(firstBalanced).every((i) => /两方面兼顾|已写到/.test(i.detail ?? '')));
  });

  test('(c) after a heading marker: a snippet with the whole section', async () => {
    const items = await complete(uri, lastLine(), 2, '、');
    const snippet = items.find((i) => i.kind === 15 && i.label.startsWith('处理好数据开放与数据安全的关系'));
    assert.ok(snippet, 'snippet item');
    assert.equal(snippet.insertTextFormat, 2);
    assert.ok(snippet.textEdit && 'range' in snippet.textEdit);
    const text = snippet.textEdit.newText;
    assert.ok(text.startsWith('处理好数据开放与数据安全的关系\n坚持开放共享与安全可控并重'), text);
    assert.match(text, /完善数据共享的授权/);
    assert.ok(text.endsWith('$0'));
    await c.replace(uri, '\n四、', '\n');
  });

  test('(b) after typing 处理好: the typed prefix is replaced', async () => {
    const v = await c.append(uri, '要处理好');
    await c.waitForDiagnostics(uri, v);
    const line = lastLine();
    const items = await complete(uri, line, 5, '好');
    const item = items.find((i) => i.label === '处理好短期目标与长期目标的关系');
    assert.ok(item && item.textEdit && 'range' in item.textEdit);
    assert.deepEqual(item.textEdit.range, { start: { line, character: 1 }, end: { line, character: 4 } });
    assert.equal(item.textEdit.newText, '处理好短期目标与长期目标的关系');
    assert.equal(items.some((i) => i.kind === 15), false, 'no section snippet in running text');
    await c.replace(uri, '\n要处理好', '\n');
  });

  test('(b) a phrase ending in 关系 is replaced by the chosen relationship', async () => {
    const v = await c.append(uri, '同时，统筹开放与安全的关系');
    await c.waitForDiagnostics(uri, v);
    const line = lastLine();
    const items = await complete(uri, line, '同时，统筹开放与安全的关系'.length);
    const item = items.find((i) => i.label === '处理好数据开放与数据安全的关系');
    assert.ok(item && item.textEdit && 'range' in item.textEdit);
    assert.deepEqual(item.textEdit.range.start, { line, character: 3 });
    assert.equal(item.filterText, '统筹开放与安全的关系', 'the typed phrase does not filter the list away');
    await c.replace(uri, '\n同时，统筹开放与安全的关系', '\n');
  });

  test('nothing in running prose', async () => {
    const items = await complete(uri, 2, 4);
    assert.deepEqual(items, []);
  });
});

describe('document symbols and folding', () => {
  const uri = 'untitled:symbols.txt';
  before(() => openDraft(uri, OUTLINE_ERROR));

  test('a tree of headings: name = marker + title, kind by level, section and heading ranges', async () => {
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['一、总体要求', '二、处理好中央与地方的关系'],
    );
    const [first, second] = symbols;
    assert.equal(first.kind, 3, 'Namespace for level 1');
    assert.deepEqual(first.children?.map((s) => [s.name, s.kind]), [
      ['（一）指导思想', 2],
      ['（三）工作目标', 2],
    ]);
    assert.deepEqual(first.selectionRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
    assert.deepEqual(first.range.start, { line: 1, character: 0 });
    assert.deepEqual(first.range.end, { line: 5, character: '鼓励开放数据利用。'.length });
    assert.equal(second.detail, '中央与地方', 'a heading that names a relationship says so');
  });

  test('one folding range per section', async () => {
    const ranges = await c.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const pairs = ranges.map((r) => [r.startLine, r.endLine]).sort((a, b) => a[0] - b[0]);
    assert.deepEqual(pairs, [
      [1, 5],
      [2, 3],
      [4, 5],
      [6, 7],
    ]);
  });
});

describe('Markdown drafts', () => {
  const uri = 'untitled:draft.md';
  const text = [
    '# 关于推进数据开放的意见',
    '',
    '## 一、总体要求',
    '',
    '推进数据开放，扩大公共数据开放范围，鼓励开放数据利用。',
    '',
    '## 二、处理好中央与地方的关系',
    '',
    '中央统筹部署，地方抓好落实。',
    '',
    '## 四、',
  ].join('\n');
  before(() => openDraft(uri, text, 'markdown'));

  test('symbols carry the 公文 marker, not the # prefix', async () => {
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = (list: DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    assert.ok(names(symbols).includes('一、总体要求'), JSON.stringify(names(symbols)));
    assert.ok(names(symbols).includes('二、处理好中央与地方的关系'));
  });

  test('after “## 四、”: relationships, and snippets with blank lines between paragraphs', async () => {
    const items = await complete(uri, 10, 5, '、');
    const snippet = items.find((i) => i.kind === 15 && i.label.startsWith('处理好数据开放与数据安全的关系'));
    assert.ok(snippet && snippet.textEdit && 'range' in snippet.textEdit);
    assert.deepEqual(snippet.textEdit.range.start, { line: 10, character: 5 });
    assert.match(snippet.textEdit.newText, /^处理好数据开放与数据安全的关系\n\n坚持开放共享.*\n\n完善数据共享/s);
  });

  test('hover on a Markdown heading that names a relationship', async () => {
    const h = await hover(uri, '处理好中央与地方的关系', 1);
    assert.match(((h?.contents ?? { value: '' }) as MarkupContent).value, /中央与地方/);
  });
});

describe('coverage', () => {
  test('policyReview/coverage: items per relationship and element, statuses, counts, first mentions, problems', async () => {
    const uri = 'untitled:coverage.txt';
    await openDraft(uri, ONE_SIDED);
    const cov = await c.request<CoverageResult>('policyReview/coverage', { uri });
    assert.equal(cov.uri, uri);
    assert.equal(cov.version, 1);
    assert.equal(cov.reviewed, true);
    assert.equal(cov.engaged, true);
    const open = cov.items.find((i) => i.id === 'open-data-security')!;
    assert.equal(open.kind, 'relationship');
    assert.equal(open.status, 'one-sided');
    assert.equal(open.enabled, true);
    assert.deepEqual(open.sides.map((s) => [s.label, s.count]), [
      ['数据开放', 6],
      ['数据安全', 0],
    ]);
    assert.deepEqual(open.sides[0].first, { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } });
    assert.equal(open.sides[1].first, undefined);
    const party = cov.items.find((i) => i.id === 'party-leadership')!;
    assert.equal(party.kind, 'element');
    assert.equal(party.status, 'missing');
    assert.equal(cov.problems.warning, 1);
    assert.ok(cov.problems.information >= 2);
  });
});

describe('in the client\'s language', () => {
  test('an editor running in English gets diagnostics, hovers, actions, completions and reasons in English alone', async () => {
    const en = await TestClient.start({ settings: { debounceMs: 30 }, locale: 'en' });
    try {
      const uri = 'untitled:english.txt';
      await en.open(uri, ONE_SIDED);
      const pub = await en.waitForDiagnostics(uri, 1);
      const d = pub.diagnostics.find((x) => x.code === 'open-data-security')!;
      assert.match(d.message as string, /^“Open data and data security” is one-sided: 数据开放 is discussed/);
      assert.doesNotMatch(d.message as string, /只写了|请补充/);
      const h = await en.request<Hover>('textDocument/hover', { textDocument: { uri }, position: en.positionOf(uri, '开放数据', 1) });
      const value = (h.contents as MarkupContent).value;
      assert.match(value, /\*\*Open data and data security\*\*/);
      assert.match(value, /Opening data releases the value/);
      assert.match(value, /Status: one-sided/);
      assert.doesNotMatch(value, /数据开放能够释放|状态|依据/);
      const actions = await en.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      assert.ok(actions.some((a) => a.title === 'Add a paragraph on 数据安全'), JSON.stringify(actions.map((a) => a.title)));
      const cov = await en.request<CoverageResult>('policyReview/coverage', { uri });
      assert.match(cov.scope?.[0].reason ?? '', /^the title names /);
      assert.equal(cov.items.find((i) => i.id === 'open-data-security')?.name, 'Open data and data security');
    } finally {
      await en.stop();
    }
  });
});

describe('where no native segmenter loads', () => {
  test('the server falls back to the WebAssembly segmenter, says so once, and reviews the same', async () => {
    const c2 = await TestClient.start({ settings: { debounceMs: 30 }, env: { POLICY_REVIEW_NATIVE: 'off' } });
    try {
      const uri = 'untitled:wasm.txt';
      await c2.open(uri, ONE_SIDED);
      const pub = await c2.waitForDiagnostics(uri, 1, 60_000);
      assert.ok(pub.diagnostics.some((d) => d.code === 'open-data-security'), JSON.stringify(pub.diagnostics.map((d) => d.code)));
      const cov = await c2.request<CoverageResult>('policyReview/coverage', { uri });
      assert.match(cov.notice ?? '', /WebAssembly/);
      assert.equal(c2.logs.filter((l) => /已改用 WebAssembly/.test(l.message)).length, 1, 'said once in the log');
      assert.ok(c2.logs.some((l) => /分词后端 wasm 已加载/.test(l.message)));
      assert.equal(c2.messages.filter((m) => m.type === 1).length, 0, 'no error shown: the review goes on');
      // The same diagnostics as with the native segmenter.
      const native = await TestClient.start({ settings: { debounceMs: 30 } });
      try {
        await native.open(uri, ONE_SIDED);
        const n = await native.waitForDiagnostics(uri, 1);
        assert.deepEqual(pub.diagnostics, n.diagnostics);
      } finally {
        await native.stop();
      }
    } finally {
      await c2.stop();
    }
  });
});
