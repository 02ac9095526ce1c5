/**
 * Settings shared by the VS Code client, the language server and the CLI's --config file.
 * The names mirror `contributes.configuration` in package.json (prefix `policyReview.`).
 */
import type { FindingKind, RelationshipSettings, ReviewSettings, Severity } from '../../core/src/types';
import { DEFAULT_SETTINGS } from '../../core/src/types';

export type SegmenterBackend = 'node-rs' | 'nodejieba';

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
