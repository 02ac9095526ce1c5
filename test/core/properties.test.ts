/**
 * Property tests of the analysis on arbitrary text (see test/fuzz/properties.ts): a fixed seed and
 * few cases, so a failure here is reproducible and the suite stays fast. `npm run fuzz` runs the
 * same properties with random seeds and many more cases.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzer, builtinPacks } from './helpers';
import { analysisProperties } from '../fuzz/properties';

const SEED = 20240614;
const RUNS = 120;

for (const { name, property } of analysisProperties(analyzer(), builtinPacks())) {
  test(name, () => {
    fc.assert(property, { seed: SEED, numRuns: RUNS });
  });
}
