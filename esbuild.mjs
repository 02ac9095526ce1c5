// Builds every bundle into dist/: the extension client, the language server, the CLI and the tests.
// Native segmenters stay external: they are loaded from node_modules at run time, never bundled.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** All *.ts files under dir whose name matches re. */
function find(dir, re, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, re, out);
    else if (re.test(name)) out.push(p);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  external: ['vscode', '@node-rs/jieba', '@node-rs/jieba/dict', 'nodejieba', 'jieba-wasm', 'playwright-core', 'mocha', '@vscode/test-electron'],
};

const apps = [
  { entryPoints: { client: 'client/src/extension.ts' } },
  { entryPoints: { server: 'server/src/main.ts' } },
  // The CLI needs Ajv and the YAML parser only on rare paths (see core/src/rules.ts): it loads them
  // from node_modules then, instead of parsing them on every start.
  { entryPoints: { cli: 'cli/src/main.ts' }, external: [...common.external, 'ajv', 'yaml'] },
  { entryPoints: { 'cli-worker': 'cli/src/worker.ts' }, external: [...common.external, 'ajv', 'yaml'] },
  // `npm run bench`; autocorrect-node (the reference checker) is a native module, loaded at run time.
  { entryPoints: { 'bench/bench': 'bench/bench.ts' }, external: [...common.external, 'autocorrect-node'] },
  // `npm run eval`: the labelled corpus against the analysis.
  { entryPoints: { 'eval/evaluate': 'eval/evaluate.ts' } },
].filter((b) => Object.values(b.entryPoints).every((f) => existsSync(f)));

// Tests: every *.test.ts under test/, plus test entry points (index.ts, run-*.ts) under test/e2e and
// the fuzz run (test/fuzz/run.ts, `npm run fuzz`).
const testEntries = [
  ...find('test', /\.test\.ts$/),
  ...find('test/e2e', /^(index|run-[\w-]+)\.ts$/),
  ...find('test/fuzz', /^run\.ts$/),
];
const tests = testEntries.length
  ? [{ entryPoints: Object.fromEntries(testEntries.map((f) => [relative('.', f).replace(/\.ts$/, ''), f])), outbase: '.' }]
  : [];

rmSync('dist', { recursive: true, force: true });
const builds = [
  ...apps.map((b) => ({ ...common, ...b, outdir: 'dist' })),
  ...tests.map((b) => ({ ...common, ...b, outdir: 'dist' })),
];
if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
