/**
 * `npm run bench`: the performance figures of Policy Review, each measured side by side with its
 * reference in the same run (these machines are noisy, so ratios are taken between runs that
 * alternate), printed as a table with targets and PASS/FAIL. A report: it always exits 0.
 *
 *   node dist/bench/bench.js [--quick]
 *
 * --quick: fewer repetitions and a smaller scaling run (for trying things out, not for figures).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Analyzer, type AnalysisProfile, type RulePack, type Segmenter, type SegmenterBackend } from '../core/src';
import { builtinRuleFiles, createSegmenter, loadRulePacks } from '../host/src';
import { loadCorpus, makeDraft, makeDrafts, rng, type Corpus } from './drafts';
import { LspServer, delay, fileUri } from './lsp';
import { runNode, writeRssProbe } from './procs';
import { mb, median, ms, now, percentile, ratio, table, time } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'policy-review.js');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const QUICK = process.argv.includes('--quick');

interface Row {
  id: string;
  figure: string;
  value: string;
  target: string;
  ratio: string;
  pass: boolean | undefined;
}

const rows: Row[] = [];
const notes: string[] = [];

function log(s = ''): void {
  process.stdout.write(s + '\n');
}

function section(title: string): void {
  log('');
  log(`== ${title} ==`);
}

function row(r: Row): void {
  rows.push(r);
  const verdict = r.pass === undefined ? '' : r.pass ? '  PASS' : '  FAIL';
  log(`  ${r.figure}: ${r.value}${r.ratio ? ` (${r.ratio})` : ''}${r.target ? `  目标 / target ${r.target}` : ''}${verdict}`);
}

function machine(): string {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(safeRead('/proc/cpuinfo'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return `${cores} 核 / cores, ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}`;
}

function safeRead(f: string): string {
  try {
    return fs.readFileSync(f, 'utf8');
  } catch {
    return '';
  }
}

function builtinPacks(): RulePack[] {
  const { packs, errors } = loadRulePacks(builtinRuleFiles(path.join(ROOT, 'rules')));
  if (errors.length) throw new Error(`rule packs: ${errors.map((e) => e.message).join('; ')}`);
  return packs;
}

function utf8(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// 1. In-process: full analysis against segmentation of the same text.

function inProcess(packs: RulePack[], segmenters: Map<SegmenterBackend, Segmenter>, text: string): void {
  section('1. 整篇分析与分词之比（进程内）/ Full analysis against segmentation, in-process');
  const seg = segmenters.get('node-rs')!;
  const n = QUICK ? 15 : 41;
  const warm = 5;
  const segT: number[] = [];
  const fullT: number[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < n + warm; i++) {
    // A new analyser each time (its alias index built inside the timing): its cache is empty, so
    // the whole text is analysed. Only the segmenter, with its dictionary, is shared.
    const s = time(() => seg.cut(text));
    const f = time(() => new Analyzer(packs, seg).analyze(text));
    if (i < warm) continue;
    segT.push(s);
    fullT.push(f);
    pairs.push(f / s);
  }
  const r = median(pairs);
  log(`  ${text.length.toLocaleString('en')} 字 / characters, ${mb(utf8(text))} UTF-8; ${n} 对交替测量 / alternating pairs`);
  log(`  分词 / segmentation (node-rs, one cut of the whole text): median ${ms(median(segT))}`);
  log(`  整篇分析 / full analysis (cold cache): median ${ms(median(fullT))}; ratio of medians ${ratio(median(fullT) / median(segT))}`);
  // What the writer pays over plain jieba on the same text. The analysis cuts only the clauses
  // that hold an alias, so the like-with-like ratio of the work itself is the reference row below.
  row({ id: 'analysis', figure: '整篇分析 ÷ 整篇分词（同一篇 10 万字，进程内；分析只切含别名的句段）/ full analysis ÷ segmenting the whole of the same 100k text, in-process (the analysis cuts only clauses holding an alias)', value: `${ms(median(fullT))} vs ${ms(median(segT))}`, target: '≤ 1.30×', ratio: ratio(r), pass: r <= 1.3 });
  // Like with like: the analysis against segmenting exactly the clauses it hands the segmenter.
  const clauses: string[] = [];
  new Analyzer(packs, { backend: seg.backend, separators: seg.separators, cut: (t) => (clauses.push(t), seg.cut(t)) }).analyze(text);
  const same: number[] = [];
  for (let i = 0; i < n + warm; i++) {
    const s = time(() => {
      for (const c of clauses) seg.cut(c);
    });
    const f = time(() => new Analyzer(packs, seg).analyze(text));
    if (i >= warm) same.push(f / s);
  }
  const clauseChars = clauses.reduce((k, c) => k + c.length, 0);
  row({ id: 'analysis-same', figure: '整篇分析 ÷ 切分同样的句段（参考）/ full analysis ÷ segmenting the very clauses it cuts (reference, like with like)', value: `${clauseChars.toLocaleString('en')} of ${text.length.toLocaleString('en')} characters`, target: '', ratio: ratio(median(same)), pass: undefined });

  // Per phase, from the analyser's own profile (averaged over a few cold analyses).
  const profile: AnalysisProfile = { segment: 0, match: 0, outline: 0, findings: 0 };
  const k = QUICK ? 5 : 15;
  for (let i = 0; i < k; i++) new Analyzer(packs, seg).analyze(text, { profile });
  const cutChars = segmentedShare(packs, seg, text);
  log(
    table(
      ['阶段 / phase', '平均 / mean', '说明 / note'],
      [
        ['分词 / segmentation', ms(profile.segment / k), `${(cutChars * 100).toFixed(0)}% of the text: only clauses holding an alias are cut`],
        ['匹配 / matching', ms(profile.match / k), 'alias scan, token boundaries, mentions'],
        ['提纲 / outline', ms(profile.outline / k), 'lines, markup, headings, numbering'],
        ['结论 / findings', ms(profile.findings / k), 'coverage, sections, findings, order'],
      ],
    ),
  );
  notes.push(
    `phases (100k chars, mean of ${k}): segmentation ${ms(profile.segment / k)}, matching ${ms(profile.match / k)}, outline ${ms(profile.outline / k)}, findings ${ms(profile.findings / k)}`,
  );

  for (const [backend, other] of segmenters) {
    if (backend === 'node-rs') continue;
    const s2: number[] = [];
    const f2: number[] = [];
    for (let i = 0; i < (QUICK ? 7 : 15); i++) {
      s2.push(time(() => other.cut(text)));
      f2.push(time(() => new Analyzer(packs, other).analyze(text)));
    }
    log(`  ${backend}: segmentation ${ms(median(s2))}, full analysis ${ms(median(f2))} (${ratio(median(f2) / median(s2))})`);
    row({ id: `analysis-${backend}`, figure: `同上，${backend}（参考）/ the same with ${backend} (reference)`, value: `${ms(median(f2))} vs ${ms(median(s2))}`, target: '', ratio: ratio(median(f2) / median(s2)), pass: undefined });
  }
}

/** Share of the text the analyser hands to the segmenter. */
function segmentedShare(packs: RulePack[], seg: Segmenter, text: string): number {
  let chars = 0;
  const counting: Segmenter = { backend: seg.backend, separators: seg.separators, cut: (t) => ((chars += t.length), seg.cut(t)) };
  new Analyzer(packs, counting).analyze(text);
  return chars / text.length;
}

