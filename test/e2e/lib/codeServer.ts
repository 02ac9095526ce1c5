/**
 * Starting and stopping code-server with a fresh profile: loopback only, no auth, its own process
 * group, TMPDIR/XDG_* in the run's scratch folder so nothing lands in the home directory.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bi, e2ePaths, type E2ePaths } from './paths';
import { StepError, freePort, killGroup, killGroupNow, log, runStep, tail, waitUntil } from './proc';

/** User settings for a quiet, deterministic workbench. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'files.hotExit': 'off',
  'files.autoSave': 'off',
  'editor.hover.delay': 150,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'workbench.colorTheme': 'Default Light Modern',
};

/** Environment that keeps code-server, its extension host and the language server inside dir. */
export function scratchEnv(dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const [k, sub] of [
    ['TMPDIR', 'tmp'],
    ['XDG_CONFIG_HOME', 'xdg/config'],
    ['XDG_DATA_HOME', 'xdg/data'],
    ['XDG_CACHE_HOME', 'xdg/cache'],
  ] as const) {
    env[k] = path.join(dir, sub);
    fs.mkdirSync(env[k]!, { recursive: true });
  }
  // Variables of an outer VS Code would confuse the extension host.
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_RUN_AS_NODE)/.test(k)) delete env[k];
  return env;
}

/** Writes (merges) User/settings.json of a profile. */
export function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    /* fresh profile */
  }
  fs.writeFileSync(file, JSON.stringify({ ...QUIET_SETTINGS, ...current, ...extra }, null, 2));
}

export interface Profile {
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
  env: NodeJS.ProcessEnv;
}

export function makeProfile(runDir: string, opts: { userDataDir?: string; extensionsDir?: string; env?: NodeJS.ProcessEnv } = {}): Profile {
  const userDataDir = opts.userDataDir ?? path.join(runDir, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(runDir, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir);
  return { runDir, userDataDir, extensionsDir, env: scratchEnv(runDir, opts.env) };
}

function csArgs(p: Profile): string[] {
  return ['--user-data-dir', p.userDataDir, '--extensions-dir', p.extensionsDir];
}

/** `code-server --install-extension x.vsix` into the profile (bounded). */
export async function installVsix(vsix: string, p: Profile, paths: E2ePaths = e2ePaths()): Promise<void> {
  await runStep('code-server --install-extension', process.execPath, [paths.csEntry, ...csArgs(p), '--install-extension', vsix, '--force'], {
    timeoutMs: 120_000,
    logFile: path.join(p.runDir, 'install-extension.log'),
    env: p.env,
  });
}

export interface CodeServer {
  port: number;
  baseUrl: string;
  pid: number;
  logFile: string;
  /** Kills code-server's process group (extension host and language server included). */
  stop(): Promise<void>;
  /** Synchronous kill for process 'exit' handlers. */
  stopNow(): void;
  exited(): boolean;
}

/** Starts code-server on 127.0.0.1 with a free port in 18000–18999 and waits for /healthz. */
export async function startCodeServer(p: Profile, paths: E2ePaths = e2ePaths(), timeoutMs = 90_000, extraArgs: string[] = []): Promise<CodeServer> {
  if (!fs.existsSync(paths.csEntry)) {
    throw new StepError('start code-server', bi(`未找到 ${paths.csEntry}，请先运行 provision`, `${paths.csEntry} missing: run provisioning first`));
  }
  let lastError: StepError | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const logFile = path.join(p.runDir, `code-server-${port}.log`);
    const fd = fs.openSync(logFile, 'a');
    const child = spawn(
      process.execPath,
      [
        paths.csEntry,
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        ...csArgs(p),
        ...extraArgs,
      ],
      { env: p.env, stdio: ['ignore', fd, fd], detached: true },
    );
    fs.closeSync(fd);
    let exitCode: number | string | null | undefined;
    child.on('exit', (code, signal) => (exitCode = code ?? signal));
    const pid = child.pid!;
    const baseUrl = `http://127.0.0.1:${port}`;
    const cs: CodeServer = {
      port,
      baseUrl,
      pid,
      logFile,
      stop: () => killGroup(pid),
      stopNow: () => killGroupNow(pid),
      exited: () => exitCode !== undefined,
    };
    const healthy = await waitUntil(
      async () => {
        if (exitCode !== undefined) return true;
        try {
          const r = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
          return r.ok;
        } catch {
          return false;
        }
      },
      timeoutMs,
      250,
    );
    if (healthy && exitCode === undefined) {
      log(bi('code-server 已启动', 'code-server up'), baseUrl);
      return cs;
    }
    await cs.stop();
    const why = exitCode !== undefined ? bi(`进程已退出（${exitCode}）`, `exited (${exitCode})`) : bi(`${timeoutMs / 1000} 秒内 /healthz 未就绪`, `/healthz not ready within ${timeoutMs / 1000}s`);
    lastError = new StepError('start code-server', why, tail(logFile));
    // A port taken between the probe and the bind: try another one.
    if (!/EADDRINUSE/.test(tail(logFile))) break;
  }
  throw lastError!;
}

/** Reads the remoteAuthority the workbench uses for vscode-remote:// URIs (differs between versions). */
export async function remoteAuthority(cs: CodeServer, folder: string): Promise<string> {
  const res = await fetch(`${cs.baseUrl}/?folder=${encodeURIComponent(folder)}`, { signal: AbortSignal.timeout(15_000) });
  const html = await res.text();
  const m = html.match(/remoteAuthority&quot;:&quot;([^&]+)&quot;/) ?? html.match(/"remoteAuthority":"([^"]+)"/);
  if (!m) throw new StepError('read remoteAuthority', bi('工作台页面中没有 remoteAuthority', 'no remoteAuthority in the workbench page'), html.slice(0, 400));
  return m[1];
}
