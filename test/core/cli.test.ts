/** The CLI as a user runs it: formats, exit codes, folders, bad input. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { ROOT, FIXTURES } from './helpers';

const BIN = path.join(ROOT, 'bin', 'policy-review.js');
/** The CLI in a shell whose locale says nothing of English (as on most servers): it speaks Chinese. */
const LOCALE_FREE = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
const runIn = (env: NodeJS.ProcessEnv, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env });
const run = (...args: string[]) => runIn(LOCALE_FREE, ...args);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-cli-'));

test('text output: path:line:col severity message [id], a coverage table, exit 1 on warnings', () => {
  const r = run('check', '--no-color', 'examples/sample-draft.md');
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^examples\/sample-draft\.md:\d+:\d+ 警告 .+ \[[a-z-]+\]$/m);
  assert.match(r.stdout, /关系覆盖/);
  assert.match(r.stdout, /数据开放与数据安全/);
  assert.doesNotMatch(r.stdout, /Coverage|one-sided| \/ /, 'one language at a time');
});

test('English where the shell runs in English, or with --lang en; Chinese otherwise', () => {
  const english = (r: ReturnType<typeof run>) => {
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^examples\/sample-draft\.md:\d+:\d+ warning “Open data and data security” is one-sided: .+ \[open-data-security\]$/m);
    assert.match(r.stdout, /^Coverage — /m);
    assert.match(r.stdout, /finding\(s\)/);
    assert.doesNotMatch(r.stdout, /关系覆盖|只写了|项发现/);
  };
  english(runIn({ ...LOCALE_FREE, LANG: 'en_US.UTF-8' }, 'check', '--no-color', 'examples/sample-draft.md'));
  english(run('check', '--lang', 'en', '--no-color', 'examples/sample-draft.md'));
  // --lang wins over the environment; the help is in the language too.
  const zh = runIn({ ...LOCALE_FREE, LANG: 'en_US.UTF-8' }, 'check', '--lang', 'zh', '--no-color', 'examples/sample-draft.md');
  assert.match(zh.stdout, /只写了“数据开放”/);
  assert.match(runIn({ ...LOCALE_FREE, LC_ALL: 'en_GB.UTF-8' }, 'check', '--help').stdout, /Review drafts/);
  assert.match(run('check', '--help').stdout, /审校文稿/);
  // Worker threads speak it too.
  const many = run('check', '--lang', 'en', '--jobs', '2', '--format', 'json', 'examples/sample-draft.md', 'test/fixtures');
  const messages = (JSON.parse(many.stdout).files as { findings: { message: string }[] }[]).flatMap((f) => f.findings.map((x) => x.message));
  assert.ok(messages.length > 3 && messages.every((m) => !/[只写了标题序号]/.test(m)), messages.join('\n'));
});

test('JSON Lines: one report per line, as they come, the same reports as JSON', () => {
  const args = ['examples/sample-draft.md', 'test/fixtures/fangan-outline-errors.txt'];
  const lines = run('check', '--format', 'jsonl', ...args).stdout.trimEnd().split('\n');
  const json = JSON.parse(run('check', '--format', 'json', ...args).stdout).files;
  assert.equal(lines.length, 2);
  assert.deepEqual(lines.map((l) => JSON.parse(l)), json);
});

test('JSON output follows the contract', () => {
  const r = run('check', '--format', 'json', 'examples/sample-draft.md', 'test/fixtures/fangan-outline-errors.txt');
  const out = JSON.parse(r.stdout);
  assert.equal(out.version, 1);
  assert.equal(out.files.length, 2);
  const f = out.files[0];
  assert.equal(f.path, 'examples/sample-draft.md');
  const rel = f.findings.find((x: { relationship?: string }) => x.relationship);
  assert.deepEqual(Object.keys(rel.range), ['start', 'end']);
  assert.equal(typeof rel.range.start.line, 'number');
  assert.ok(['one-sided', 'unbalanced', 'missing', 'missing-element'].includes(rel.kind));
  assert.ok(['document', 'section'].includes(rel.scope));
  assert.equal(f.coverage.length, 14);
  assert.ok(f.coverage.every((c: { status: string }) => ['balanced', 'one-sided', 'unbalanced', 'missing'].includes(c.status)));
  assert.ok(f.outline.every((h: object) => ['level', 'marker', 'title', 'line'].every((k) => k in h)));
  const outline = out.files[1].findings.filter((x: { kind: string }) => x.kind === 'outline');
  assert.ok(outline.length > 0);
  assert.ok(outline.every((x: { rule?: string; relationship?: string }) => x.rule && !x.relationship));
});

