/**
 * A Chinese (zh-cn) display language for code-server without a translated workbench.
 *
 * VS Code only reports `vscode.env.language === 'zh-cn'` (and so only shows an extension's
 * package.nls.zh-cn.json and l10n/bundle.l10n.zh-cn.json strings) when a language pack for zh-cn
 * is installed; the real packs come from an extension gallery these machines cannot reach. The
 * pack in test/e2e/langpack-zh-cn declares zh-cn with no translations, so the workbench's own
 * strings stay English while the extension under test speaks Chinese, as it does for its users.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { installVsix, type Profile } from './codeServer';
import { bi, type E2ePaths } from './paths';
import { StepError, runStep } from './proc';

const PACK_ID = 'policy-review-e2e.e2e-display-language-zh-cn';

/** Whether a --locale value asks for Chinese. */
export function isChinese(locale: string | undefined): boolean {
  return !!locale && /^zh/i.test(locale);
}

async function packVsix(paths: E2ePaths): Promise<string> {
  const src = path.join(paths.root, 'test', 'e2e', 'langpack-zh-cn');
  const hash = createHash('sha1')
    .update(fs.readFileSync(path.join(src, 'package.json')))
    .update(fs.readFileSync(path.join(src, 'translations', 'main.i18n.json')))
    .digest('hex')
    .slice(0, 10);
  const vsix = path.join(paths.home, 'langpack', `zh-cn-${hash}.vsix`);
  if (fs.existsSync(vsix)) return vsix;
  const work = path.join(paths.home, 'langpack', `src-${hash}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(src, work, { recursive: true });
  const vsce = path.join(paths.root, 'node_modules', '@vscode', 'vsce', 'vsce');
  await runStep('vsce package (zh-cn display language)', process.execPath, [vsce, 'package', '--allow-missing-repository', '--skip-license', '-o', vsix], {
    cwd: work,
    timeoutMs: 60_000,
    logFile: path.join(paths.home, 'langpack', 'vsce.log'),
  });
  return vsix;
}

/** Installs the zh-cn display language into a profile; start code-server with `--locale zh-cn` afterwards. */
export async function installChineseDisplayLanguage(profile: Profile, paths: E2ePaths): Promise<void> {
  const vsix = await packVsix(paths);
  await installVsix(vsix, profile, paths);
  const dir = fs.readdirSync(profile.extensionsDir).find((n) => n.toLowerCase().startsWith(PACK_ID.toLowerCase()));
  if (!dir) throw new StepError('zh-cn display language', bi('安装后未找到语言包', 'language pack not found after install'));
  const translations = path.join(profile.extensionsDir, dir, 'translations', 'main.i18n.json');
  // What VS Code's language pack service writes when a pack is installed from the UI.
  const languagePacks = {
    'zh-cn': {
      hash: createHash('sha1').update(translations).digest('hex').slice(0, 12),
      label: '中文(简体)',
      extensions: [{ extensionIdentifier: { id: PACK_ID }, version: '1.0.0' }],
      translations: { vscode: translations },
    },
  };
  fs.writeFileSync(path.join(profile.userDataDir, 'languagepacks.json'), JSON.stringify(languagePacks, null, 2));
}
