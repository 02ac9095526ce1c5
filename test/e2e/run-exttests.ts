/**
 * Runs the in-host suite (dist/test/e2e/suite/index.js) inside a real VS Code extension host with
 * @vscode/test-electron's runTests.
 *
 * Here VS Code cannot be downloaded, so `vscodeExecutablePath` is scripts/e2e/code-server-as-vscode,
 * which runs the same workbench through code-server and headless Chromium. In desktop VS Code the
 * very same suite runs by leaving vscodeExecutablePath out, so that runTests downloads VS Code:
 *
 *   POLICY_REVIEW_E2E_EDITOR=desktop node dist/test/e2e/run-exttests.js
 *
 * (on Linux without a display, under `xvfb-run -a`). Everything else — the fixture copy, the
 * launch arguments, the results file — stays the same; desktop VS Code shows Chinese only with its
 * Chinese language pack installed, and the suite checks the strings of whichever language is shown.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bi, copyFixture, e2ePaths, newRunDir } from './lib/paths';
import { StepError, log } from './lib/proc';
import { finishPart, type CheckResult, type PartSummary } from './lib/summary';
import { provision } from './provision';

/** UI language of the run: zh-cn by default (the extension's users), POLICY_REVIEW_E2E_LOCALE=en for English. */
const LOCALE = process.env.POLICY_REVIEW_E2E_LOCALE ?? 'zh-cn';

async function main(): Promise<PartSummary> {
  const t0 = Date.now();
  const paths = e2ePaths();
  const desktop = process.env.POLICY_REVIEW_E2E_EDITOR === 'desktop';
  const summary: PartSummary = { part: bi('扩展宿主测试', 'in-host suite'), checks: [], seconds: 0 };
  try {
    for (const f of [path.join(paths.root, 'dist', 'client.js'), path.join(paths.root, 'dist', 'server.js'), paths.suiteIndex]) {
      if (!fs.existsSync(f)) throw new StepError('build', bi(`缺少 ${f}，请先运行 npm run build`, `${f} missing: run npm run build first`));
    }
    if (!desktop && !process.env.POLICY_REVIEW_E2E_SKIP_PROVISION) await provision(paths);
    const runDir = newRunDir('suite');
    const workspace = copyFixture(path.join(runDir, 'workspace'), paths);
    const resultsFile = path.join(runDir, 'mocha-results.json');
    log(bi('运行扩展宿主测试', 'running the in-host suite'), `workspace=${workspace} locale=${LOCALE}`);
    let exitCode = 0;
    try {
      exitCode = await runTests({
        ...(desktop ? {} : { vscodeExecutablePath: paths.launcher }),
        extensionDevelopmentPath: paths.root,
        extensionTestsPath: paths.suiteIndex,
        launchArgs: [
          workspace,
          '--disable-extensions',
          `--locale=${LOCALE}`,
          `--user-data-dir=${path.join(runDir, 'user-data')}`,
          `--extensions-dir=${path.join(runDir, 'extensions')}`,
        ],
        extensionTestsEnv: { POLICY_REVIEW_E2E_RESULTS: resultsFile },
      });
    } catch (e) {
      exitCode = (e as { code?: number }).code ?? 1;
    }
    summary.checks = readMochaResults(resultsFile);
    if (exitCode !== 0 && !summary.checks.some((c) => !c.ok)) {
      summary.fatal = bi(`编辑器退出码 ${exitCode}，没有失败的测试记录（见上方输出）`, `editor exit code ${exitCode} with no failed test recorded (see the output above)`);
    }
    if (summary.checks.length === 0 && !summary.fatal) summary.fatal = bi('没有运行任何测试', 'no test ran');
  } catch (e) {
    summary.fatal = (e as Error).message;
    console.error(summary.fatal);
  }
  summary.seconds = (Date.now() - t0) / 1000;
  return summary;
}

function readMochaResults(file: string): CheckResult[] {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { tests: CheckResult[] }).tests;
  } catch {
    return [];
  }
}

finishPart(main());