test('SARIF 2.1.0 output', () => {
  const r = run('check', '--format', 'sarif', 'examples/sample-draft.md');
  const s = JSON.parse(r.stdout);
  assert.equal(s.version, '2.1.0');
  const res = s.runs[0].results;
  assert.ok(res.length > 0);
  assert.ok(res.every((x: { ruleId: string; locations: unknown[] }) => x.ruleId && x.locations.length === 1));
  assert.ok(s.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'open-data-security'));
});

test('a folder is walked for .md and .txt; a clean draft exits 0', () => {
  const dir = path.join(tmp, 'walk');
  fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
  fs.copyFileSync(path.join(FIXTURES, 'letter-short.txt'), path.join(dir, 'sub', 'a.txt'));
  fs.writeFileSync(path.join(dir, 'ignored.docx'), 'x');
  const r = run('check', '--format', 'json', dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => path.basename(f.path)), ['a.txt']);
});

test('exit 2 on usage errors and unreadable input, naming the file', () => {
  assert.equal(run('check', '--format', 'xml', 'examples/sample-draft.md').status, 2);
  const missing = run('check', 'no/such/file.md');
  assert.equal(missing.status, 2);
  assert.match(missing.stdout + missing.stderr, /no\/such\/file\.md/);
  const bin = path.join(tmp, 'image.txt');
  fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
  const b = run('check', bin);
  assert.equal(b.status, 2);
  assert.match(b.stdout + b.stderr, /image\.txt.*UTF-8/);
});

test('special files are refused at once, a GB 18030 draft is read, and SARIF reports the failed execution', () => {
  // A FIFO would block a reader for ever; /dev/zero never ends. Both get one line and exit 2.
  const fifo = path.join(tmp, 'fifo.md');
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status === 0) {
    const r = spawnSync(process.execPath, [BIN, 'check', fifo], { cwd: ROOT, encoding: 'utf8', timeout: 20_000, env: LOCALE_FREE });
    assert.equal(r.status, 2, `status ${r.status} signal ${r.signal}`);
    assert.match(r.stdout, /fifo\.md: 错误 .*普通文件/);
  }
  const zero = spawnSync(process.execPath, [BIN, 'check', '/dev/zero', 'examples/sample-draft.md'], { cwd: ROOT, encoding: 'utf8', timeout: 20_000, env: LOCALE_FREE });
  assert.equal(zero.status, 2, `status ${zero.status} signal ${zero.signal}`);
  assert.match(zero.stdout, /\/dev\/zero: 错误/);
  assert.match(zero.stdout, /sample-draft\.md:\d+:\d+ 警告/, 'the rest of the batch is reviewed');
  const gbk = path.join(tmp, 'gbk.md');
  fs.writeFileSync(gbk, iconv.encode(fs.readFileSync(path.join(ROOT, 'examples', 'sample-draft.md'), 'utf8'), 'gb18030'));
  const g = run('check', gbk);
  assert.equal(g.status, 1, g.stdout + g.stderr);
  assert.match(g.stdout, /gbk\.md:\d+:\d+ 警告 .*open-data-security/);
  assert.match(g.stdout, /GB 18030/);
  const sarif = JSON.parse(run('check', '--format', 'sarif', '/dev/zero', 'examples/sample-draft.md').stdout);
  assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
  assert.equal(JSON.parse(run('check', '--format', 'sarif', 'examples/sample-draft.md').stdout).runs[0].invocations[0].executionSuccessful, true);
});

test('a file over the size limit is skipped with a warning, not reviewed', () => {
  const big = path.join(tmp, 'big.md');
  fs.writeFileSync(big, '推进数据开放。'.repeat(2000));
  const r = run('check', '--max-file-size', '1024', big);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /big\.md: 警告 .*过大/);
});

test('a bad --rules pack is reported with file and field; the built-in pack still reviews', () => {
  const bad = path.join(tmp, 'bad.json');
  fs.writeFileSync(bad, JSON.stringify({ id: 'bad', name: 'x', version: '1', relationships: [{ id: 'Bad Id' }] }));
  const r = run('check', '--format', 'json', '--rules', bad, 'examples/sample-draft.md');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bad\.json.*\/relationships\/0/);
  assert.ok(JSON.parse(r.stdout).files[0].findings.length > 0);
});

