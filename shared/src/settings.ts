/**
 * Settings shared by the VS Code client, the language server and the CLI's --config file.
 * The names mirror `contributes.configuration` in package.json (prefix `policyReview.`).
 */
import { say, type Lang } from '../../core/src/locale';
import type { FindingKind, RelationshipSettings, ReviewSettings, Severity } from '../../core/src/types';
import { DEFAULT_SETTINGS } from '../../core/src/types';
import { FINDING_KIND_IDS } from '../../core/src/judgement/kinds';

export type { SegmenterBackend } from '../../core/src/segmenter';
import type { SegmenterBackend } from '../../core/src/segmenter';

export interface PolicyReviewSettings {
  /** Language ids the server reviews. */
  languageIds: string[];
  /** Load the built-in rule packs under rules/. */
  useBuiltinRules: boolean;
  /** Extra rule pack files (absolute or relative to the workspace folder / config file). */
  rulePacks: string[];
  /** Per relationship/element id (and 'outline'): enabled and severity. */
  relationships: Record<string, RelationshipSettings>;
  minMentions: number;
  balanceRatio: number;
  unbalancedMinLarger: number;
  /** auto: a framework reviews drafts about its domain; always: every draft. */
  scope: 'auto' | 'always';
  /** Bytes; larger documents are skipped with a message. */
  maxFileSize: number;
  severities: Partial<Record<FindingKind, Severity>>;
  segmenter: SegmenterBackend;
  /** Milliseconds to wait after a keystroke before re-analysing. */
  debounceMs: number;
}

export const DEFAULT_POLICY_REVIEW_SETTINGS: PolicyReviewSettings = {
  languageIds: ['plaintext', 'markdown', 'text'],
  useBuiltinRules: true,
  rulePacks: [],
  relationships: {},
  // The review's defaults are the core's, declared once.
  minMentions: DEFAULT_SETTINGS.minMentions,
  balanceRatio: DEFAULT_SETTINGS.balanceRatio,
  unbalancedMinLarger: DEFAULT_SETTINGS.unbalancedMinLarger,
  scope: DEFAULT_SETTINGS.scope,
  maxFileSize: DEFAULT_SETTINGS.maxFileSize,
  severities: {},
  segmenter: 'node-rs',
  debounceMs: 200,
};

/** The part of the settings the analysis core reads. */
export function toReviewSettings(s: PolicyReviewSettings): Partial<ReviewSettings> {
  return {
    minMentions: s.minMentions,
    balanceRatio: s.balanceRatio,
    unbalancedMinLarger: s.unbalancedMinLarger,
    scope: s.scope,
    maxFileSize: s.maxFileSize,
    relationships: s.relationships,
    severities: { ...DEFAULT_SETTINGS.severities, ...s.severities },
  };
}

const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint'];
const SEGMENTERS: readonly SegmenterBackend[] = ['node-rs', 'nodejieba', 'wasm'];
/** Numeric settings: the least value each takes (and the most, where there is one). */
export const NUMERIC_LIMITS: Record<'minMentions' | 'balanceRatio' | 'unbalancedMinLarger' | 'maxFileSize' | 'debounceMs', [number, number]> = {
  minMentions: [1, Number.MAX_SAFE_INTEGER],
  balanceRatio: [0, 1],
  unbalancedMinLarger: [1, Number.MAX_SAFE_INTEGER],
  maxFileSize: [1, Number.MAX_SAFE_INTEGER],
  debounceMs: [0, 60_000],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0);

/**
 * What is wrong with one setting's value, or undefined when it is valid: the rules the server
 * applies (falling back to the default) and the CLI's --config enforces (refusing the file).
 */
export function settingProblem(key: keyof PolicyReviewSettings, v: unknown, lang: Lang = 'zh'): string | undefined {
  const t = (zh: string, en: string) => say(lang, zh, en);
  switch (key) {
    case 'languageIds':
    case 'rulePacks':
      return stringList(v) ? undefined : t('应为非空字符串的数组', 'must be an array of non-empty strings');
    case 'useBuiltinRules':
      return typeof v === 'boolean' ? undefined : t('应为 true 或 false', 'must be true or false');
    case 'scope':
      return v === 'auto' || v === 'always' ? undefined : t('应为 "auto" 或 "always"', 'must be "auto" or "always"');
    case 'segmenter':
      return (SEGMENTERS as readonly unknown[]).includes(v) ? undefined : t(`应为 ${SEGMENTERS.map((x) => `"${x}"`).join('、')} 之一`, `must be one of ${SEGMENTERS.join(', ')}`);
    case 'severities': {
      if (!isObject(v)) return t('应为对象，如 {"one-sided": "error"}', 'must be an object such as {"one-sided": "error"}');
      for (const [k, sev] of Object.entries(v)) {
        if (!(FINDING_KIND_IDS as readonly string[]).includes(k)) return t(`未知的问题类型 “${k}”，可用：${FINDING_KIND_IDS.join(', ')}`, `unknown finding kind “${k}”; use one of ${FINDING_KIND_IDS.join(', ')}`);
        if (!SEVERITY_VALUES.includes(sev as string)) return t(`“${k}” 的严重程度应为 ${SEVERITY_VALUES.join('、')} 之一`, `the severity of “${k}” must be one of ${SEVERITY_VALUES.join(', ')}`);
      }
      return undefined;
    }
    case 'relationships': {
      if (!isObject(v)) return t('应为对象，如 {"open-data-security": {"enabled": false}}', 'must be an object such as {"open-data-security": {"enabled": false}}');
      for (const [id, entry] of Object.entries(v)) {
        if (typeof entry === 'boolean') continue;
        if (!isObject(entry)) return t(`“${id}” 应为 true、false 或 {"enabled", "severity"}`, `“${id}” must be true, false or {"enabled", "severity"}`);
        for (const [k, x] of Object.entries(entry)) {
          if (k === 'enabled' && typeof x === 'boolean') continue;
          if (k === 'severity' && SEVERITY_VALUES.includes(x as string)) continue;
          return t(`“${id}.${k}” 无效（可用 enabled: true/false，severity: ${SEVERITY_VALUES.join('/')}）`, `“${id}.${k}” is not valid (enabled: true/false, severity: ${SEVERITY_VALUES.join('/')})`);
        }
      }
      return undefined;
    }
    default: {
      const [min, max] = NUMERIC_LIMITS[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) return t(`应为 ${min} 到 ${max} 之间的数`, `must be a number from ${min} to ${max}`);
      return undefined;
    }
  }
}
