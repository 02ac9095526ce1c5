/**
 * `npm run fuzz`: the property tests and the server sessions with random seeds and many more
 * cases, then the time the analysis takes per megabyte at growing sizes and the peak memory.
 * Prints a report; exits 1 when a property fails or time grows faster than the size.
 *
 *   npm run fuzz                       a random seed (printed)
 *   npm run fuzz -- --seed 123         that seed again
 *   npm run fuzz -- --runs 500 --sessions 10 --sizes 0.1,0.5,1   (--sizes none: no timing)
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { utf8Length } from '../../core/src';
import { analyzer, builtinPacks } from '../core/helpers';
import { TestClient } from '../server/lspClient';
import { LARGE, largeDraft, packTerms, SMALL } from './drafts';
import { analysisProperties } from './properties';
import { failures, playSession, sessions, type SessionStats } from './sequences';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const seed = Number(option('seed', String(Math.floor(Math.random() * 2 ** 31))));
const runs = Number(option('runs', '3000'));
const sessionRuns = Number(option('sessions', '40'));
const sizesOption = option('sizes', '0.1,0.5,1,2,4');
const sizes = sizesOption === 'none' ? [] : sizesOption.split(',').map(Number);
/** Linear enough: the last marginal ms/MB at most this many times the first. */
const LINEAR = 1.5;
const MB = 1 << 20;

let failed = 0;
const a = analyzer();
const packs = builtinPacks();
const terms = packTerms(packs);

function short(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 600 ? `${s.slice(0, 600)}… (${s.length} characters)` : s;
}

function report<T>(name: string, d: fc.RunDetails<T>, ms: number): void {
  const status = d.failed ? 'FAIL' : 'ok  ';
  console.log(`  ${status} ${String(d.numRuns).padStart(6)} cases ${String(Math.round(ms)).padStart(7)} ms  ${name}`);
  if (d.failed) {
    failed++;
    console.log(`       seed ${d.seed}, path "${d.counterexamplePath}"`);
    console.log(`       counterexample: ${short(d.counterexample)}`);
    console.log(`       ${String(d.errorInstance instanceof Error ? d.errorInstance.message : d.errorInstance).split('\n').slice(0, 3).join('\n       ')}`);
  }
}

function properties(): number {
  let cases = 0;
  for (const [label, sz, n] of [['small', SMALL, runs], ['large', LARGE, Math.max(1, Math.round(runs / 20))]] as const) {
    console.log(`\nProperties of the analysis, ${label} drafts (${n} cases each):`);
    for (const { name, property } of analysisProperties(a, packs, sz)) {
      const t = performance.now();
      const d = fc.check(property, { seed, numRuns: n });
      report(name, d, performance.now() - t);
      cases += d.numRuns;
    }
  }
  return cases;
}

async function serverSessions(): Promise<{ cases: number; totals: SessionStats }> {
  console.log(`\nServer sessions (${sessionRuns} sessions of up to 60 steps over 4 documents):`);
  const settings = { debounceMs: 5 };
  const [c, ref] = await Promise.all([TestClient.start({ settings }), TestClient.start({ settings })]);
  const totals: SessionStats = { requests: 0, changes: 0, commandErrors: 0 };
  const ids = packs.flatMap((p) => [...p.relationships, ...(p.elements ?? [])].map((d) => d.id));
  const t = performance.now();
  try {
    const d = await fc.check(
      fc.asyncProperty(sessions(terms, ids, 4, 60), async (s) => {
        const st = await playSession(c, ref, s);
        totals.requests += st.requests;
        totals.changes += st.changes;
        totals.commandErrors += st.commandErrors;
      }),
      { seed, numRuns: sessionRuns, endOnFailure: true },
    );
    report('every request answered, the server up, documents equal to the reference copies', d, performance.now() - t);
    const problems = [...failures(c), ...(/uncaught|unhandled/i.test(c.stderr) ? [c.stderr] : [])];
    if (problems.length) {
      failed++;
      console.log(`  FAIL the server logged failures:\n       ${problems.slice(0, 5).join('\n       ')}`);
    }
    console.log(`       ${totals.changes} changes, ${totals.requests} requests (${totals.commandErrors} commands refused with RequestFailed), ${c.applyEditRequests.length} edits applied by commands`);
    return { cases: d.numRuns, totals };
  } finally {
    await Promise.all([c.stop(), ref.stop()]);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[s.length >> 1];
}

/** Milliseconds to analyse text, median of `times` analyses of different texts of that size. */
function timeOf(make: (seed: number) => string, times = 3): { ms: number; mb: number } {
  const ms: number[] = [];
  let bytes = 0;
  for (let k = 0; k < times; k++) {
    const text = make(seed + k * 7919);
    bytes = utf8Length(text);
    const t = performance.now();
    a.analyze(text, { language: 'plaintext' });
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), mb: bytes / MB };
}