/** The analyses are the same whether or not the segmenter's separators are used to skip text. */
function equivalence(packs: RulePack[], segmenters: Map<SegmenterBackend, Segmenter>, texts: string[]): void {
  section('0. 一致性 / Sanity: skipping clauses without aliases changes nothing');
  for (const [backend, seg] of segmenters) {
    const whole: Segmenter = { backend: seg.backend, cut: (t) => seg.cut(t) };
    let same = true;
    for (const t of texts) {
      for (const language of ['plaintext', 'markdown'] as const) {
        const a = JSON.stringify(new Analyzer(packs, seg).analyze(t, { language }));
        const b = JSON.stringify(new Analyzer(packs, whole).analyze(t, { language }));
        if (a !== b) same = false;
      }
    }
    row({ id: `same-${backend}`, figure: `${backend}: 逐句段分词与整行分词结果相同 / clause-skipping analysis equals whole-line analysis`, value: same ? 'identical' : 'DIFFERENT', target: 'identical', ratio: '', pass: same });
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Whole processes: the CLI against a process that only loads the backend and segments.

function segmentOnlyScript(dir: string): string {
  const file = path.join(dir, 'segment-only.js');
  const jieba = require.resolve('@node-rs/jieba', { paths: [ROOT] });
  const dict = require.resolve('@node-rs/jieba/dict.txt', { paths: [ROOT] });
  fs.writeFileSync(
    file,
    `'use strict';
// Loads @node-rs/jieba with its default dictionary and segments one file: the floor for a CLI run.
const fs = require('fs');
const { Jieba } = require(${JSON.stringify(jieba)});
const jieba = Jieba.withDict(fs.readFileSync(${JSON.stringify(dict)}));
const tokens = jieba.cut(fs.readFileSync(process.argv[2], 'utf8'), false);
if (!tokens.length) process.exitCode = 1;
`,
  );
  return file;
}

async function processes(dir: string, file: string): Promise<void> {
  section('2. 整个 CLI 进程与只分词的进程之比 / Whole CLI process against a process that only segments');
  const script = segmentOnlyScript(dir);
  const n = QUICK ? 5 : 15;
  const seg: number[] = [];
  const cli: number[] = [];
  const pairs: number[] = [];
  for (let i = 0; i < n + 1; i++) {
    const a = await runNode([script, file]);
    const b = await runNode([CLI, 'check', '--format', 'json', file]);
    if (a.code !== 0 || (b.code !== 0 && b.code !== 1)) throw new Error(`process failed: ${a.stderr}${b.stderr}`);
    if (i === 0) continue; // Warms the file cache.
    seg.push(a.ms);
    cli.push(b.ms);
    pairs.push(b.ms / a.ms);
  }
  log(`  node segment-only.js: median ${ms(median(seg))}; node bin/policy-review.js check --format json: median ${ms(median(cli))}`);
  const r = median(pairs);
  row({ id: 'cli', figure: 'CLI 进程 ÷ 只分词进程（10 万字）/ CLI process ÷ segment-only process, 100k chars', value: `${ms(median(cli))} vs ${ms(median(seg))}`, target: '≤ 1.40×', ratio: ratio(r), pass: r <= 1.4 });
}

// ---------------------------------------------------------------------------------------------
// 3. Editing: one-character edits in a 70,000-character draft.

/** Offsets of CJK characters in body paragraphs, for edits. */
function editPoints(text: string, count: number, seed: number): number[] {
  const r = rng(seed);
  const out: number[] = [];
  while (out.length < count) {
    let p = Math.floor(r() * text.length);
    while (p < text.length && !/[\u4e00-\u9fff]/.test(text[p])) p++;
    if (p < text.length) out.push(p);
  }
  return out;
}

const EDIT_CHARS = ['之', '的', '和'];

function inProcessEdits(packs: RulePack[], seg: Segmenter, draft: string): void {
  section('3. 编辑后重新分析（7 万字）/ Re-analysis after a one-character edit, 70k chars');
  const analyzer = new Analyzer(packs, seg);
  let text = draft;
  analyzer.analyze(text);
  const times: number[] = [];
  const points = editPoints(draft, QUICK ? 30 : 100, 9);
  points.forEach((p, i) => {
    text = text.slice(0, p) + EDIT_CHARS[i % EDIT_CHARS.length] + text.slice(p + 1);
    times.push(time(() => analyzer.analyze(text)));
  });
  const m = median(times);
  log(`  ${times.length} edits: median ${ms(m)}, p90 ${ms(percentile(times, 90))}, max ${ms(Math.max(...times))}`);
  row({ id: 'edit', figure: '进程内：改一字后重新分析 / in-process: analyzer.analyze after a one-char edit', value: `median ${ms(m)}`, target: '≤ 10 ms', ratio: '', pass: m <= 10 });
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

async function serverEdits(dir: string, draft: string): Promise<void> {
  if (!fs.existsSync(SERVER)) {
    log('  dist/server.js 不存在，跳过 / not built: skipped');
    return;
  }
  const server = new LspServer(SERVER, { debounceMs: 0 });
  try {
    await server.initialize();
    const uri = fileUri(path.join(dir, 'edit-70k.txt'));
    const first = server.waitFor((d) => d.uri === uri);
    await server.open(uri, draft);
    await first;
    let text = draft;
    let version = 1;
    const times: number[] = [];
    const points = editPoints(draft, QUICK ? 20 : 60, 10);
    for (let i = 0; i < points.length; i++) {
      const p = points[i];
      const ch = EDIT_CHARS[i % EDIT_CHARS.length];
      const pos = positionOf(text, p);
      text = text.slice(0, p) + ch + text.slice(p + 1);
      version++;
      const v = version;
      const published = server.waitFor((d) => d.uri === uri && d.version === v);
      const t = now();
      await server.replaceChar(uri, v, pos.line, pos.character, ch);
      await published;
      times.push(now() - t);
    }
    const m = median(times);
    log(`  server, debounce 0: ${times.length} edits, didChange → publishDiagnostics median ${ms(m)}, p90 ${ms(percentile(times, 90))}`);
    row({ id: 'edit-server', figure: '语言服务器：didChange → publishDiagnostics（防抖 0）/ server end to end, debounce 0', value: `median ${ms(m)}`, target: '≤ 10 ms', ratio: '', pass: m <= 10 });
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Cold start and 5. memory of the language server.

async function coldStart(dir: string, draft: string, backends: SegmenterBackend[]): Promise<void> {
  section('4. 冷启动：启动服务器到首批诊断（5 千字）/ Cold start: spawn to first diagnostics, 5k chars');
  if (!fs.existsSync(SERVER)) {
    log('  dist/server.js 不存在，跳过 / not built: skipped');
    return;
  }
  const n = QUICK ? 3 : 7;
  const results = new Map<SegmenterBackend, number[]>(backends.map((b) => [b, []]));
  const uri = fileUri(path.join(dir, 'cold-5k.txt'));
  for (let i = 0; i < n; i++) {
    for (const backend of results.keys()) {
      const server = new LspServer(SERVER, { debounceMs: 0, segmenter: backend });
      try {
        const published = server.waitFor((d) => d.uri === uri);
        await server.initialize();
        await server.open(uri, draft);
        await published;
        results.get(backend)!.push(now() - server.spawnedAt);
      } finally {
        await server.stop();
      }
    }
  }
  const rs = median(results.get('node-rs')!);
  row({ id: 'cold', figure: '冷启动（node-rs）/ cold start, node-rs', value: `median ${ms(rs)}`, target: '≤ 600 ms', ratio: '', pass: rs <= 600 });
  const nj = results.get('nodejieba');
  if (nj) row({ id: 'cold-nj', figure: '冷启动（nodejieba，参考）/ cold start, nodejieba (reference)', value: `median ${ms(median(nj))}`, target: '', ratio: '', pass: undefined });
  const wasm = results.get('wasm');
  if (wasm) row({ id: 'cold-wasm', figure: '冷启动（WebAssembly，无原生模块时）/ cold start, wasm (where no native module loads)', value: `median ${ms(median(wasm))}`, target: '', ratio: '', pass: undefined });
}

async function memory(dir: string, drafts: string[], backends: SegmenterBackend[]): Promise<void> {
  section('5. 内存：打开三篇 10 万字文稿时服务器的 RSS / Server memory with three 100k-char drafts open');
  if (!fs.existsSync(SERVER)) {
    log('  dist/server.js 不存在，跳过 / not built: skipped');
    return;
  }
  for (const backend of backends) {
    const server = new LspServer(SERVER, { debounceMs: 0, segmenter: backend });
    try {
      await server.initialize();
      const uris = drafts.map((_, i) => fileUri(path.join(dir, `open-${i + 1}.txt`)));
      const published = uris.map((u) => server.waitFor((d) => d.uri === u));
      for (let i = 0; i < drafts.length; i++) await server.open(uris[i], drafts[i]);
      await Promise.all(published);
      await delay(300);
      const m = server.memory();
      if (!m) {
        log('  /proc 不可用 / /proc not available: skipped');
        return;
      }
      log(`  ${backend}: RSS ${mb(m.rss)}, peak ${mb(m.peak)}`);
      if (backend === 'node-rs') row({ id: 'memory', figure: '服务器 RSS（node-rs，三篇 10 万字）/ server RSS, node-rs, three 100k drafts', value: `${mb(m.rss)} (peak ${mb(m.peak)})`, target: '≤ 200 MB', ratio: '', pass: m.rss <= 200 * 1024 * 1024 });
      else row({ id: `memory-${backend}`, figure: `服务器 RSS（${backend}，参考）/ server RSS, ${backend} (reference)`, value: `${mb(m.rss)} (peak ${mb(m.peak)})`, target: '', ratio: '', pass: undefined });
    } finally {
      await server.stop();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Batch: the CLI over many drafts, and how it scales.

function writeDrafts(dir: string, drafts: { name: string; text: string }[]): number {
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const d of drafts) {
    fs.writeFileSync(path.join(dir, d.name), d.text);
    bytes += utf8(d.text);
  }
  return bytes;
}

interface BatchRun {
  files: number;
  bytes: number;
  ms: number;
  maxRss: number;
}

async function cliOver(dir: string, files: number, bytes: number, probe: string, extra: string[] = []): Promise<BatchRun> {
  const r = await runNode([CLI, 'check', '--format', 'json', ...extra, dir], { probe });
  if (r.code !== 0 && r.code !== 1) throw new Error(`CLI failed (${r.code}): ${r.stderr.slice(0, 500)}`);
  return { files, bytes, ms: r.ms, maxRss: r.maxRss };
}

async function batch(dir: string, corpus: Corpus, probe: string): Promise<{ dir1000: string; drafts: { name: string; text: string }[] }> {
  section('6. 批量：CLI 审校 1000 篇约 5 千字的文稿 / Batch: the CLI over 1,000 drafts of about 5,000 characters');
  const base = QUICK ? 10 : 100;
  const all = makeDrafts(corpus, base * 100, 5000, 1000);
  const dirs = [1, 10, 100].map((k) => path.join(dir, `batch-${base * k}`));
  const sizes = [1, 10, 100].map((k, i) => writeDrafts(dirs[i], all.slice(0, base * k)));
  const i1000 = QUICK ? 2 : 1;
  const dir1000 = dirs[i1000];
  const drafts1000 = all.slice(0, 1000);
  const bytes1000 = sizes[i1000];
  log(`  ${drafts1000.length} drafts, ${mb(bytes1000)} UTF-8, mean ${Math.round(drafts1000.reduce((n, d) => n + d.text.length, 0) / drafts1000.length)} characters`);

  const runs: BatchRun[] = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) runs.push(await cliOver(dir1000, 1000, bytes1000, probe));
  const best = median(runs.map((r) => r.ms));
  const rate = bytes1000 / 1024 / 1024 / (best / 1000);
  const one = await cliOver(dir1000, 1000, bytes1000, probe, ['--jobs', '1']);
  log(`  default (threads on every core): median ${ms(best)} → ${rate.toFixed(1)} MB/s, peak RSS ${mb(median(runs.map((r) => r.maxRss)))}`);
  log(`  --jobs 1 (one thread): ${ms(one.ms)} → ${(bytes1000 / 1024 / 1024 / (one.ms / 1000)).toFixed(1)} MB/s, peak RSS ${mb(one.maxRss)}`);
  row({ id: 'batch', figure: 'CLI 批量吞吐（1000 篇，UTF-8）/ CLI batch throughput, 1,000 drafts', value: `${rate.toFixed(1)} MB/s (${ms(best)})`, target: '≥ 8 MB/s', ratio: `${(rate / 8).toFixed(2)}× target`, pass: rate >= 8 });

  section('6b. 线性增长 / Scaling with input');
  const scale: BatchRun[] = [];
  for (let i = 0; i < dirs.length; i++) {
    const n = base * [1, 10, 100][i];
    const r = i === i1000 ? { ...runs[0], ms: best } : await cliOver(dirs[i], n, sizes[i], probe);
    scale.push(r);
  }
  const first = scale[0];
  log(
    table(
      ['输入 / input', '文稿 / drafts', 'UTF-8', '时间 / time', 'MB/s', '每 MB / per MB', '时间比 / time ratio', '峰值 RSS / peak RSS'],
      scale.map((r, i) => [
        `${[1, 10, 100][i]}×`,
        String(r.files),
        mb(r.bytes),
        ms(r.ms),
        (r.bytes / 1024 / 1024 / (r.ms / 1000)).toFixed(1),
        ms(r.ms / (r.bytes / 1024 / 1024)),
        ratio(r.ms / first.ms),
        mb(r.maxRss),
      ]),
    ),
  );
  const largest = scale[scale.length - 1];
  const single = await cliOver(dirs[dirs.length - 1], largest.files, largest.bytes, probe, ['--jobs', '1']);
  log(`  ${largest.files} drafts with --jobs 1 (one thread): ${ms(single.ms)} → ${(single.bytes / 1024 / 1024 / (single.ms / 1000)).toFixed(1)} MB/s, peak RSS ${mb(single.maxRss)}; threads: ${ratio(single.ms / largest.ms)} faster`);
  notes.push(`largest batch, one thread: ${ms(single.ms)}`);
  // Marginal cost between successive sizes: constant when time grows linearly, falling when the
  // fixed costs (process, dictionaries, threads) are still being paid off, rising if it grew faster.
  const marginal = scale.slice(1).map((r, i) => (r.ms - scale[i].ms) / ((r.bytes - scale[i].bytes) / 1024 / 1024));
  log(`  marginal time per MB: ${marginal.map(ms).join(' then ')}; time = fixed cost + per-MB cost × size`);
  const growth = marginal[1] / marginal[0];
  row({
    id: 'linear',
    figure: '时间至多线性增长：10×→100× 与 1×→10× 的每 MB 边际时间之比 / time grows at most linearly: marginal time per MB, 10×→100× over 1×→10×',
    value: marginal.map(ms).join(' → '),
    target: '≤ 1.25×',
    ratio: ratio(growth),
    pass: growth <= 1.25,
  });
  notes.push(`scaling: ${scale.map((r) => `${r.files} drafts ${ms(r.ms)} peak ${mb(r.maxRss)}`).join('; ')}`);
  // The output is streamed: peak memory does not grow with the number of drafts. Like with like:
  // both runs in one thread (with threads, a small batch runs in fewer of them).
  const single0 = await cliOver(dirs[0], first.files, first.bytes, probe, ['--jobs', '1']);
  const grow = single.maxRss / single0.maxRss;
  row({
    id: 'batch-memory',
    figure: `批量峰值 RSS，${largest.files} 篇 ÷ ${first.files} 篇（同批文稿的前若干篇，均为单线程）/ batch peak RSS, ${largest.files} drafts ÷ the first ${first.files} of them (both --jobs 1)`,
    value: `${mb(single.maxRss)} vs ${mb(single0.maxRss)}`,
    target: '≤ 1.50×',
    ratio: ratio(grow),
    pass: grow <= 1.5,
  });
  return { dir1000, drafts: drafts1000 };
}

// ---------------------------------------------------------------------------------------------
// 7. Reference: autocorrect-node on the same drafts.

async function reference(packs: RulePack[], seg: Segmenter, dir1000: string, drafts: { name: string; text: string }[], big: string): Promise<void> {
  let ac: { lintFor(text: string, file: string): { lines: unknown[] } };
  let version = '?';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ac = require(require.resolve('autocorrect-node', { paths: [ROOT] }));
    version = (JSON.parse(fs.readFileSync(require.resolve('autocorrect-node/package.json', { paths: [ROOT] }), 'utf8')) as { version: string }).version;
  } catch (err) {
    section('7. 参照：autocorrect-node / Reference: autocorrect-node');
    log(`  autocorrect-node 不可用 / not available: ${(err as Error).message}`);
    return;
  }
  section(`7. 参照：autocorrect-node ${version} 检查同样的文稿 / Reference: autocorrect-node ${version} on the same drafts`);
  const bytes = drafts.reduce((n, d) => n + utf8(d.text), 0);
  ac.lintFor(drafts[0].text, drafts[0].name);
  const acMs = time(() => {
    for (const d of drafts) ac.lintFor(d.text, d.name);
  });
  const analyzer = new Analyzer(packs, seg);
  const ourMs = time(() => {
    for (const d of drafts) analyzer.analyze(d.text, { language: d.name.endsWith('.md') ? 'markdown' : 'plaintext' });
  });
  const acBig: number[] = [];
  const ourBig: number[] = [];
  for (let i = 0; i < (QUICK ? 5 : 11); i++) {
    acBig.push(time(() => ac.lintFor(big, 'draft.txt')));
    ourBig.push(time(() => new Analyzer(packs, seg).analyze(big)));
  }
  const rate = (b: number, t: number) => `${(b / 1024 / 1024 / (t / 1000)).toFixed(1)} MB/s`;
  log(
    table(
      ['', 'autocorrect lintFor', 'policy-review analyze', '比 / ratio'],
      [
        ['1000 drafts, one thread', `${ms(acMs)} (${rate(bytes, acMs)})`, `${ms(ourMs)} (${rate(bytes, ourMs)})`, ratio(ourMs / acMs)],
        ['100k-char draft (median)', ms(median(acBig)), ms(median(ourBig)), ratio(median(ourBig) / median(acBig))],
      ],
    ),
  );
  // Whole CLIs over the same folder.
  const acCli = path.join(path.dirname(require.resolve('autocorrect-node', { paths: [ROOT] })), 'cli.js');
  let acRun: number | undefined;
  if (fs.existsSync(acCli)) acRun = (await runNode([acCli, '--lint', dir1000])).ms;
  const ours = (await runNode([CLI, 'check', '--format', 'json', dir1000])).ms;
  if (acRun !== undefined) log(`  whole CLIs over the 1,000 drafts: autocorrect --lint ${ms(acRun)}, policy-review check ${ms(ours)} (${ratio(ours / acRun)})`);
  row({
    id: 'reference',
    figure: `参照：autocorrect-node ${version} lintFor 同批文稿（单线程）/ reference: autocorrect-node ${version} lintFor, same drafts, one thread`,
    value: `${rate(bytes, acMs)} vs ours ${rate(bytes, ourMs)}`,
    target: '',
    ratio: ratio(ourMs / acMs),
    pass: undefined,
  });
}

// ---------------------------------------------------------------------------------------------

/** Runs one section; a failure is reported as a failed figure and the other sections still run. */
async function attempt<T>(id: string, f: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await f();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(`  出错 / failed: ${message}`);
    row({ id, figure: `${id}: 未能测量 / could not be measured`, value: message.slice(0, 80), target: '', ratio: '', pass: false });
    return undefined;
  }
}

/** The generated files that spare work at start-up: when out of date, the CLI and server start slower. */
function generatedUpToDate(): void {
  for (const [script, what] of [
    ['rule-validator.mjs', '规则包校验代码 / rule pack validator'],
    ['alias-frequencies.mjs', '别名词频表 / alias frequency table'],
  ]) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'core', 'scripts', script), '--check'], { encoding: 'utf8' });
    if (r.status !== 0) {
      log(`  注意：${what.split(' / ')[0]}已过期，启动会较慢；请运行 node core/scripts/${script}。`);
      log(`  Note: the generated ${what.split(' / ')[1]} is out of date, so start-up is slower: run node core/scripts/${script}.`);
    }
  }
}

