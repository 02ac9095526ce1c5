/**
 * Random editing sessions against the real server (see test/fuzz/sequences.ts): a fixed seed and
 * a few short sessions here; `npm run fuzz` plays many more, longer ones, with random seeds.
 */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TestClient } from './lspClient';
import { builtinPacks } from '../core/helpers';
import { packTerms } from '../fuzz/drafts';
import { failures, playSession, sessions } from '../fuzz/sequences';

const SEED = 20240614;
const SETTINGS = { debounceMs: 5 };

let c: TestClient;
let ref: TestClient;
before(async () => {
  [c, ref] = await Promise.all([TestClient.start({ settings: SETTINGS }), TestClient.start({ settings: SETTINGS })]);
});
after(async () => {
  await Promise.all([c.stop(), ref.stop()]);
});

test('random sessions: every request answered, the server up, its documents equal to the reference copies', async () => {
  const packs = builtinPacks();
  const ids = packs.flatMap((p) => [...p.relationships, ...(p.elements ?? [])].map((d) => d.id));
  await fc.assert(
    fc.asyncProperty(sessions(packTerms(packs), ids, 3, 25), async (s) => {
      await playSession(c, ref, s);
    }),
    { seed: SEED, numRuns: 6, endOnFailure: true },
  );
  assert.ok(!c.exited, 'the server is still running');
  assert.doesNotMatch(c.stderr, /uncaught|unhandled/i, 'no exception escaped a handler');
  assert.deepEqual(failures(c), [], 'no handler failed');
});
