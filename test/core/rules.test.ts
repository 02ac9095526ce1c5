/** Every example of every pack, and bad packs reported with file and field without crashing. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatRulePackError, parseRulePack } from '../../core/src';
import { builtinRuleFiles, loadRulePacks } from '../../host/src';
import { analyzer, builtinPacks, RULES_DIR } from './helpers';

describe('rule pack examples', () => {
  const packs = builtinPacks();
  test('the built-in pack has the contracted ids', () => {
    const ids = packs.flatMap((p) => p.relationships.map((r) => r.id));
    for (const id of [
      'technology-people', 'development-security', 'technology-government', 'technology-management', 'central-local',
      'public-private', 'egovernment-edemocracy', 'open-data-security', 'infrastructure-application', 'service-demand',
      'short-long-term', 'investment-benefit', 'policy-making-execution', 'agility-inclusiveness',
    ]) assert.ok(ids.includes(id), id);
    assert.ok(packs.some((p) => p.elements?.some((e) => e.id === 'party-leadership')));
  });
  for (const pack of packs) {
    for (const r of pack.relationships) {
      test(`${pack.id}/${r.id}: positive examples mention both sides, negative ones do not`, () => {
        for (const s of r.examples.positive) {
          const c = analyzer().analyze(s).coverage.find((x) => x.relationship === r.id)!;
          assert.ok(c.sides[0].count > 0 && c.sides[1].count > 0, `positive: ${s} → ${JSON.stringify(c.sides)}`);
        }
        for (const s of r.examples.negative) {
          const c = analyzer().analyze(s).coverage.find((x) => x.relationship === r.id)!;
          assert.ok(c.sides[0].count === 0 || c.sides[1].count === 0, `negative: ${s} → ${JSON.stringify(c.sides)}`);
        }
      });
      test(`${pack.id}/${r.id}: the template's title names the relationship and its body treats both sides`, () => {
        const text = `一、${r.template.title}\n${r.template.body.join('\n')}\n`;
        const res = analyzer().analyze(text);
        assert.ok(res.outline[0]?.names.includes(r.id), `title ${r.template.title} names ${r.id}`);
        assert.equal(res.findings.filter((f) => f.relationship === r.id && f.scope === 'section').length, 0);
      });
      r.sides.forEach((side, i) => {
        if (!side.paragraph) return;
        test(`${pack.id}/${r.id}: the paragraph for ${side.label} mentions that side only`, () => {
          const c = analyzer().analyze(side.paragraph!).coverage.find((x) => x.relationship === r.id)!;
          // A side written in generic words only (发展) shows them, set aside for want of context.
          const generic = c.setAside.filter((m) => m.side === i && m.reason === 'generic').length;
          assert.ok(c.sides[i].count > 0 || (generic > 0 && side.aliases.length === 0), side.paragraph);
          assert.equal(c.sides[1 - i].count, 0, side.paragraph);
        });
      });
    }
    for (const e of pack.elements ?? []) {
      test(`${pack.id}/${e.id}: element examples`, () => {
        for (const s of e.examples.positive) assert.ok(analyzer().analyze(s).elements.find((x) => x.element === e.id)!.count > 0, s);
        for (const s of e.examples.negative) assert.equal(analyzer().analyze(s).elements.find((x) => x.element === e.id)!.count, 0, s);
      });
    }
  }
});

describe('bad rule packs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-rules-'));
  const good = JSON.parse(fs.readFileSync(path.join(RULES_DIR, 'digital-government.json'), 'utf8'));
  const write = (name: string, content: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };

  test('a syntax error is reported with file and line, and the other packs still load', () => {
    const bad = write('broken.json', '{\n  "id": "x",\n  "relationships": [\n');
    const res = loadRulePacks([...builtinRuleFiles(RULES_DIR), bad]);
    assert.equal(res.packs.length, 1);
    assert.ok(res.errors.length >= 1);
    assert.equal(res.errors[0].file, bad);
    assert.ok(res.errors[0].line! >= 1);
    assert.match(formatRulePackError(res.errors[0]), /broken\.json:\d+:\d+/);
  });

  test('a missing field names its JSON pointer and line', () => {
    const copy = structuredClone(good);
    copy.id = 'other-pack';
    copy.relationships = [structuredClone(good.relationships[0])];
    copy.relationships[0].id = 'my-relationship';
    delete copy.relationships[0].explanation;
    delete copy.elements;
    const bad = write('missing.json', JSON.stringify(copy, null, 2));
    const res = loadRulePacks([bad]);
    assert.equal(res.packs.length, 0);
    const e = res.errors.find((x) => x.field === '/relationships/0');
    assert.ok(e, JSON.stringify(res.errors));
    assert.match(e!.message, /explanation/);
    assert.ok(e!.line! > 1);
  });

  test('a wrong type and an alias on both sides are reported', () => {
    const copy = structuredClone(good);
    copy.id = 'typed';
    copy.relationships = [structuredClone(good.relationships[1])];
    copy.relationships[0].id = 'typed-rel';
    copy.relationships[0].sides[0].aliases = '发展';
    delete copy.elements;
    const res1 = loadRulePacks([write('type.json', JSON.stringify(copy, null, 2))]);
    assert.ok(res1.errors.some((e) => e.field === '/relationships/0/sides/0/aliases' && /array/.test(e.message)), JSON.stringify(res1.errors));
    copy.relationships[0].sides[0].aliases = ['发展', '安全'];
    const res2 = loadRulePacks([write('both.json', JSON.stringify(copy, null, 2))]);
    assert.ok(res2.errors.some((e) => /两侧|both sides/.test(e.message)), JSON.stringify(res2.errors));
  });

  test('substance names a kind of commitment, never a pattern, and raiseWhen takes only its two values', () => {
    const copy = structuredClone(good);
    copy.id = 'substance';
    copy.relationships = [structuredClone(good.relationships[0])];
    copy.relationships[0].id = 'substance-rel';
    copy.relationships[0].sides[0].substance = ['[0-9]+万元'];
    delete copy.elements;
    const res = loadRulePacks([write('substance.json', JSON.stringify(copy, null, 2))]);
    assert.equal(res.packs.length, 0);
    assert.ok(res.errors.some((e) => e.field === '/relationships/0/sides/0/substance/0'), JSON.stringify(res.errors));
    copy.relationships[0].sides[0].substance = ['amount'];
    copy.relationships[0].raiseWhen = 'always';
    const res2 = loadRulePacks([write('raise.json', JSON.stringify(copy, null, 2))]);
    assert.ok(res2.errors.some((e) => e.field === '/relationships/0/raiseWhen'), JSON.stringify(res2.errors));
  });

  test('a YAML pack with an alias bomb is one error naming the file; the other packs load', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    lines.push('id: bomb', 'name: bomb', 'version: "1"', 'relationships: [*i]');
    const bomb = write('bomb.yaml', lines.join('\n') + '\n');
    const res = loadRulePacks([...builtinRuleFiles(RULES_DIR), bomb]);
    assert.equal(res.packs.length, 1, 'the built-in pack still loads');
    assert.equal(res.errors.length, 1, JSON.stringify(res.errors));
    assert.equal(res.errors[0].file, bomb);
    assert.match(formatRulePackError(res.errors[0]), /bomb\.yaml/);
  });

  test('a YAML pack loads, and a duplicate id keeps the first definition', () => {
    const copy = structuredClone(good);
    copy.id = 'yaml-pack';
    copy.relationships = [structuredClone(good.relationships[0])];
    delete copy.elements;
    delete copy.$schema;
    // Written as people write YAML: comments, an anchor and its alias, a block scalar.
    const r = copy.relationships[0];
    const q = (v: string) => JSON.stringify(v);
    const list = (xs: string[], pad: string) => xs.map((x) => `${pad}- ${q(x)}`).join('\n');
    const yamlText = [
      '# 一个手写的规则包',
      `id: yaml-pack`,
      `name: ${q(copy.name)}`,
      `version: ${q(copy.version)}`,
      'relationships:',
      `  - id: ${r.id} # 与内置包重复：保留先定义的`,
      `    name: ${q(r.name)}`,
      '    sides:',
      ...(r.sides as { label: string; aliases: string[] }[]).map((s) => `      - label: ${q(s.label)}\n        aliases:\n${list(s.aliases, '          ')}`),
      '    explanation: |',
      `      ${r.explanation}`,
      '      第二行说明。',
      `    source: &src ${q(r.source)}`,
      '    template:',
      `      title: ${q(r.template.title)}`,
      '      body:',
      list(r.template.body, '        '),
      '    examples:',
      '      positive:',
      list(r.examples.positive, '        '),
      '      negative:',
      list(r.examples.negative, '        '),
      `  - id: yaml-only`,
      `    name: 示例关系`,
      '    sides:',
      '      - label: 甲方面\n        aliases: [甲方面词]',
      '      - label: 乙方面\n        aliases: [乙方面词]',
      '    explanation: >',
      '      折叠的',
      '      说明。',
      '    source: *src',
      '    template: { title: 处理好甲方面与乙方面的关系, body: [甲方面词与乙方面词并重。] }',
      '    examples: { positive: [甲方面词和乙方面词。], negative: [只有甲方面词。] }',
    ].join('\n');
    const p = write('pack.yaml', yamlText + '\n');
    const res = loadRulePacks([...builtinRuleFiles(RULES_DIR), p]);
    assert.equal(res.packs.length, 2, JSON.stringify(res.errors));
    // The duplicate id keeps its first definition; the new relationship loads, with the YAML read as YAML.
    assert.deepEqual(res.packs[1].relationships.map((x) => x.id), ['yaml-only']);
    const only = res.packs[1].relationships[0];
    assert.equal(only.source, r.source, 'the alias resolves to the anchored value');
    assert.equal(only.explanation, '折叠的 说明。\n', 'a folded block scalar');
    assert.ok(res.errors.some((e) => e.file === p && /already defined|已在/.test(e.message)));
  });

  test('a pack with a hundred thousand aliases is validated, and a repeated one found among them', () => {
    const big = structuredClone(good);
    big.relationships[0].sides[0].aliases = Array.from({ length: 100_000 }, (_, i) => `词${i}号`);
    assert.deepEqual(parseRulePack(JSON.stringify(big), 'big.json').errors, []);
    big.relationships[0].sides[0].aliases.push('词77号');
    const errors = parseRulePack(JSON.stringify(big, null, 1), 'dup.json').errors;
    assert.equal(errors.length, 1);
    assert.equal(errors[0].field, '/relationships/0/sides/0/aliases');
    assert.match(errors[0].message, /重复/);
  });

  test('an unreadable file is an error, not an exception', () => {
    const res = loadRulePacks([path.join(dir, 'nope.json')]);
    assert.equal(res.packs.length, 0);
    assert.match(res.errors[0].message, /ENOENT/);
  });
});
