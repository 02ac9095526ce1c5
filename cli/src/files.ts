/** Finding the drafts to review: files as given, folders walked for .md/.markdown/.txt. */
import { t } from '../../shared/src/lang';
import * as fs from 'node:fs';
import * as path from 'node:path';

const DRAFT = /\.(md|markdown|txt)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', '.e2e']);

export interface Target {
  path: string;
  /** Set when the path itself cannot be read. */
  error?: string;
}

export function collectTargets(inputs: string[]): Target[] {
  const out: Target[] = [];
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch (err) {
      out.push({ path: input, error: t(`无法读取：${(err as NodeJS.ErrnoException).code}。请检查路径。`, `Cannot read (${(err as NodeJS.ErrnoException).code}); check the path.`) });
      continue;
    }
    if (st.isDirectory()) walk(input, out);
    else out.push({ path: input });
  }
  return out;
}

function walk(dir: string, out: Target[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    out.push({ path: dir, error: t(`无法读取目录：${(err as NodeJS.ErrnoException).code}`, `Cannot read folder (${(err as NodeJS.ErrnoException).code})`) });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out);
    } else if (e.isFile() && DRAFT.test(e.name)) out.push({ path: p });
  }
}

export function languageOf(file: string): 'markdown' | 'plaintext' {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}
