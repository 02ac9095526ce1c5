/**
 * UI smoke test of the packaged extension: the .vsix is installed into a fresh code-server profile
 * and a draft is opened in headless Chromium, then what a user sees is checked through the DOM:
 * the squiggle and the Problems entry, the hover on an alias, the command palette's
 * 「插入关系章节」/“Insert Relationship Section” with its QuickPick, the status bar item, and the
 * coverage view (关系覆盖 / Relationship Coverage). One screenshot per step in test-results/ui/.
 *
 * The .vsix is built with `npm run package` when policy-review.vsix is missing or older than the
 * sources (POLICY_REVIEW_E2E_REBUILD_VSIX=1 forces a rebuild). The UI language is zh-cn unless
 * POLICY_REVIEW_E2E_LOCALE says otherwise.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, type Browser } from './lib/browser';
import { installVsix, makeProfile, startCodeServer, type CodeServer } from './lib/codeServer';
import { installChineseDisplayLanguage, isChinese } from './lib/displayLanguage';
import { bi, copyFixture, e2ePaths, newRunDir, type E2ePaths } from './lib/paths';
import { StepError, log, probe, runStep, tail } from './lib/proc';
import { loadRelationship, loadRelationships } from './lib/rules';
import { finishPart, type PartSummary } from './lib/summary';
import { provision } from './provision';

const DRAFT = 'opendata.md';
/** UI language: zh-cn by default (the extension's strings in Chinese, the workbench's in English). */
const LOCALE = process.env.POLICY_REVIEW_E2E_LOCALE ?? 'zh-cn';
const STEP_MS = 30_000;

let cs: CodeServer | undefined;
let browser: Browser | undefined;
process.on('exit', () => {
  browser?.closeNow();
  cs?.stopNow();
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    void (async () => {
      await browser?.close();
      await cs?.stop();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    })();
  });
}

/** Newest modification time under the given paths (files or folders). */
function newest(paths: string[]): number {
  let t = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) visit(path.join(p, n));
    else t = Math.max(t, st.mtimeMs);
  };
  paths.forEach(visit);
  return t;
}

async function ensureVsix(paths: E2ePaths): Promise<void> {
  const sources = ['client/src', 'server/src', 'core/src', 'host/src', 'shared/src', 'rules', 'l10n', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', '.vscodeignore'];
  const stale = !fs.existsSync(paths.vsix) || fs.statSync(paths.vsix).mtimeMs < newest(sources.map((s) => path.join(paths.root, s)));
  if (!stale && process.env.POLICY_REVIEW_E2E_REBUILD_VSIX !== '1') {
    log(bi('复用已有的 vsix', 'reusing the vsix'), paths.vsix);
    return;
  }
  log(bi('打包 vsix（npm run package）', 'packaging the vsix (npm run package)'));
  const npm = probe('sh', ['-c', 'command -v npm']).out.trim() || 'npm';
  await runStep('npm run package', npm, ['run', 'package'], { cwd: paths.root, timeoutMs: 5 * 60_000, logFile: path.join(paths.home, 'package.log') });
  if (!fs.existsSync(paths.vsix)) throw new StepError('npm run package', bi(`未生成 ${paths.vsix}`, `${paths.vsix} was not produced`), tail(path.join(paths.home, 'package.log')));
}

/** The extension's own UI strings in the run's language: package.nls(.zh-cn).json and the l10n bundle. */
function extensionStrings(root: string, locale: string) {
  const read = (f: string): Record<string, string> => (fs.existsSync(path.join(root, f)) ? JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) : {});
  const zh = isChinese(locale);
  const nls = { ...read('package.nls.json'), ...(zh ? read('package.nls.zh-cn.json') : {}) };
  const bundle = zh ? read('l10n/bundle.l10n.zh-cn.json') : {};
  const t = (key: string) => bundle[key] ?? key;
  const command = (key: string) => `${nls.category}: ${nls[key]}`;
  return {
    insertCommand: command('command.insertRelationshipSection.title'),
    showCoverageCommand: command('command.showCoverage.title'),
    coverageView: nls['view.coverage.name'],
    pickTitle: t('Insert Relationship Section'),
    statusBar: new RegExp(escapeRe(t('Relationships {0}/{1}')).replace('\\{0\\}', '\\d+').replace('\\{1\\}', '\\d+')),
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Screen-reader text of a locator, whitespace folded. */
async function textOf(l: Locator): Promise<string> {
  return ((await l.textContent({ timeout: 5000 })) ?? '').replace(/\s+/g, ' ').trim();
}

/** Client rectangle of the first occurrence of `needle` in the editor's rendered lines. */
async function rectOfText(page: Page, needle: string): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
  return page.evaluate((n) => {
    const d = (globalThis as unknown as { document: any }).document;
    for (const line of Array.from(d.querySelectorAll('.monaco-editor .view-line')) as any[]) {
      const walker = d.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node.textContent as string).indexOf(n);
        if (i < 0) continue;
        const range = d.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + n.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
    }
    return undefined;
  }, needle);
}

