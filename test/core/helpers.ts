/** Shared by the core tests: the built-in packs and one analyser per backend, loaded once. */
import * as path from 'node:path';
import { Analyzer, type RulePack, type SegmenterBackend } from '../../core/src';
import { builtinRuleFiles, createSegmenter, loadRulePacks } from '../../host/src';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const RULES_DIR = path.join(ROOT, 'rules');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

let packs: RulePack[] | undefined;
const analyzers = new Map<SegmenterBackend, Analyzer>();

export function builtinPacks(): RulePack[] {
  if (!packs) {
    const res = loadRulePacks(builtinRuleFiles(RULES_DIR));
    if (res.errors.length) throw new Error(res.errors.map((e) => `${e.file} ${e.field} ${e.message}`).join('\n'));
    packs = res.packs;
  }
  return packs;
}

export function analyzer(backend: SegmenterBackend = 'node-rs'): Analyzer {
  let a = analyzers.get(backend);
  if (!a) {
    const p = builtinPacks();
    a = new Analyzer(p, createSegmenter(backend, Analyzer.words(p)));
    analyzers.set(backend, a);
  }
  return a;
}

/** Count of mentions per side of one relationship in a text. */
export function counts(text: string, id: string, language: 'markdown' | 'plaintext' = 'plaintext'): [number, number] {
  const r = analyzer().analyze(text, { language });
  const c = r.coverage.find((x) => x.relationship === id);
  if (c) return [c.sides[0].count, c.sides[1].count];
  const e = r.elements.find((x) => x.element === id);
  if (e) return [e.count, 0];
  throw new Error(`unknown id ${id}`);
}