test('--config sets thresholds and disables relationships', () => {
  const cfg = path.join(tmp, 'cfg.json');
  type F = { relationship?: string; kind: string; scope: string };
  const findings = (...args: string[]) => JSON.parse(run('check', '--format', 'json', ...args, 'examples/sample-draft.md').stdout).files[0].findings as F[];
  const oneSidedOpenData = (f: F[]) => f.some((x) => x.relationship === 'open-data-security' && x.kind === 'one-sided' && x.scope === 'document');
  assert.ok(oneSidedOpenData(findings()), 'without a config the draft is one-sided on open data');
  // A threshold: with 99 mentions needed, no side is developed and the finding goes, the relationship still enabled.
  fs.writeFileSync(cfg, JSON.stringify({ minMentions: 99 }));
  assert.ok(!oneSidedOpenData(findings('--config', cfg)));
  fs.writeFileSync(cfg, JSON.stringify({ minMentions: 3 }));
  assert.ok(oneSidedOpenData(findings('--config', cfg)), 'the default value keeps it');
  // A relationship disabled: none of its findings, the others stay.
  fs.writeFileSync(cfg, JSON.stringify({ 'policyReview.relationships': { 'open-data-security': { enabled: false } } }));
  const disabled = findings('--config', cfg);
  assert.ok(!disabled.some((x) => x.relationship === 'open-data-security'));
  assert.ok(disabled.some((x) => x.relationship === 'investment-benefit'));
  fs.writeFileSync(cfg, '{"minMentions": "two"}');
  const bad = run('check', '--config', cfg, 'examples/sample-draft.md');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /minMentions/);
  // Values the server would not take are refused too, naming the file and the setting, and nothing is reviewed.
  for (const [setting, value] of [
    ['severities', { 'one-sided': 'fatal' }],
    ['minMentions', -5],
    ['balanceRatio', 1e309],
    ['segmenter', 'bogus'],
    ['rulePacks', null],
    ['relationships', { 'open-data-security': { enabled: 'no' } }],
  ] as const) {
    // 1e309 is written as such: JSON.parse reads it as Infinity.
    fs.writeFileSync(cfg, setting === 'balanceRatio' ? '{"balanceRatio": 1e309}' : JSON.stringify({ [setting]: value }));
    const r2 = run('check', '--config', cfg, 'examples/sample-draft.md');
    assert.equal(r2.status, 2, `${setting}: ${r2.stdout}${r2.stderr}`);
    assert.match(r2.stderr, new RegExp(`cfg\\.json.*${setting}|${setting}.*cfg\\.json`), r2.stderr);
    assert.equal(r2.stdout, '', `${setting}: nothing reviewed`);
  }
});

test('--segmenter wasm reviews the same; where no native module loads the CLI falls back to it and says so once', () => {
  const native = run('check', '--format', 'json', 'examples/sample-draft.md', 'test/fixtures');
  const wasm = run('check', '--format', 'json', '--segmenter', 'wasm', 'examples/sample-draft.md', 'test/fixtures');
  assert.equal(wasm.status, native.status, wasm.stderr);
  assert.equal(wasm.stdout, native.stdout);
  const off = runIn({ ...LOCALE_FREE, POLICY_REVIEW_NATIVE: 'off' }, 'check', '--format', 'json', '--jobs', '2', 'examples/sample-draft.md', 'test/fixtures');
  assert.equal(off.status, native.status, off.stderr);
  assert.equal(off.stdout, native.stdout);
  assert.equal(off.stderr.match(/已改用 WebAssembly 分词/g)?.length, 1, off.stderr);
});

test('text output: path:line:col counts from 1 and points at the finding in the file', () => {
  const file = 'examples/sample-draft.md';
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8').split(/\r?\n/);
  const out = run('check', '--no-color', file).stdout;
  const m = /^examples\/sample-draft\.md:(\d+):(\d+) 警告 .+ \[open-data-security\]$/m.exec(out);
  assert.ok(m, out);
  const at = source[Number(m[1]) - 1]?.slice(Number(m[2]) - 1) ?? '';
  assert.ok(at.startsWith('数据开放'), `line ${m[1]}, column ${m[2]} should start at 数据开放; found «${at.slice(0, 12)}»`);
});

test('SARIF regions count lines and UTF-16 columns from 1 and cover the finding', () => {
  const file = 'examples/sample-draft.md';
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8').split(/\r?\n/);
  const s = JSON.parse(run('check', '--format', 'sarif', file).stdout);
  const result = s.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'open-data-security');
  assert.ok(result, 'an open-data-security result');
  const region = result.locations[0].physicalLocation.region;
  assert.equal(region.endLine, region.startLine);
  assert.equal(source[region.startLine - 1].slice(region.startColumn - 1, region.endColumn - 1), '数据开放共享', JSON.stringify(region));
});