async function main(): Promise<PartSummary> {
  const t0 = Date.now();
  const paths = e2ePaths();
  const summary: PartSummary = { part: bi('界面冒烟测试', 'UI smoke test'), checks: [], seconds: 0 };
  const shots = path.join(paths.results, 'ui');
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  let page: Page | undefined;
  let shotNo = 0;
  const shot = async (name: string) => {
    const file = path.join(shots, `${String(++shotNo).padStart(2, '0')}-${name}.png`);
    // Let finite animations (the hover's fade-in) end first, at most 3 s.
    await page
      ?.evaluate(() => {
        const d = (globalThis as unknown as { document: any }).document;
        const finite = d.getAnimations().filter((a: any) => a.effect?.getTiming().iterations !== Infinity);
        return Promise.race([Promise.all(finite.map((a: any) => a.finished)), new Promise((r) => setTimeout(r, 3000))]);
      })
      .catch(() => undefined);
    await page?.screenshot({ path: file, timeout: 15_000 }).catch(() => undefined);
    return file;
  };
  /** One check: runs fn, records pass/fail with the detail, screenshots either way. */
  const step = async (title: string, name: string, fn: () => Promise<string>) => {
    const s0 = Date.now();
    try {
      const detail = await fn();
      const file = await shot(name);
      summary.checks.push({ title: `UI: ${title}`, ok: true, ms: Date.now() - s0 });
      log(`✔ ${title}`, detail, path.relative(paths.root, file));
    } catch (e) {
      const file = await shot(`${name}-FAILED`);
      const msg = (e as Error).message.split('\n').slice(0, 6).join(' ');
      summary.checks.push({ title: `UI: ${title}`, ok: false, error: msg, ms: Date.now() - s0 });
      log(`✖ ${title}`, msg, path.relative(paths.root, file));
      await page?.keyboard.press('Escape').catch(() => undefined);
    }
  };

  try {
    await provision(paths);
    await ensureVsix(paths);
    const ods = loadRelationship(paths.root, 'open-data-security');
    const inv = loadRelationship(paths.root, 'investment-benefit');
    const names = [...loadRelationships(paths.root).values()].map((r) => r.name);
    const ui = extensionStrings(paths.root, LOCALE);
    log(bi('界面语言', 'UI language'), LOCALE, JSON.stringify({ ...ui, statusBar: String(ui.statusBar) }));

    const runDir = newRunDir('ui');
    const ws = copyFixture(path.join(runDir, 'workspace'), paths);
    const profile = makeProfile(runDir);
    const ti = Date.now();
    await installVsix(paths.vsix, profile, paths);
    log(bi('已安装 vsix', 'vsix installed'), `${((Date.now() - ti) / 1000).toFixed(1)}s`);
    if (isChinese(LOCALE)) await installChineseDisplayLanguage(profile, paths);
    cs = await startCodeServer(profile, paths, undefined, ['--locale', LOCALE]);
    browser = await launchBrowser(path.join(runDir, 'chromium'), { viewport: { width: 1500, height: 950 } });
    page = browser.page;
    const p = page;
    p.setDefaultTimeout(STEP_MS);

    await p.goto(`${cs.baseUrl}/?folder=${encodeURIComponent(ws)}`, { timeout: 60_000 });
    await p
      .locator('.monaco-workbench')
      .waitFor({ timeout: 90_000 })
      .catch(() => {
        throw new StepError('workbench', bi('90 秒内工作台未出现', 'the workbench did not appear within 90s'), tail(cs!.logFile));
      });

    await step(bi('打开文稿，出现波浪线', 'open the draft: squiggle appears'), 'squiggle', async () => {
      await p.getByRole('treeitem', { name: DRAFT }).first().click();
      await p.getByRole('tab', { name: new RegExp(DRAFT.replace('.', '\\.')) }).first().waitFor();
      // Monaco draws squiggles as decorations without an accessible role.
      await p.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 90_000 });
      return `${await p.locator('.monaco-editor .squiggly-warning').count()} warning squiggle(s)`;
    });

    await step(bi('问题面板列出诊断', 'Problems panel lists the diagnostic'), 'problems', async () => {
      await p.locator('.monaco-editor .view-lines').first().click();
      await p.keyboard.press('Control+Shift+M');
      const row = p.getByRole('treeitem').filter({ hasText: 'open-data-security' }).first();
      await row.waitFor();
      const text = await textOf(row);
      if (!text.includes(ods.sides[1].label)) throw new Error(`row does not name ${ods.sides[1].label}: ${text}`);
      return text.slice(0, 120);
    });

    await step(bi('悬停别名显示说明', 'hovering the alias shows the explanation'), 'hover', async () => {
      await p.keyboard.press('Control+Shift+M'); // close the panel again
      const needle = '数据开放带动';
      const r = await rectOfText(p, needle);
      if (!r) throw new Error(`«${needle}» is not rendered in the editor`);
      const x = r.x + (r.width * 2) / needle.length; // inside 数据开放
      const y = r.y + r.height / 2;
      await p.mouse.move(x - 30, y);
      await p.mouse.move(x, y, { steps: 5 });
      const hover = p.locator('.monaco-hover').filter({ hasText: ods.name }).first();
      await hover.waitFor();
      const text = await textOf(hover);
      const squash = (s: string) => s.replace(/\s+/g, '');
      if (!squash(text).includes(squash(ods.explanation).slice(0, 40))) throw new Error(`hover lacks the explanation: ${text.slice(0, 300)}`);
      return text.slice(0, 80);
    });

    await step(bi('命令面板插入关系章节', 'command palette inserts a relationship section'), 'insert-section', async () => {
      await p.mouse.move(5, 5);
      await p.keyboard.press('Escape');
      await p.locator('.monaco-editor .view-lines').first().click();
      await p.keyboard.press('Control+End');
      await p.keyboard.press('F1');
      const input = p.locator('.quick-input-widget input');
      await input.waitFor();
      // Typed as a user would: the command's title in the UI language, e.g. 「插入关系章节」.
      await input.fill(`>${ui.insertCommand.replace(/[…．.]+$/, '')}`);
      const option = p.getByRole('option', { name: new RegExp(`^${escapeRe(ui.insertCommand)}`) }).first();
      await option.waitFor();
      const commandLabel = await textOf(option);
      await p.keyboard.press('Enter');
      // The QuickPick of relationships: filter by name and pick it.
      await p.locator('.quick-input-widget').getByText(ui.pickTitle, { exact: true }).first().waitFor();
      await input.fill(inv.name);
      const pick = p.getByRole('option', { name: new RegExp(inv.name) }).first();
      await pick.waitFor();
      await p.keyboard.press('Enter');
      const line = p.locator('.monaco-editor .view-line').filter({ hasText: inv.template.title }).first();
      await line.waitFor();
      return `${commandLabel} → «${(await textOf(line)).replace(/\u00a0/g, ' ')}»`;
    });

    await step(bi('状态栏显示关系覆盖', 'status bar shows the relationship coverage'), 'status-bar', async () => {
      const item = p.getByRole('button', { name: ui.statusBar }).first();
      await item.waitFor();
      return ((await item.getAttribute('aria-label')) ?? (await textOf(item))).split('\n')[0];
    });

    await step(bi('关系覆盖视图列出各组关系', 'the coverage view lists the relationships'), 'coverage-view', async () => {
      await p.keyboard.press('F1');
      const input = p.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(`>${ui.showCoverageCommand}`);
      const option = p.getByRole('option', { name: new RegExp(`^${escapeRe(ui.showCoverageCommand)}`) }).first();
      await option.waitFor();
      await p.keyboard.press('Enter');
      // The tree is labelled with the view's title, 关系覆盖 in Chinese.
      const view = p.getByRole('tree', { name: ui.coverageView, exact: true }).first();
      await view.getByRole('treeitem').first().waitFor();
      // The list is virtual: collapse the file explorer so that every row of the view is rendered.
      const files = p.getByRole('button', { name: /^(Explorer Section|资源管理器部分)/ }).first();
      if ((await files.getAttribute('aria-expanded')) === 'true') await files.click();
      const row = view.getByRole('treeitem', { name: new RegExp(ods.name) }).first();
      await row.waitFor();
      const setSize = Number(await row.getAttribute('aria-setsize'));
      if (setSize < names.length) throw new Error(`the view has ${setSize} rows for ${names.length} relationships`);
      const labels = await view.getByRole('treeitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const missing = names.filter((n) => !labels.some((l) => l.includes(n)));
      if (missing.length) throw new Error(`not listed: ${missing.join('、')}; rows: ${labels.join(' | ').slice(0, 400)}`);
      return `${setSize} rows; ${await row.getAttribute('aria-label')}`;
    });

    // The same installed vsix where no native module may load: the WebAssembly segmenter reviews.
    await step(bi('无原生模块时改用 WebAssembly 分词，照常审校', 'with native modules disabled the WebAssembly segmenter reviews'), 'wasm-fallback', async () => {
      await cs!.stop();
      cs = await startCodeServer({ ...profile, env: { ...profile.env, POLICY_REVIEW_NATIVE: 'off' } }, paths, undefined, ['--locale', LOCALE]);
      await p.goto(`${cs.baseUrl}/?folder=${encodeURIComponent(ws)}`, { timeout: 60_000 });
      await p.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
      const files = p.getByRole('button', { name: /^(Explorer Section|资源管理器部分)/ }).first();
      if ((await files.getAttribute('aria-expanded').catch(() => 'true')) === 'false') await files.click();
      await p.getByRole('treeitem', { name: DRAFT }).first().click();
      await p.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 120_000 });
      const item = p.getByRole('button', { name: ui.statusBar }).first();
      await item.hover();
      const hover = p.locator('.monaco-hover, .hover-contents').filter({ hasText: 'WebAssembly' }).first();
      await hover.waitFor({ timeout: 30_000 });
      return `${await p.locator('.monaco-editor .squiggly-warning').count()} warning squiggle(s); ${(await textOf(hover)).split('\n').find((l) => l.includes('WebAssembly'))}`;
    });
  } catch (e) {
    summary.fatal = (e as Error).message;
    console.error(summary.fatal);
    await shot('fatal');
  } finally {
    await browser?.close();
    await cs?.stop();
  }
  summary.seconds = (Date.now() - t0) / 1000;
  return summary;
}

finishPart(main());
