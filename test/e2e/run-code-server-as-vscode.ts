/**
 * Stands in for the VS Code executable that @vscode/test-electron's runTests spawns
 * (scripts/e2e/code-server-as-vscode execs this bundle). It accepts the same arguments:
 *
 *   --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=D] [--extensions-dir=E]
 *   [--locale=zh-cn] [--disable-extensions] [--no-sandbox …other desktop flags, ignored] [WORKSPACE_FOLDER]
 *
 * and runs the tests in a real VS Code workbench: code-server (upstream VS Code's server with its
 * server-side extension host) on 127.0.0.1 with a fresh profile, rendered by headless Chromium.
 * The workbench receives extensionDevelopmentPath/extensionTestsPath through its `payload` URL
 * parameter; VS Code honours that only with developmentOptions.enableSmokeTestDriver, which is
 * patched into the page's configuration meta tag before the workbench reads it. The mocha output
 * arrives through window.codeAutomationLog and the suite's exit code through
 * window.codeAutomationExit; this process exits with that code.
 *
 * With --locale=zh-cn the profile gets a zh-cn display language (see lib/displayLanguage.ts), so
 * the extension shows its Chinese strings as it does for Chinese users.
 *
 * Environment: POLICY_REVIEW_E2E_SUITE_TIMEOUT_MS (whole run, default 15 min),
 * POLICY_REVIEW_E2E_IDLE_TIMEOUT_MS (no output at all, default 4 min),
 * POLICY_REVIEW_E2E_VERBOSE=1 (also forward the workbench's own log lines).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { launchBrowser, type Browser } from './lib/browser';
import { installChineseDisplayLanguage, isChinese } from './lib/displayLanguage';
import { makeProfile, remoteAuthority, startCodeServer, type CodeServer } from './lib/codeServer';
import { bi, e2ePaths, newRunDir } from './lib/paths';
import { StepError, log, tail } from './lib/proc';

interface LaunchArgs {
  extensionDevelopmentPath: string[];
  extensionTestsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  /** UI language (--locale), passed on to code-server. */
  locale?: string;
  folder?: string;
  ignored: string[];
}

const VALUE_FLAGS: Record<string, keyof LaunchArgs> = {
  extensionDevelopmentPath: 'extensionDevelopmentPath',
  extensionTestsPath: 'extensionTestsPath',
  'user-data-dir': 'userDataDir',
  'extensions-dir': 'extensionsDir',
  locale: 'locale',
};

export function parseArgs(argv: string[]): LaunchArgs {
  const out: LaunchArgs = { extensionDevelopmentPath: [], ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = a.match(/^--([^=]+)(?:=(.*))?$/s);
    if (!m) {
      out.folder = path.resolve(a);
      continue;
    }
    const key = VALUE_FLAGS[m[1]];
    if (!key) {
      out.ignored.push(a);
      continue;
    }
    const raw = m[2] ?? argv[++i] ?? '';
    const value = key === 'locale' ? raw : path.resolve(raw);
    if (key === 'extensionDevelopmentPath') out.extensionDevelopmentPath.push(value);
    else (out as unknown as Record<string, string>)[key] = value;
  }
  return out;
}

const SUITE_TIMEOUT_MS = Number(process.env.POLICY_REVIEW_E2E_SUITE_TIMEOUT_MS ?? 15 * 60_000);
const IDLE_TIMEOUT_MS = Number(process.env.POLICY_REVIEW_E2E_IDLE_TIMEOUT_MS ?? 4 * 60_000);
const VERBOSE = process.env.POLICY_REVIEW_E2E_VERBOSE === '1';

// Lines of the workbench's own logging (not the suite's output); shown only with VERBOSE.
const WORKBENCH_NOISE = [
  /^\[(driver|Extension Host|LocalProcess|remote|ExtensionService|Service Worker)\]/,
  /^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin extensions cache/,
  /^ChatSessionStore|^Started local extension host|^Extension host \(|^\[mainThread/,
  // No extension gallery is reachable from the test machine.
  /open-vsx\.org|marketplace|ENOTFOUND/,
];

/**
 * Runs in the page before the workbench script: sets developmentOptions.enableSmokeTestDriver in
 * the configuration meta tag as soon as the tag is parsed (rewriting the HTML in flight instead
 * breaks the workbench's websockets). Plain JavaScript: it runs in the browser.
 */
export const ENABLE_SMOKE_TEST_DRIVER = `(() => {
  const patch = (m) => {
    if (m.id !== 'vscode-workbench-web-configuration' || m.getAttribute('data-patched')) return;
    const cfg = JSON.parse(m.getAttribute('data-settings') || '{}');
    cfg.developmentOptions = Object.assign({}, cfg.developmentOptions, { enableSmokeTestDriver: true });
    m.setAttribute('data-settings', JSON.stringify(cfg));
    m.setAttribute('data-patched', '1');
  };
  new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach((n) => n.tagName === 'META' && patch(n));
  }).observe(document, { childList: true, subtree: true });
})();`;

let cs: CodeServer | undefined;
let browser: Browser | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await browser?.close();
    await cs?.stop();
  })();
  return cleaning;
}