/** Peak resident set size of this process so far, in MB. */
const peakRss = (): string => `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;

function scaling(): void {
  if (!sizes.length) return;
  console.log('\nTime per megabyte (1 MB = 2^20 bytes of UTF-8; median of 3 generated drafts per size, plain text):');
  timeOf((s) => largeDraft(terms, 20_000, s), 2); // warm up
  console.log('      MB        ms     ms/MB   marginal ms/MB');
  const rows: { mb: number; ms: number }[] = [];
  for (const size of sizes) {
    const r = timeOf((s) => largeDraft(terms, Math.round((size * MB) / 3), s));
    const prev = rows[rows.length - 1];
    const marginal = prev ? (r.ms - prev.ms) / (r.mb - prev.mb) : undefined;
    rows.push(r);
    console.log(`  ${r.mb.toFixed(2).padStart(6)} ${r.ms.toFixed(0).padStart(9)} ${(r.ms / r.mb).toFixed(0).padStart(9)} ${marginal === undefined ? '' : marginal.toFixed(0).padStart(16)}`);
  }
  if (rows.length >= 3) {
    const first = (rows[1].ms - rows[0].ms) / (rows[1].mb - rows[0].mb);
    const n = rows.length;
    const last = (rows[n - 1].ms - rows[n - 2].ms) / (rows[n - 1].mb - rows[n - 2].mb);
    const ratio = last / first;
    const linear = ratio <= LINEAR;
    if (!linear) failed++;
    console.log(`  ${linear ? 'ok  ' : 'FAIL'} last marginal ÷ first marginal = ${ratio.toFixed(2)} (at most ${LINEAR} counts as linear)`);
  }
  console.log('\nOne long line (no line break), 1 MB:');
  for (const [name, make] of [
    ['a draft with its line breaks removed', (s: number) => largeDraft(terms, Math.round(MB / 3), s).replace(/\n/g, '')],
    ['、 repeated', () => '、'.repeat(Math.round(MB / 3))],
    ['（一） repeated', () => '（一）'.repeat(Math.round(MB / 9))],
    ['第一条 repeated', () => '第一条'.repeat(Math.round(MB / 9))],
    ['😀 repeated (surrogate pairs)', () => '😀'.repeat(Math.round(MB / 4))],
  ] as const) {
    const r = timeOf(make, 1);
    console.log(`  ${r.ms.toFixed(0).padStart(7)} ms  ${name} (${r.mb.toFixed(2)} MB)`);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`npm run fuzz — seed ${seed} (again: npm run fuzz -- --seed ${seed})`);
  const cases = properties();
  const afterProperties = peakRss();
  const server = await serverSessions();
  scaling();
  console.log(`\n${cases} analysis cases and ${server.cases} server sessions in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`peak RSS of this process: ${afterProperties} after the properties, ${peakRss()} at the end (the servers run in their own processes)`);
  console.log(failed ? `${failed} check(s) failed` : 'all checks passed');
  process.exitCode = failed ? 1 : 0;
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
