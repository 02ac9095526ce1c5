/**
 * Analyzer lifecycle. Segmenters are slow to load, so one is kept per backend for the life of the
 * server (reloaded only when a rule pack brings aliases its dictionary lacks). Analyzers are keyed
 * by backend and rule pack files and dropped on every configuration change, so edited packs are
 * read again. Rule pack problems are shown once, never thrown: the built-in packs keep working.
 */
import { lang, t } from '../../shared/src/lang';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Analyzer, formatRulePackError, type Segmenter } from '../../core/src';
import { builtinRuleFiles, createSegmenter, fallbackNote, FALLBACK, loadRulePacks } from '../../host/src';
import type { RulePackError } from '../../core/src/types';
import type { PolicyReviewSettings, SegmenterBackend } from '../../shared/src/settings';

export interface AnalyzerHostDeps {
  /** Folder of the built-in packs (rules/ next to dist/). */
  builtinRulesDir: string;
  /** False when the workspace is not trusted: workspace rule packs are not loaded. */
  trustedWorkspace: boolean;
  log: (message: string) => void;
  showError: (message: string) => void;
  /** Loads a segmenter; the core's by default (tests pass a fake). */
  createSegmenter?: typeof createSegmenter;
}

/** Where to resolve relative rule pack paths for a document. */
export interface PackContext {
  /** File system path of the workspace folder holding the document, if any. */
  folder?: string;
  /** File system path of the document's own folder, if it is a file. */
  documentDir?: string;
}

/** Most problems listed in one message; the rest go to the log. */
const MAX_LISTED_ERRORS = 3;

export class AnalyzerHost {
  private readonly segmenters = new Map<SegmenterBackend, { words: Set<string>; segmenter: Segmenter }>();
  private readonly failedBackends = new Set<SegmenterBackend>();
  private readonly analyzers = new Map<string, Analyzer | undefined>();
  private readonly shown = new Set<string>();
  private untrustedNoted = false;

  constructor(private readonly deps: AnalyzerHostDeps) {}

  /** Rule pack files for a document: built-in ones first, then the workspace's. */
  ruleFiles(settings: PolicyReviewSettings, ctx: PackContext): string[] {
    const files = settings.useBuiltinRules ? builtinRuleFiles(this.deps.builtinRulesDir) : [];
    if (settings.rulePacks.length && !this.deps.trustedWorkspace) {
      if (!this.untrustedNoted) {
        this.untrustedNoted = true;
        this.deps.log(t('工作区未受信任，不加载工作区规则包', 'Workspace not trusted: workspace rule packs are not loaded'));
      }
      return files;
    }
    for (const p of settings.rulePacks) {
      const file = resolvePackPath(p, ctx);
      if (!file || files.includes(file)) continue;
      if (ctx.folder && escapesFolder(p, file, ctx.folder)) {
        const message = t(
          `规则包路径“${p}”指向工作区之外（经由 .. 或符号链接），已拒绝。请把规则包放在工作区内，或在用户设置中写绝对路径。`,
          `The rule pack path “${p}” leads out of the workspace (through .. or a symbolic link) and is refused. Keep packs inside the workspace, or give an absolute path in your user settings.`,
        );
        this.deps.log(message);
        if (!this.shown.has(message)) this.shown.add(message), this.deps.showError(message);
        continue;
      }
      files.push(file);
    }
    return files;
  }

  /** The analyzer for these settings, built on first use; undefined when nothing could be loaded. */
  get(settings: PolicyReviewSettings, ctx: PackContext): Analyzer | undefined {
    const files = this.ruleFiles(settings, ctx);
    const key = `${settings.segmenter}\n${files.join('\n')}`;
    if (this.analyzers.has(key)) return this.analyzers.get(key);
    const analyzer = this.build(settings.segmenter, files);
    this.analyzers.set(key, analyzer);
    return analyzer;
  }

  /** Drops every analyzer (rule packs are read again on next use); segmenters are kept. */
  clear(): void {
    this.analyzers.clear();
  }

  /** Forgets which rule pack errors were shown, so that a pack broken again is reported again. */
  resetShownErrors(): void {
    this.shown.clear();
  }

