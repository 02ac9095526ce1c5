/**
 * Neovim as a second real LSP client: headless Debian Neovim (0.7.x) runs nvim/lsp-test.lua on a
 * copy of a fixture draft against `node bin/policy-review.js lsp --stdio`, and reports one check
 * per line (diagnostic, hover, the insert command through workspace/applyEdit).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bi, copyFixture, e2ePaths, newRunDir } from './lib/paths';
import { StepError, killGroup, log, probe } from './lib/proc';
import { loadRelationship } from './lib/rules';
import { finishPart, type CheckResult, type PartSummary } from './lib/summary';

const TIMEOUT_MS = Number(process.env.POLICY_REVIEW_E2E_NVIM_TIMEOUT_MS ?? 120_000);
const DRAFT = 'opendata.md';
const INSERT_DRAFT = 'insert.md';

async function main(): Promise<PartSummary> {
  const t0 = Date.now();
  const paths = e2ePaths();
  const summary: PartSummary = { part: 'Neovim', checks: [], seconds: 0 };
  try {
    const nvim = probe('sh', ['-c', 'command -v nvim']).out.trim();
    if (!nvim) throw new StepError('nvim', bi('未找到 nvim，请安装 neovim', 'nvim not found: install neovim'));
    const cli = path.join(paths.root, 'bin', 'policy-review.js');
    if (!fs.existsSync(path.join(paths.root, 'dist', 'cli.js'))) {
      throw new StepError('build', bi('缺少 dist/cli.js，请先运行 npm run build', 'dist/cli.js missing: run npm run build first'));
    }
    const runDir = newRunDir('nvim');
    const ws = copyFixture(path.join(runDir, 'workspace'), paths);
    const ods = loadRelationship(paths.root, 'open-data-security');
    const inv = loadRelationship(paths.root, 'investment-benefit');
    const draft = fs.readFileSync(path.join(ws, DRAFT), 'utf8');
    // The section goes at the end of INSERT_DRAFT, after its last level-1 heading: the next number.
    const topLevel = fs.readFileSync(path.join(ws, INSERT_DRAFT), 'utf8').match(/^[一二三四五六七八九十]+、/gm) ?? [];
    const nextMarker = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][topLevel.length] + '、';
    // The first body mention of the present side: the one-sided diagnostic sits there.
    const body = draft.slice(draft.indexOf('\n') + 1);
    const first = ods.sides[0].aliases
      .map((a) => ({ a, i: body.indexOf(a) }))
      .filter((x) => x.i >= 0)
      .sort((x, y) => x.i - y.i || y.a.length - x.a.length)[0];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'),
      XDG_DATA_HOME: path.join(runDir, 'xdg', 'data'),
      XDG_STATE_HOME: path.join(runDir, 'xdg', 'state'),
      XDG_CACHE_HOME: path.join(runDir, 'xdg', 'cache'),
      TMPDIR: path.join(runDir, 'tmp'),
      PR_SERVER: JSON.stringify([process.execPath, cli, 'lsp', '--stdio']),
      PR_ALIAS_TEXT: first?.a ?? '',
      PR_NAME: ods.name,
      PR_EXPLANATION: ods.explanation,
      PR_HOVER_NEEDLE: '数据开放带动',
      PR_COMMAND: 'policyReview.insertRelationshipSection',
      PR_INSERT_FILE: INSERT_DRAFT,
      PR_INSERT_ID: inv.id,
      PR_INSERT_TITLE: inv.template.title,
      PR_INSERT_HEADING: `${nextMarker}${inv.template.title}`,
      PR_TIMEOUT_MS: String(Math.min(30_000, TIMEOUT_MS / 4)),
    };
    for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_CACHE_HOME', 'TMPDIR'] as const) fs.mkdirSync(env[k]!, { recursive: true });
    const lua = path.join(paths.root, 'test', 'e2e', 'nvim', 'lsp-test.lua');
    log(bi('运行 Neovim', 'running Neovim'), probe(nvim, ['--version']).out.split('\n')[0]);
    const { code, output } = await runNvim(nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${lua}`, DRAFT], ws, env);
    fs.writeFileSync(path.join(runDir, 'nvim.log'), output);
    process.stdout.write(output.replace(/^/gm, '  nvim| '));
    for (const m of output.matchAll(/CHECK (ok|fail) (.+?) :: (.*)$/gm)) {
      summary.checks.push({ title: `Neovim: ${m[2]}`, ok: m[1] === 'ok', error: m[1] === 'ok' ? undefined : m[3] } satisfies CheckResult);
    }
    if (code !== 0 && !summary.checks.some((c) => !c.ok)) summary.fatal = bi(`nvim 退出码 ${code}`, `nvim exit code ${code}`);
    if (summary.checks.length === 0 && !summary.fatal) summary.fatal = bi('没有检查结果', 'no check reported');
  } catch (e) {
    summary.fatal = (e as Error).message;
    console.error(summary.fatal);
  }
  summary.seconds = (Date.now() - t0) / 1000;
  return summary;
}

/** Runs nvim in its own process group (the language server is its child), bounded by TIMEOUT_MS. */
function runNvim(nvim: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(nvim, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n${bi(`超时（${TIMEOUT_MS / 1000} 秒），已终止`, `timed out after ${TIMEOUT_MS / 1000}s, killed`)}\n`;
      void killGroup(child.pid!);
    }, TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      // The server may outlive nvim if it ignored the shutdown: end the group.
      void killGroup(child.pid!, 1000).then(() => resolve({ code, output }));
    });
  });
}

finishPart(main());
