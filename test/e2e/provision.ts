/**
 * Provisioning for the real-editor tests: Debian packages (Chromium, a CJK font, Neovim, ripgrep
 * and the headers code-server's native modules build against) and code-server itself, installed
 * into the git-ignored `.e2e/cs`. Idempotent: a second call only checks and returns.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM, CODE_SERVER_VERSION, bi, e2ePaths, type E2ePaths } from './lib/paths';
import { StepError, log, probe, runStep } from './lib/proc';

/** Debian packages the harness needs. */
export const APT_PACKAGES = ['chromium', 'fonts-wqy-zenhei', 'neovim', 'libkrb5-dev', 'ripgrep', 'build-essential', 'python3'];

interface Requirement {
  what: string;
  present: () => boolean;
}

const onPath = (bin: string) => () => probe('sh', ['-c', `command -v ${bin}`]).ok;

const REQUIREMENTS: Requirement[] = [
  { what: CHROMIUM, present: () => fs.existsSync(CHROMIUM) },
  { what: 'nvim', present: onPath('nvim') },
  { what: bi('文泉驿字体', 'WenQuanYi font') + ' (fc-list)', present: () => /wqy/i.test(probe('fc-list', []).out) },
  { what: 'rg', present: onPath('rg') },
  { what: 'libkrb5-dev', present: () => /install ok installed/.test(probe('dpkg-query', ['-W', '-f=${Status}', 'libkrb5-dev']).out) },
  { what: 'make/g++', present: () => onPath('make')() && onPath('g++')() },
  { what: 'python3', present: onPath('python3') },
];

export interface ProvisionReport {
  aptInstalled: boolean;
  codeServerInstalled: boolean;
  seconds: number;
}

/** Installs what is missing; throws StepError (with the step and log tail) when something fails. */
export async function provision(paths: E2ePaths = e2ePaths()): Promise<ProvisionReport> {
  const t0 = Date.now();
  fs.mkdirSync(paths.home, { recursive: true });
  const logFile = path.join(paths.home, 'provision.log');
  const aptInstalled = await ensureDebianPackages(logFile);
  const codeServerInstalled = await ensureCodeServer(paths, logFile);
  return { aptInstalled, codeServerInstalled, seconds: (Date.now() - t0) / 1000 };
}

async function ensureDebianPackages(logFile: string): Promise<boolean> {
  const missing = REQUIREMENTS.filter((r) => !r.present()).map((r) => r.what);
  if (missing.length === 0) {
    log(bi('系统软件包齐全', 'Debian packages present'));
    return false;
  }
  const cmd = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new StepError(
      'apt-get',
      `${bi('缺少', 'missing')}: ${missing.join(', ')}.\n` +
        `${bi('请以 root 身份安装这些软件包', 'Install these packages as root')}:\n  sudo sh -c '${cmd}'`,
    );
  }
  log(bi(`缺少 ${missing.join(', ')}，正在安装软件包`, `missing ${missing.join(', ')}; installing packages`));
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Lock::Timeout: wait (bounded) for another apt run instead of failing on the lock at once.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  await runStep('apt-get update', 'apt-get', [...lock, 'update'], { timeoutMs: 5 * 60_000, logFile, env });
  await runStep('apt-get install', 'apt-get', [...lock, 'install', '-y', ...APT_PACKAGES], {
    timeoutMs: 15 * 60_000,
    logFile,
    env,
  });
  const still = REQUIREMENTS.filter((r) => !r.present()).map((r) => r.what);
  if (still.length) throw new StepError('apt-get install', `${bi('安装后仍缺少', 'still missing after install')}: ${still.join(', ')}`, '');
  return true;
}

/** code-server is reusable when it reports the pinned version and its native parts and ripgrep are in place. */
export function codeServerWorks(paths: E2ePaths): { ok: boolean; why: string } {
  if (!fs.existsSync(paths.csEntry)) return { ok: false, why: bi('未安装', 'not installed') };
  const vsNodeModules = path.join(paths.cs, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  for (const f of ['@vscode/ripgrep/bin/rg', 'node-pty/build/Release/pty.node']) {
    if (!fs.existsSync(path.join(vsNodeModules, f))) return { ok: false, why: `${bi('缺少', 'missing')} ${f}` };
  }
  const scratch = path.join(paths.tmp, 'version-check');
  fs.mkdirSync(scratch, { recursive: true });
  const env = { ...process.env, TMPDIR: scratch, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch, XDG_CACHE_HOME: scratch };
  const v = probe(process.execPath, [paths.csEntry, '--version'], 30_000, env);
  if (!v.ok || !v.out.includes(CODE_SERVER_VERSION)) return { ok: false, why: `--version: ${v.out.trim().slice(0, 200)}` };
  return { ok: true, why: '' };
}

async function ensureCodeServer(paths: E2ePaths, logFile: string): Promise<boolean> {
  const before = codeServerWorks(paths);
  if (before.ok) {
    log(bi(`code-server ${CODE_SERVER_VERSION} 已安装，直接复用`, `code-server ${CODE_SERVER_VERSION} present, reused`), paths.cs);
    return false;
  }
  log(bi(`安装 code-server ${CODE_SERVER_VERSION}`, `installing code-server ${CODE_SERVER_VERSION}`), `(${before.why}) → ${paths.cs}`);
  fs.rmSync(paths.cs, { recursive: true, force: true });
  fs.mkdirSync(paths.cs, { recursive: true });
  // @vscode/ripgrep's postinstall downloads rg from a host this machine cannot reach; it accepts a
  // cached tarball instead, so hand it Debian's rg.
  const cache = path.join(paths.tmp, 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(cache, { recursive: true });
  const rg = probe('sh', ['-c', 'command -v rg']).out.trim() || '/usr/bin/rg';
  await runStep(
    'ripgrep tarball',
    'tar',
    ['-czf', path.join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', path.dirname(rg), path.basename(rg)],
    { timeoutMs: 30_000, logFile },
  );
  const env = {
    ...process.env,
    TMPDIR: paths.tmp,
    npm_config_yes: 'true', // node-pty's install runs `npx node-gyp`
    npm_config_unsafe_perm: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  const npm = probe('sh', ['-c', 'command -v npm']).out.trim() || 'npm';
  await runStep('npm install code-server', npm, ['i', '--prefix', paths.cs, `code-server@${CODE_SERVER_VERSION}`, '--foreground-scripts'], {
    timeoutMs: 10 * 60_000,
    logFile,
    env,
    cwd: paths.cs,
  });
  const after = codeServerWorks(paths);
  if (!after.ok) throw new StepError('code-server check', after.why, '');
  return true;
}
