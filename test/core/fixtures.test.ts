/**
 * Realistic drafts against what a careful reviewer says of them (test/fixtures/expectations.json),
 * and the seed text: every relationship its reply lists is found discussed on both sides.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzer, FIXTURES, ROOT } from './helpers';

interface Expectation {
  engaged?: boolean;
  oneSided?: string[];
  balanced?: string[];
  missing?: string[];
  sectionFindings?: { headingLine: number; relationship: string }[];
  outlineProblems?: { line: number; rule: string }[];
  headings?: { line: number; level: number; title: string }[];
}

const expectations = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expectations.json'), 'utf8')) as Record<string, Expectation>;

function locate(name: string): string {
  const inFixtures = path.join(FIXTURES, name);
  return fs.existsSync(inFixtures) ? inFixtures : path.join(ROOT, 'examples', name);
}

describe('fixture drafts', () => {
  for (const [name, exp] of Object.entries(expectations)) {
    test(name, () => {
      const file = locate(name);
      const text = fs.readFileSync(file, 'utf8');
      const r = analyzer().analyze(text, { language: name.endsWith('.md') ? 'markdown' : 'plaintext' });
      const doc = r.findings.filter((f) => f.scope === 'document');
      if (exp.engaged !== undefined) assert.equal(r.engaged, exp.engaged, 'engaged');
      if (exp.engaged === false) assert.deepEqual(r.findings.filter((f) => f.kind !== 'outline'), [], 'no relationship findings');
      for (const id of exp.oneSided ?? []) {
        assert.ok(doc.some((f) => f.kind === 'one-sided' && f.relationship === id), `one-sided ${id}: ${JSON.stringify(r.coverage.find((c) => c.relationship === id)?.sides)}`);
      }
      for (const id of exp.balanced ?? []) {
        const c = r.coverage.find((x) => x.relationship === id)!;
        assert.equal(c.status, 'balanced', `balanced ${id}: ${JSON.stringify(c.sides)}`);
        assert.ok(!doc.some((f) => f.relationship === id), `no document finding for ${id}`);
      }
      for (const id of exp.missing ?? []) {
        const c = r.coverage.find((x) => x.relationship === id)!;
        assert.equal(c.status, 'missing', `missing ${id}: ${JSON.stringify(c.sides)}`);
      }
      // The one note on what is missing lists only relationships with no word at all.
      const note = doc.find((f) => f.kind === 'missing');
      for (const id of note?.relationships ?? []) assert.equal(r.coverage.find((x) => x.relationship === id)!.status, 'missing', id);
      for (const s of exp.sectionFindings ?? []) {
        assert.ok(
          r.findings.some((f) => f.scope === 'section' && f.relationship === s.relationship && r.outline[f.heading!].line === s.headingLine),
          `section ${s.relationship} at line ${s.headingLine}: ${JSON.stringify(r.findings.filter((f) => f.scope === 'section').map((f) => [f.relationship, r.outline[f.heading!].line]))}`,
        );
      }
      if (exp.outlineProblems) {
        const got = r.findings.filter((f) => f.kind === 'outline').map((f) => `${r.outline[f.heading!].line}:${f.rule}`).sort();
        assert.deepEqual(got, exp.outlineProblems.map((p) => `${p.line}:${p.rule}`).sort());
      }
      if (exp.headings) {
        assert.deepEqual(
          r.outline.filter((h) => h.style !== 'markdown').map((h) => ({ line: h.line, level: h.level, title: h.title })),
          exp.headings,
        );
      }
    });
  }
});

test('the seed: every relationship its reply lists is discussed on both sides', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'seed.txt'), 'utf8');
  const r = analyzer().analyze(text);
  const listed = [
    'technology-management', 'central-local', 'public-private', 'egovernment-edemocracy', 'open-data-security',
    'infrastructure-application', 'service-demand', 'short-long-term', 'investment-benefit', 'policy-making-execution',
  ];
  for (const id of listed) {
    const c = r.coverage.find((x) => x.relationship === id)!;
    assert.ok(c.sides[0].count > 0 && c.sides[1].count > 0, `${id}: ${JSON.stringify(c.sides)}`);
    assert.ok(!r.findings.some((f) => f.relationship === id && (f.kind === 'one-sided' || f.kind === 'missing')), id);
  }
  // Each numbered reply line names its relationship as a heading.
  for (const id of listed) assert.ok(r.outline.some((h) => h.names.includes(id)), `heading names ${id}`);
  assert.equal(r.elements.find((e) => e.element === 'party-leadership')!.status, 'present');
});
