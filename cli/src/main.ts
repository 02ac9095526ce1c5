/**
 * `policy-review` command line: `check` reviews drafts (text, JSON or SARIF); `lsp` runs the
 * language server for any LSP editor. Exit codes: 0 no warnings, 1 warnings or errors found,
 * 2 usage errors or unreadable input.
 */
import { lang, setLang, t } from '../../shared/src/lang';
import { langOf, langOfEnv, type Lang } from '../../core/src/locale';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { formatRulePackError } from '../../core/src';
import { builtinRuleFiles, loadRulePacks } from '../../host/src';
import { DEFAULT_POLICY_REVIEW_SETTINGS, toReviewSettings, type PolicyReviewSettings, type SegmenterBackend } from '../../shared/src/settings';
import { readConfig, UsageError } from './config';
import { jobCount, shardTargets, streamTargets } from './batch';
import { collectTargets } from './files';
import { jsonLinesWriter, jsonWriter, sarifWriter, textWriter, type ReportWriter } from './format';

const ROOT = path.join(__dirname, '..');

function packageVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

interface CheckOptions {
  format: 'text' | 'json' | 'jsonl' | 'sarif';
  rules?: string[];
  config?: string;
  builtinRules: boolean;
  segmenter?: SegmenterBackend;
  maxFileSize?: number;
  color: boolean;
  jobs?: number;
  shard?: { index: number; count: number };
  lang?: 'zh' | 'en';
  verbose?: boolean;
}

/**
 * The language of everything the CLI prints: --lang, else the environment (LC_ALL, LC_MESSAGES,
 * LANG: English for en_*, Chinese otherwise). Read before the options are parsed, since their help is in it.
 */
export function cliLang(argv: string[], env: Record<string, string | undefined>): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && i + 1 < argv.length) return langOf(argv[i + 1]);
    if (argv[i].startsWith('--lang=')) return langOf(argv[i].slice('--lang='.length));
  }
  return langOfEnv(env);
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(t(`应为正整数：${v}`, `must be a positive integer: ${v}`));
  return n;
}

/** --shard i/n: the i-th of n shards (1 ≤ i ≤ n). */
function shardSpec(v: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(v.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count)) {
    throw new UsageError(t(`分片应写作 i/n，且 1 ≤ i ≤ n：${v}`, `--shard must be i/n with 1 ≤ i ≤ n: ${v}`));
  }
  return { index, count };
}

/** Settings from defaults, the config file and flags, in that order. */
export function resolveSettings(opts: CheckOptions): PolicyReviewSettings {
  const s: PolicyReviewSettings = { ...DEFAULT_POLICY_REVIEW_SETTINGS, ...(opts.config ? readConfig(opts.config) : {}) };
  if (opts.rules) s.rulePacks = [...s.rulePacks, ...opts.rules.map((r) => path.resolve(r))];
  if (!opts.builtinRules) s.useBuiltinRules = false;
  if (opts.segmenter) s.segmenter = opts.segmenter;
  if (opts.maxFileSize) s.maxFileSize = opts.maxFileSize;
  return s;
}

async function check(paths: string[], opts: CheckOptions): Promise<number> {
  const settings = resolveSettings(opts);
  const files = [...(settings.useBuiltinRules ? builtinRuleFiles(path.join(ROOT, 'rules')) : []), ...settings.rulePacks];
  const { packs, errors } = loadRulePacks(files, lang());
  for (const e of errors) process.stderr.write(formatRulePackError(e, lang()) + '\n');
  if (!packs.length) {
    process.stderr.write(t('没有可用的规则包。请检查 --rules 与配置。', 'No rule pack could be loaded; check --rules and the config.') + '\n');
    return 2;
  }
  const targets = shardTargets(collectTargets(paths), opts.shard);
  const job = { packs, backend: settings.segmenter, settings: toReviewSettings(settings), maxFileSize: settings.maxFileSize, lang: lang() };
  const cwd = process.cwd();
  let writer: ReportWriter;
  if (opts.format === 'json') writer = jsonWriter(cwd);
  else if (opts.format === 'jsonl') writer = jsonLinesWriter(cwd);
  else if (opts.format === 'sarif') {
    const defs = [...packs.flatMap((p) => p.relationships), ...packs.flatMap((p) => p.elements ?? [])];
    writer = sarifWriter(cwd, new Map<string, string>(defs.map((d) => [d.id, d.name])), packageVersion());
  } else writer = textWriter(cwd, opts.color && process.stdout.isTTY === true);
  const started = Date.now();
  const threads = new Set<number>();
  let unreadable = false;
  let warned = false;
  process.stdout.write(writer.begin());
  // Each report is written as soon as those before it are, then dropped.
  await streamTargets(
    targets,
    job,
    jobCount(opts.jobs, targets.length),
    (r) => {
      process.stdout.write(writer.file(r));
      if (r.error) unreadable = true;
      if (r.findings.some((f) => f.severity === 'warning' || f.severity === 'error')) warned = true;
      // Errors and skips go to stderr too, so JSON/SARIF on stdout stays machine-readable.
      if (opts.format !== 'text' && (r.error || r.skipped)) process.stderr.write(`${path.relative(cwd, r.path) || r.path}: ${r.error ?? r.skipped}\n`);
    },
    threads,
    (message) => process.stderr.write(message + '\n'),
  );
  process.stdout.write(writer.end());
  if (opts.verbose) {
    const ms = Date.now() - started;
    process.stderr.write(t(`审校 ${targets.length} 个文件，运行了 ${threads.size} 个线程，耗时 ${ms} ms`, `Reviewed ${targets.length} file(s), ${threads.size} thread(s) running, ${ms} ms`) + '\n');
  }
  if (errors.length || unreadable) return 2;
  return warned ? 1 : 0;
}

