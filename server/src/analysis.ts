/**
 * When and on what documents are analysed. Edits are debounced; each edit bumps a per-document
 * generation so older, still-pending work gives up at its next checkpoint. Results are cached per
 * document version and settings epoch, and request handlers (hover, completion, …) analyse the
 * current version on demand, so they never read a stale outline. Nothing for an old version is
 * ever handed to `publish`.
 */
import { lang, t } from '../../shared/src/lang';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from '../../core/src';
import { isBinaryText, tooLargeMessage, utf8Length } from '../../core/src';
import type { AnalysisResult, LanguageKind } from '../../core/src/types';
import type { PolicyReviewSettings } from '../../shared/src/settings';
import { toReviewSettings } from './settings';

/** A reviewed document version with its analysis. */
export interface Snapshot {
  kind: 'reviewed';
  uri: string;
  doc: TextDocument;
  version: number;
  text: string;
  language: LanguageKind;
  settings: PolicyReviewSettings;
  analyzer: Analyzer;
  result: AnalysisResult;
}

export type SkipReason = 'language' | 'too-large' | 'binary' | 'unavailable' | 'failed';

/** A document version that is not reviewed, and why. */
export interface Skipped {
  kind: 'skipped';
  uri: string;
  version: number;
  reason: SkipReason;
  /** Bilingual, for the user; empty for documents of other languages. */
  message: string;
  settings: PolicyReviewSettings;
}

export type Outcome = Snapshot | Skipped;

export interface AnalysisDeps {
  getDocument(uri: string): TextDocument | undefined;
  getSettings(uri: string): Promise<PolicyReviewSettings>;
  settingsEpoch(): number;
  getAnalyzer(uri: string, settings: PolicyReviewSettings): Analyzer | undefined;
  /** Receives every outcome of scheduled analysis, for the version the document still has. */
  publish(outcome: Outcome): void;
  log(message: string): void;
}

/** Analyses slower than this are logged. */
const SLOW_MS = 500;

export function languageKind(languageId: string): LanguageKind {
  return languageId === 'markdown' ? 'markdown' : 'plaintext';
}

/** Reviews one document version synchronously, or says why it is skipped. */
export function analyzeDocument(
  doc: TextDocument,
  settings: PolicyReviewSettings,
  getAnalyzer: (settings: PolicyReviewSettings) => Analyzer | undefined,
  log: (message: string) => void,
): Outcome {
  const base = { uri: doc.uri, version: doc.version, settings };
  if (!settings.languageIds.includes(doc.languageId)) {
    return { kind: 'skipped', ...base, reason: 'language', message: '' };
  }
  const text = doc.getText();
  const bytes = utf8Length(text);
  if (bytes > settings.maxFileSize) {
    return { kind: 'skipped', ...base, reason: 'too-large', message: tooLargeMessage(bytes, settings.maxFileSize, lang()) };
  }
  if (isBinaryText(text)) {
    return {
      kind: 'skipped',
      ...base,
      reason: 'binary',
      message: t('文稿含有空字符或大量控制字符，像是二进制内容，不作审校。', 'The document contains NUL or many control characters and looks binary; not reviewed.'),
    };
  }
  const analyzer = getAnalyzer(settings);
  if (!analyzer) {
    return {
      kind: 'skipped',
      ...base,
      reason: 'unavailable',
      message: t('分析器无法加载（见输出日志），暂不审校。', 'The analyzer could not be loaded (see the output log); not reviewed.'),
    };
  }
  const language = languageKind(doc.languageId);
  const started = Date.now();
  try {
    const result = analyzer.analyze(text, { language, settings: toReviewSettings(settings), lang: lang() });
    const ms = Date.now() - started;
    if (ms > SLOW_MS) log(t(`分析耗时 ${ms} ms：${doc.uri}`, `Analysis took ${ms} ms: ${doc.uri}`));
    return { kind: 'reviewed', ...base, doc, text, language, analyzer, result };
  } catch (err) {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    log(t(`分析失败：${doc.uri}：${detail}`, `Analysis failed: ${doc.uri}: ${detail}`));
    return {
      kind: 'skipped',
      ...base,
      reason: 'failed',
      message: t('分析出错（见输出日志）。', 'Analysis failed (see the output log).'),
    };
  }
}

export class AnalysisService {
  private readonly cache = new Map<string, { version: number; epoch: number; outcome: Outcome }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly deps: AnalysisDeps) {}

  /** Analyses the document after its debounce delay (or at once), superseding pending work. */
  schedule(uri: string, immediate = false): void {
    const gen = this.bump(uri);
    void (async () => {
      const settings = await this.deps.getSettings(uri);
      if (this.generations.get(uri) !== gen) return;
      const delay = immediate ? 0 : settings.debounceMs;
      this.timers.set(
        uri,
        setTimeout(() => {
          this.timers.delete(uri);
          void this.run(uri, gen);
        }, delay),
      );
    })().catch((err: unknown) => this.deps.log(t(`调度失败：${String(err)}`, `Scheduling failed: ${String(err)}`)));
  }

  /** The outcome for the document's current version, analysing now if needed. */
  async current(uri: string): Promise<Outcome | undefined> {
    const before = this.deps.getDocument(uri);
    if (!before) return undefined;
    const cached = this.cached(before);
    if (cached) return cached;
    const epoch = this.deps.settingsEpoch();
    const settings = await this.deps.getSettings(uri);
    // The document may have changed while settings were read: analyse the version it has now.
    const doc = this.deps.getDocument(uri);
    if (!doc) return undefined;
    return this.cached(doc) ?? this.analyze(doc, settings, epoch);
  }

  /** Forgets cached results (after a configuration change). */
  clearCache(): void {
    this.cache.clear();
  }

  /** Stops all work for a closed document. */
  forget(uri: string): void {
    // The generation stays (and only grows), so work started before a close never matches again.
    this.bump(uri);
    this.cache.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private bump(uri: string): number {
    const gen = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, gen);
    const timer = this.timers.get(uri);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(uri);
    }
    return gen;
  }

  private cached(doc: TextDocument): Outcome | undefined {
    const c = this.cache.get(doc.uri);
    return c && c.version === doc.version && c.epoch === this.deps.settingsEpoch() ? c.outcome : undefined;
  }

  private analyze(doc: TextDocument, settings: PolicyReviewSettings, epoch: number): Outcome {
    const outcome = analyzeDocument(doc, settings, (s) => this.deps.getAnalyzer(doc.uri, s), this.deps.log);
    this.cache.set(doc.uri, { version: doc.version, epoch, outcome });
    return outcome;
  }

  private async run(uri: string, gen: number): Promise<void> {
    const superseded = (): boolean => this.generations.get(uri) !== gen;
    const doc = this.deps.getDocument(uri);
    if (!doc || superseded()) return;
    const version = doc.version;
    const epoch = this.deps.settingsEpoch();
    let outcome = this.cached(doc);
    if (!outcome) {
      const settings = await this.deps.getSettings(uri);
      // Let edits that already arrived be applied before spending time on this version.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (superseded() || this.deps.getDocument(uri)?.version !== version || this.deps.settingsEpoch() !== epoch) return;
      outcome = this.analyze(doc, settings, epoch);
    }
    // Checked again right before publishing: a result for an old version never leaves the server.
    if (superseded() || this.deps.getDocument(uri)?.version !== outcome.version) return;
    this.deps.publish(outcome);
  }
}