process.on('exit', () => {
  // Last resort when something skipped the async cleanup.
  browser?.closeNow();
  cs?.stopNow();
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    log(bi(`收到 ${sig}，正在关闭编辑器`, `${sig}: closing the editor`));
    void cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  });
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath || args.extensionDevelopmentPath.length === 0) {
    throw new StepError('arguments', bi('需要 --extensionDevelopmentPath 和 --extensionTestsPath', '--extensionDevelopmentPath and --extensionTestsPath are required'));
  }
  const paths = e2ePaths();
  const runDir = newRunDir('host');
  const folder = args.folder ?? fs.mkdtempSync(path.join(runDir, 'empty-ws-'));
  log(bi('启动编辑器', 'starting the editor'), `folder=${folder} run=${runDir}`);
  if (args.ignored.length) log(bi('忽略的桌面版参数', 'desktop-only flags ignored'), args.ignored.join(' '));

  // A fresh profile unless the caller gave one (runTests' default profile lives in .vscode-test/).
  const profile = makeProfile(runDir, { userDataDir: args.userDataDir, extensionsDir: args.extensionsDir });
  if (isChinese(args.locale)) await installChineseDisplayLanguage(profile, paths);
  cs = await startCodeServer(profile, paths, undefined, args.locale ? ['--locale', args.locale] : []);
  const authority = await remoteAuthority(cs, folder);
  const remote = (p: string) => `vscode-remote://${authority}${p}`;

  browser = await launchBrowser(path.join(runDir, 'chromium'));
  const { page } = browser;

  await page.addInitScript({ content: ENABLE_SMOKE_TEST_DRIVER });

  let lastOutput = Date.now();
  let resolveExit!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolveExit = r));
  const pageErrors: string[] = [];
  await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(Number(code)));
  await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
    lastOutput = Date.now();
    const text = Array.isArray(args) ? format(...(args as unknown[])) : String(args);
    if (!VERBOSE && WORKBENCH_NOISE.some((re) => re.test(text))) return;
    const line = text.replace(/%c/g, '');
    (level === 'error' ? process.stderr : process.stdout).write(line.endsWith('\n') ? line : `${line}\n`);
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('crash', () => pageErrors.push(bi('页面崩溃', 'page crashed')));

  const payload = JSON.stringify([
    ...args.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(args.extensionTestsPath)],
  ]);
  const url = `${cs.baseUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;
  await page.goto(url, { timeout: 60_000 });

  const fail = (step: string, detail: string): never => {
    const extra = pageErrors.length ? `\n--- page errors ---\n${pageErrors.slice(-10).join('\n')}` : '';
    throw new StepError(step, detail + extra, `code-server (${cs!.logFile}):\n${tail(cs!.logFile)}\n${bi('扩展宿主日志', 'extension host logs')}: ${path.join(profile.userDataDir, 'logs')}`);
  };

  await page
    .locator('.monaco-workbench')
    .waitFor({ state: 'attached', timeout: 90_000 })
    .catch(() => fail('workbench', bi('90 秒内工作台未出现', 'the workbench did not appear within 90s')));
  log(bi('工作台已打开，等待测试结束', 'workbench open; waiting for the tests'));

  const started = Date.now();
  let watchdog: NodeJS.Timeout | undefined;
  const stalled = new Promise<string>((resolve) => {
    watchdog = setInterval(() => {
      if (cs!.exited()) resolve(bi('code-server 意外退出', 'code-server exited unexpectedly'));
      else if (Date.now() - started > SUITE_TIMEOUT_MS) resolve(bi(`测试总时长超过 ${SUITE_TIMEOUT_MS / 1000} 秒`, `the run exceeded ${SUITE_TIMEOUT_MS / 1000}s`));
      else if (Date.now() - lastOutput > IDLE_TIMEOUT_MS) resolve(bi(`${IDLE_TIMEOUT_MS / 1000} 秒无任何输出`, `no output for ${IDLE_TIMEOUT_MS / 1000}s`));
      else if (pageErrors.some((e) => e.includes('page crashed'))) resolve(bi('页面崩溃', 'page crashed'));
    }, 1000);
  });
  const outcome = await Promise.race([exited.then((code) => ({ code })), stalled.then((why) => ({ why }))]);
  clearInterval(watchdog);
  if ('why' in outcome) fail('extension tests', outcome.why);
  const code = (outcome as { code: number }).code;
  log(bi(`测试结束，退出码 ${code}`, `tests finished, exit code ${code}`));
  return code;
}

main()
  .then(
    (code) => code,
    (e: Error) => {
      console.error(e instanceof StepError ? e.message : (e.stack ?? String(e)));
      return 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
