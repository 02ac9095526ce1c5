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
  engagementMin: number;
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
  minMentions: 2,
  balanceRatio: 0.25,
  unbalancedMinLarger: 4,
  engagementMin: 2,
  maxFileSize: 2 * 1024 * 1024,
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
    engagementMin: s.engagementMin,
    maxFileSize: s.maxFileSize,
    relationships: s.relationships,
    severities: { ...DEFAULT_SETTINGS.severities, ...s.severities },
  };
}