async function main(): Promise<void> {
  const started = now();
  log('政策文稿审校 性能基准 / Policy Review benchmark');
  log(`命令 / command: npm run bench${QUICK ? ' -- --quick' : ''}`);
  log(`机器 / machine: ${machine()}`);
  generatedUpToDate();
  const corpus = loadCorpus(ROOT);
  log(`文稿 / drafts: composed (seeded) from ${corpus.sentences.length} sentences, ${corpus.headings.length} headings and ${corpus.titles.length} titles of test/fixtures, examples/sample-draft.md and eval/corpus`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-review-bench-'));
  const probe = writeRssProbe(dir);
  try {
    const packs = builtinPacks();
    const words = Analyzer.words(packs);
    const segmenters = new Map<SegmenterBackend, Segmenter>([['node-rs', createSegmenter('node-rs', words)]]);
    try {
      segmenters.set('nodejieba', createSegmenter('nodejieba', words));
    } catch (err) {
      log(`  nodejieba 不可用 / not available: ${(err as Error).message}`);
    }
    try {
      segmenters.set('wasm', createSegmenter('wasm', words));
    } catch (err) {
      log(`  wasm 不可用 / not available: ${(err as Error).message}`);
    }
    const d100 = makeDraft(corpus, { seed: 1, chars: 100_000 });
    const d70 = makeDraft(corpus, { seed: 2, chars: 70_000 });
    const d5 = makeDraft(corpus, { seed: 3, chars: 5_000 });
    const open3 = [11, 12, 13].map((seed) => makeDraft(corpus, { seed, chars: 100_000 }));
    const file100 = path.join(dir, 'draft-100k.txt');
    fs.writeFileSync(file100, d100);

    const backends = [...segmenters.keys()];
    await attempt('same', () => equivalence(packs, segmenters, [d5, d70, makeDraft(corpus, { seed: 4, chars: 20_000, markdown: true })]));
    await attempt('analysis', () => inProcess(packs, segmenters, d100));
    await attempt('cli', () => processes(dir, file100));
    await attempt('edit', () => inProcessEdits(packs, segmenters.get('node-rs')!, d70));
    await attempt('edit-server', () => serverEdits(dir, d70));
    await attempt('cold', () => coldStart(dir, d5, backends));
    await attempt('memory', () => memory(dir, open3, backends));
    const batched = await attempt('batch', () => batch(dir, corpus, probe));
    if (batched) await attempt('reference', () => reference(packs, segmenters.get('node-rs')!, batched.dir1000, batched.drafts, d100));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  section('汇总 / Summary');
  log(table(['指标 / figure', '值 / value', '目标 / target', '比值 / ratio', '结果 / result'], rows.map((r) => [r.figure, r.value, r.target || '—', r.ratio || '—', r.pass === undefined ? '参考 / info' : r.pass ? 'PASS' : 'FAIL'])));
  if (notes.length) {
    log('');
    log('备注 / notes:');
    for (const n of notes) log(`  ${n}`);
  }
  const judged = rows.filter((r) => r.pass !== undefined);
  const failed = judged.filter((r) => !r.pass);
  log('');
  log(
    failed.length
      ? `${judged.length - failed.length}/${judged.length} 项达标；未达标：${failed.map((r) => r.id).join(', ')} / ${judged.length - failed.length} of ${judged.length} targets met; missed: ${failed.map((r) => r.id).join(', ')}`
      : `全部 ${judged.length} 项达标 / all ${judged.length} targets met`,
  );
  log(`用时 / took ${(Math.round(now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => (process.exitCode = 0),
  (err: unknown) => {
    process.stderr.write(`基准运行出错 / benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 0;
  },
);