  private build(backend: SegmenterBackend, files: string[]): Analyzer | undefined {
    const { packs, errors } = loadRulePacks(files, lang());
    if (errors.length) this.reportPackErrors(errors);
    const segmenter = this.segmenter(backend, Analyzer.words(packs));
    if (!segmenter) return undefined;
    return new Analyzer(packs, segmenter);
  }

  private reportPackErrors(errors: RulePackError[]): void {
    const formatted = errors.map((e) => formatRulePackError(e, lang()));
    for (const e of formatted) this.deps.log(e);
    const key = formatted.join('\n');
    if (this.shown.has(key)) return;
    this.shown.add(key);
    const listed = formatted.slice(0, MAX_LISTED_ERRORS).join(t('；', '; '));
    const more = errors.length - MAX_LISTED_ERRORS;
    const tail = more > 0 ? t(`（另有 ${more} 处，见输出日志）`, ` (${more} more in the output log)`) : '';
    this.deps.showError(t(`${listed}${tail}。有误的规则包已跳过，其余规则包照常使用。`, `${listed}${tail}. The invalid pack is skipped; the other packs are still used.`));
  }

  /** A segmenter for the backend whose dictionary holds the words; falls back to node-rs. */
  /** When a backend could not load and another serves instead: what the writer is told (once logged). */
  fallbackNotice: string | undefined;

  /**
   * The segmenter for a backend, loading it (or a wider one) when needed. A backend that cannot
   * load falls back: nodejieba to node-rs, node-rs to the WebAssembly build, which loads anywhere.
   */
  private segmenter(backend: SegmenterBackend, words: string[]): Segmenter | undefined {
    while (this.failedBackends.has(backend) && FALLBACK[backend]) backend = FALLBACK[backend]!;
    const held = this.segmenters.get(backend);
    if (held && words.every((w) => held.words.has(w))) return held.segmenter;
    const union = new Set([...(held?.words ?? []), ...words]);
    try {
      const started = Date.now();
      const segmenter = (this.deps.createSegmenter ?? createSegmenter)(backend, [...union], lang());
      this.segmenters.set(backend, { words: union, segmenter });
      this.deps.log(t(`分词后端 ${backend} 已加载（${Date.now() - started} ms）`, `Segmenter ${backend} loaded (${Date.now() - started} ms)`));
      return segmenter;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.deps.log(message);
      if (held) return held.segmenter;
      const next = FALLBACK[backend];
      const first = !this.failedBackends.has(backend);
      this.failedBackends.add(backend);
      if (!next) {
        if (first) this.deps.showError(message);
        return undefined;
      }
      const note = fallbackNote(backend, next, err, lang());
      if (next === 'wasm') {
        // No native segmenter here: say so once, and keep reviewing with the WebAssembly build.
        this.fallbackNotice = note;
        if (first) this.deps.log(note);
      } else if (first) this.deps.showError(note);
      return this.segmenter(next, words);
    }
  }

}

/**
 * Whether a relative pack path leads out of the workspace folder: by .. or, once resolved on disk,
 * through a symbolic link. Absolute paths and file: URIs are the writer's own (user settings; a
 * workspace that is not trusted sets none) and are not checked.
 */
export function escapesFolder(entry: string, file: string, folder: string): boolean {
  if (entry.startsWith('file:') || path.isAbsolute(entry)) return false;
  const inside = (p: string, base: string) => p === base || p.startsWith(base.endsWith(path.sep) ? base : base + path.sep);
  const base = path.resolve(folder);
  if (!inside(path.resolve(file), base)) return true;
  try {
    return !inside(fs.realpathSync(file), fs.realpathSync(base));
  } catch {
    // A file that does not exist is reported when it is read.
    return false;
  }
}

/** Absolute path of a rule pack setting entry; relative paths resolve against the workspace folder. */
export function resolvePackPath(entry: string, ctx: PackContext): string | undefined {
  if (entry.startsWith('file:')) {
    try {
      return fileURLToPath(entry);
    } catch {
      return undefined;
    }
  }
  if (path.isAbsolute(entry)) return path.normalize(entry);
  const base = ctx.folder ?? ctx.documentDir;
  return base ? path.resolve(base, entry) : path.resolve(entry);
}
