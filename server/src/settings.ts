/**
 * Settings per resource. When the client answers workspace/configuration, each document's
 * settings are pulled (section `policyReview`, scoped to its URI) and cached until the next
 * workspace/didChangeConfiguration; otherwise one global copy comes from initializationOptions and
 * from the pushed didChangeConfiguration payload.
 */
import { t } from '../../shared/src/lang';
import { FINDING_KIND_IDS } from '../../core/src/judgement/kinds';
import type { Severity, FindingKind } from '../../core/src/types';
import {
  DEFAULT_POLICY_REVIEW_SETTINGS,
  NUMERIC_LIMITS,
  settingProblem,
  type PolicyReviewSettings,
  type SegmenterBackend,
} from '../../shared/src/settings';

export const SECTION = 'policyReview';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
const KINDS: readonly FindingKind[] = FINDING_KIND_IDS;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function num(key: keyof typeof NUMERIC_LIMITS, v: unknown, fallback: number): number {
  return settingProblem(key, v) === undefined ? (v as number) : fallback;
}

function strings(v: unknown, fallback: string[]): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0) : fallback;
}

function severity(v: unknown): Severity | undefined {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v) ? (v as Severity) : undefined;
}

/**
 * Settings from whatever a client sent (possibly null, partial or of the wrong types): every field
 * that is missing or malformed takes its default, so a bad settings file cannot stop the server.
 */
export function normalizeSettings(raw: unknown): PolicyReviewSettings {
  const d = DEFAULT_POLICY_REVIEW_SETTINGS;
  const r = isRecord(raw) ? raw : {};
  const relationships: PolicyReviewSettings['relationships'] = {};
  if (isRecord(r.relationships)) {
    for (const [id, value] of Object.entries(r.relationships)) {
      if (typeof value === 'boolean') relationships[id] = { enabled: value };
      else if (isRecord(value)) {
        const entry: { enabled?: boolean; severity?: Severity } = {};
        if (typeof value.enabled === 'boolean') entry.enabled = value.enabled;
        const sev = severity(value.severity);
        if (sev) entry.severity = sev;
        relationships[id] = entry;
      }
    }
  }
  const severities: PolicyReviewSettings['severities'] = {};
  if (isRecord(r.severities)) {
    for (const kind of KINDS) {
      const sev = severity(r.severities[kind]);
      if (sev) severities[kind] = sev;
    }
  }
  const segmenter: SegmenterBackend = r.segmenter === 'nodejieba' ? 'nodejieba' : r.segmenter === 'node-rs' ? 'node-rs' : d.segmenter;
  return {
    languageIds: strings(r.languageIds, d.languageIds),
    useBuiltinRules: typeof r.useBuiltinRules === 'boolean' ? r.useBuiltinRules : d.useBuiltinRules,
    rulePacks: strings(r.rulePacks, d.rulePacks),
    relationships,
    minMentions: num('minMentions', r.minMentions, d.minMentions),
    balanceRatio: num('balanceRatio', r.balanceRatio, d.balanceRatio),
    unbalancedMinLarger: num('unbalancedMinLarger', r.unbalancedMinLarger, d.unbalancedMinLarger),
    scope: r.scope === 'always' || r.scope === 'auto' ? r.scope : d.scope,
    maxFileSize: num('maxFileSize', r.maxFileSize, d.maxFileSize),
    severities,
    segmenter,
    debounceMs: num('debounceMs', r.debounceMs, d.debounceMs),
  };
}

export { toReviewSettings } from '../../shared/src/settings';

/** Whether a relationship / element id (or 'outline') is enabled in these settings. */
export function isEnabled(s: PolicyReviewSettings, id: string): boolean {
  return s.relationships[id]?.enabled !== false;
}

/** The settings object inside a didChangeConfiguration payload or initializationOptions. */
export function extractSection(payload: unknown): unknown {
  if (!isRecord(payload)) return undefined;
  if (isRecord(payload[SECTION])) return payload[SECTION];
  if (isRecord(payload.settings)) return extractSection(payload.settings) ?? payload.settings;
  // Some clients send the section's own object.
  if (Object.keys(DEFAULT_POLICY_REVIEW_SETTINGS).some((k) => k in payload)) return payload;
  return undefined;
}

export interface SettingsStoreDeps {
  /** Pulls the `policyReview` section for a resource; present only when the client supports it. */
  fetch?: (uri: string) => Promise<unknown>;
  log: (message: string) => void;
}

/** Per-resource settings with a cache dropped on every configuration change. */
export class SettingsStore {
  private global: PolicyReviewSettings;
  private readonly cache = new Map<string, Promise<PolicyReviewSettings>>();
  /** Incremented on every change; analyses remember the epoch they ran under. */
  epoch = 0;

  constructor(
    private readonly deps: SettingsStoreDeps,
    initial: unknown,
  ) {
    this.global = normalizeSettings(initial);
  }

  get(uri: string): Promise<PolicyReviewSettings> {
    const fetch = this.deps.fetch;
    if (!fetch) return Promise.resolve(this.global);
    let p = this.cache.get(uri);
    if (!p) {
      p = fetch(uri).then(
        (raw) => normalizeSettings(raw ?? undefined),
        (err: unknown) => {
          this.deps.log(t(`读取设置失败，改用默认值：${String(err)}`, `Could not read settings, using defaults: ${String(err)}`));
          return this.global;
        },
      );
      this.cache.set(uri, p);
    }
    return p;
  }

  /** A configuration change: the pushed payload (if any) replaces the global settings. */
  changed(payload: unknown): void {
    const section = extractSection(payload);
    if (section !== undefined) this.global = normalizeSettings(section);
    this.cache.clear();
    this.epoch++;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
