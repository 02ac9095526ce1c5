/**
 * `npm run test:e2e`: provisions the real-editor tests, then runs the in-host suite (through
 * runTests and code-server), the UI smoke test of the packaged extension and the Neovim client,
 * one after the other. Prints a line per part and ends with the plain line `N passed, N failed`
 * (counting individual checks; a part that could not run its checks counts as one failure).
 * Exits non-zero when anything failed, and leaves nothing running.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bi, e2ePaths } from './lib/paths';
import { killByMarker, killGroup, log, pidsWithArg, probe } from './lib/proc';
import { counts, readSummary, type PartSummary } from './lib/summary';
import { provision } from './provision';

interface Part {
  /** Short name for POLICY_REVIEW_E2E_PARTS. */
  id: string;
  name: string;
  script: string;
  timeoutMs: number;
}

const PARTS: Part[] = [
  { id: 'host', name: bi('扩展宿主测试', 'in-host suite'), script: 'run-exttests.js', timeoutMs: 20 * 60_000 },
  { id: 'ui', name: bi('界面冒烟测试', 'UI smoke test'), script: 'run-ui.js', timeoutMs: 15 * 60_000 },
  { id: 'nvim', name: 'Neovim', script: 'run-nvim.js', timeoutMs: 5 * 60_000 },
];

/** Runs one part as a child in its own process group; the whole group is killed afterwards. */
function runPart(part: Part, summaryFile: string, scriptPath: string): Promise<PartSummary> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [scriptPath], {
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, POLICY_REVIEW_E2E_SUMMARY: summaryFile, POLICY_REVIEW_E2E_SKIP_PROVISION: '1' },
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      log(bi(`${part.name} 超时（${part.timeoutMs / 1000} 秒），终止`, `${part.name} timed out after ${part.timeoutMs / 1000}s; killing it`));
      void killGroup(child.pid!);
    }, part.timeoutMs);
    const done = (code: number | null, error?: string) => {
      clearTimeout(timer);
      void killGroup(child.pid!, 2000).then(() => {
        const s = readSummary(summaryFile) ?? { part: part.name, checks: [], seconds: (Date.now() - t0) / 1000 };
        if (timedOut) s.fatal = bi(`超时（${part.timeoutMs / 1000} 秒）`, `timed out after ${part.timeoutMs / 1000}s`);
        else if (error) s.fatal = error;
        else if (code !== 0 && counts(s).failed === 0) s.fatal = bi(`退出码 ${code}`, `exit code ${code}`);
        resolve(s);
      });
    };
    child.on('error', (e) => done(null, e.message));
    child.on('exit', (code) => done(code));
  });
}

async function main(): Promise<number> {
  const paths = e2ePaths();
  const dist = path.join(paths.root, 'dist', 'test', 'e2e');
  const summaries: PartSummary[] = [];
  const t0 = Date.now();

  // 1. Provisioning: a failure here stops everything (nothing else can run).
  try {
    const r = await provision(paths);
    summaries.push({ part: bi('环境准备', 'provisioning'), checks: [{ title: 'provision', ok: true }], seconds: r.seconds });
  } catch (e) {
    const msg = (e as Error).message;
    console.error(msg);
    summaries.push({ part: bi('环境准备', 'provisioning'), checks: [{ title: 'provision', ok: false, error: msg }], seconds: (Date.now() - t0) / 1000 });
  }

  if (summaries[0].checks[0].ok) {
    // Parts run one after the other: the UI part may run `npm run package`, which rebuilds dist/.
    const stage = fs.mkdtempSync(path.join(paths.home, 'tmp', 'run-all-'));
    // POLICY_REVIEW_E2E_PARTS=host,ui,nvim (default: all) runs a subset.
    const wanted = (process.env.POLICY_REVIEW_E2E_PARTS ?? '').split(',').filter(Boolean);
    for (const part of PARTS.filter((p) => wanted.length === 0 || wanted.includes(p.id))) {
      log(`━━ ${part.name}`);
      const script = path.join(dist, part.script);
      const summaryFile = path.join(stage, `${part.script}.json`);
      summaries.push(fs.existsSync(script) ? await runPart(part, summaryFile, script) : { part: part.name, checks: [], seconds: 0, fatal: bi(`缺少 ${script}，请先运行 npm run build`, `${script} missing: run npm run build first`) });
    }
    fs.rmSync(stage, { recursive: true, force: true });
  }

  // Nothing of ours may outlive the run: every scratch profile lives under .e2e/runs.
  // pgrep when it is installed (exit status 1 means none); the /proc scan is the same check without it.
  const pg = probe('pgrep', ['-f', '-a', paths.runs]);
  const stray = pidsWithArg(paths.runs);
  const leftovers = stray.length ? (pg.ok ? pg.out.trim() : stray.join(' ')) : '';
  if (leftovers) {
    await killByMarker(paths.runs);
    summaries.push({
      part: bi('清理', 'cleanup'),
      checks: [{ title: 'nothing left running', ok: false, error: `${bi('仍在运行，已终止', 'still running, killed')}:\n${leftovers}` }],
      seconds: 0,
    });
  }

  console.log(`\n${bi('端到端测试汇总', 'end-to-end summary')}`);
  let passed = 0;
  let failed = 0;
  for (const s of summaries) {
    const c = counts(s);
    passed += c.passed;
    failed += c.failed;
    console.log(`${c.failed ? '✖' : '✔'} ${s.part}: ${c.passed} passed, ${c.failed} failed (${s.seconds.toFixed(1)}s)`);
    if (s.fatal) console.log(`    ${s.fatal.split('\n').join('\n    ')}`);
    for (const f of s.checks.filter((x) => !x.ok)) console.log(`    ✖ ${f.title}\n      ${(f.error ?? '').split('\n').slice(0, 8).join('\n      ')}`);
  }
  console.log(`${bi('总耗时', 'total')} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(e.stack ?? String(e));
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