export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  setLang(cliLang(argv.slice(2), env));
  const program = new Command();
  let code = 0;
  program
    .name('policy-review')
    .description(t('政策文稿审校：检查政策文稿是否处理好各组关系', 'Policy Review: checks that policy drafts handle both sides of each relationship'))
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .command('check')
    .description(t('审校文稿（.md/.txt 文件或目录）', 'Review drafts (.md/.txt files or folders)'))
    .argument('<paths...>', t('文件或目录', 'files or folders'))
    .addOption(new Option('-f, --format <format>', t('输出格式', 'output format')).choices(['text', 'json', 'jsonl', 'sarif']).default('text'))
    .option('-r, --rules <file>', t('额外的规则包，可重复', 'an extra rule pack (JSON or YAML), repeatable'), (v: string, prev: string[] = []) => [...prev, v])
    .option('-c, --config <file>', t('配置文件（JSON，policyReview.* 设置）', 'config file (JSON with policyReview.* settings)'))
    .option('--no-builtin-rules', t('不加载内置规则包', 'do not load the built-in rule packs'))
    .addOption(new Option('--segmenter <backend>', t('分词后端', 'segmenter backend')).choices(['node-rs', 'nodejieba', 'wasm']))
    .addOption(new Option('--max-file-size <bytes>', t('文件大小上限', 'maximum file size in bytes')).argParser(positiveInt))
    .option('--no-color', t('不使用颜色', 'no colours'))
    .option('-v, --verbose', t('在标准错误输出上报告审校的文件数、线程数和耗时', 'report on stderr how many files were reviewed, in how many threads, and how long it took'))
    .addOption(new Option('--lang <lang>', t('输出语言（默认按 LANG 环境变量：en_* 为英文，其余为中文）', 'output language (default from LANG: English for en_*, Chinese otherwise)')).choices(['zh', 'en']))
    .addOption(
      new Option('-j, --jobs <n>', t('并行审校的线程数（默认：文件多于 50 个时用全部核心，1 为不用线程）', 'review threads (default: every core for more than 50 files; 1: none)')).argParser(positiveInt),
    )
    .addOption(new Option('--shard <i/n>', t('只审校 n 个分片中的第 i 个，供 CI 分任务并行', 'review only shard i of n, to split a repository across CI jobs')).argParser(shardSpec))
    .action(async (paths: string[], opts: CheckOptions) => {
      code = await check(paths, opts);
    });
  program
    .command('lsp')
    .description(t('启动语言服务器', 'Start the language server (for Neovim, Helix, Emacs …)'))
    .option('--stdio', t('经标准输入输出通信', 'communicate over stdio'))
    .option('--node-ipc', t('经 Node IPC 通信', 'communicate over Node IPC'))
    .option('--socket <port>', t('经套接字通信', 'communicate over a socket'))
    .action(() => {
      // The server bundle starts on load and reads its transport from process.argv.
      const serverModule = path.join(__dirname, 'server.js');
      require(serverModule);
      code = -1;
    });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(err.message + '\n');
      return 2;
    }
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  return code;
}

/** Runs the CLI on process.argv and sets the exit code. */
export function run(): void {
  main(process.argv).then(
    (code) => {
      // -1: a long-running server; leave the process to it.
      if (code >= 0) process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`${(err as Error).stack ?? err}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) run();
