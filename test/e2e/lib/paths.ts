/**
 * Where the end-to-end harness keeps things. Everything it installs or writes lives under the
 * git-ignored `.e2e/` folder of the repository (code-server, scratch profiles, logs), and
 * screenshots under `test-results/`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above this bundle whose package.json names policy-review. */
export function repoRoot(): string {
  if (process.env.POLICY_REVIEW_ROOT) return path.resolve(process.env.POLICY_REVIEW_ROOT);
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'policy-review') return dir;
      } catch {
        /* not ours, keep climbing */
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`找不到仓库根目录 / cannot find the repository root above ${__dirname}`);
    dir = up;
  }
}

export const CODE_SERVER_VERSION = '4.100.3';

/** Debian's Chromium (POLICY_REVIEW_CHROMIUM overrides). */
export const CHROMIUM = process.env.POLICY_REVIEW_CHROMIUM ?? '/usr/bin/chromium';

export interface E2ePaths {
  root: string;
  /** .e2e/ */
  home: string;
  /** npm prefix of the code-server install. */
  cs: string;
  /** Node entry of code-server (run with process.execPath). */
  csEntry: string;
  /** TMPDIR for installs. */
  tmp: string;
  /** Scratch folders of individual runs. */
  runs: string;
  /** The fixture workspace in the repository (copied per run). */
  fixture: string;
  /** Built in-host suite entry. */
  suiteIndex: string;
  /** The vscodeExecutablePath stand-in. */
  launcher: string;
  results: string;
  vsix: string;
}

export function e2ePaths(root = repoRoot()): E2ePaths {
  const home = process.env.POLICY_REVIEW_E2E_HOME ? path.resolve(process.env.POLICY_REVIEW_E2E_HOME) : path.join(root, '.e2e');
  const cs = path.join(home, 'cs');
  return {
    root,
    home,
    cs,
    csEntry: path.join(cs, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    tmp: path.join(home, 'tmp'),
    runs: path.join(home, 'runs'),
    fixture: path.join(root, 'test', 'e2e', 'workspace'),
    suiteIndex: path.join(root, 'dist', 'test', 'e2e', 'suite', 'index.js'),
    launcher: path.join(root, 'scripts', 'e2e', 'code-server-as-vscode'),
    results: path.join(root, 'test-results'),
    vsix: path.join(root, 'policy-review.vsix'),
  };
}

/** A fresh scratch folder for one run: .e2e/runs/<label>-<time>-<pid>. Old runs beyond the last few are removed. */
export function newRunDir(label: string, paths = e2ePaths()): string {
  fs.mkdirSync(paths.runs, { recursive: true });
  pruneRuns(paths.runs, 8);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const dir = path.join(paths.runs, `${label}-${stamp}-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function pruneRuns(runs: string, keep: number): void {
  const entries = fs
    .readdirSync(runs)
    .map((name) => ({ name, mtime: fs.statSync(path.join(runs, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const e of entries.slice(keep)) fs.rmSync(path.join(runs, e.name), { recursive: true, force: true });
}

/** Copies the fixture workspace so that edits made by the tests never touch the repository. */
export function copyFixture(dest: string, paths = e2ePaths()): string {
  fs.cpSync(paths.fixture, dest, { recursive: true });
  return dest;
}

/** Bilingual message: Chinese first, then English. */
export function bi(zh: string, en: string): string {
  return `${zh} / ${en}`;
}
