/**
 * The properties of the analysis, as fast-check properties: run with a fixed seed and few cases by
 * test/core/properties.test.ts, with random seeds and many cases by `npm run fuzz`.
 */
import fc from 'fast-check';
import type { Analyzer, LanguageKind, RulePack } from '../../core/src';
import { anyDraft, fraction, packTerms, SMALL, type DraftSizes } from './drafts';
import { checkAnalysis, checkLspEditUndo, checkPlanned, type PlanChoice } from './invariants';

const choice: fc.Arbitrary<PlanChoice> = fc.record({
  planner: fc.constantFrom('disable', 'section', 'paragraph', 'renumber', 'markers'),
  pick: fc.integer({ min: 0, max: 9_999 }).map((n) => n / 10_000),
  at: fraction,
  side: fc.constantFrom(0 as const, 1 as const),
  underHeading: fc.boolean(),
});

export interface NamedProperty {
  name: string;
  property: fc.IPropertyWithHooks<unknown> | fc.IProperty<unknown>;
}

/** The properties, over drafts of the given sizes. */
export function analysisProperties(analyzer: Analyzer, packs: RulePack[], sizes: DraftSizes = SMALL): NamedProperty[] {
  const terms = packTerms(packs);
  const text = anyDraft(terms, sizes);
  const offsets = fc.array(fraction, { maxLength: 8 });
  const props: NamedProperty[] = [];
  for (const language of ['plaintext', 'markdown'] as LanguageKind[]) {
    props.push({
      name: `${language}: the analysis returns; ranges inside the text, off surrogate pairs; lines as the LSP counts them`,
      property: fc.property(text, offsets, (t, fs) => {
        checkAnalysis(analyzer, t, language, fs.map((f) => Math.floor(f * (t.length + 1))));
      }),
    });
    props.push({
      name: `${language}: every edit the editor offers applies where planned and undoes to the original`,
      property: fc.property(text, fc.array(choice, { minLength: 1, maxLength: 4 }), (t, cs) => {
        const r = analyzer.analyze(t, { language });
        for (const c of cs) checkPlanned(analyzer, t, r, language, c);
      }),
    });
  }
  props.push({
    name: 'any LSP edit applied and undone gives the original text',
    property: fc.property(text, fraction, fraction, text, (t, a, b, n) => checkLspEditUndo(t, a, b, n)),
  });
  return props;
}
