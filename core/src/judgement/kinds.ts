/**
 * The registry of finding kinds (id, default severity, quick fixes) and the review's defaults,
 * read from kinds.json so that the manifest generator, which is plain JavaScript, reads the same.
 */
import registry from './kinds.json';
import type { FindingKind, Severity } from '../types';

export type QuickFix = 'add-side' | 'insert-section' | 'disable' | 'renumber';

export interface FindingKindInfo {
  severity: Severity;
  quickFixes: QuickFix[];
  description: string;
}

export const FINDING_KINDS = registry.kinds as Record<FindingKind, FindingKindInfo>;

/** Every finding kind, in the registry's order. */
export const FINDING_KIND_IDS = Object.keys(FINDING_KINDS) as FindingKind[];

export const REVIEW_DEFAULTS = registry.review as { minMentions: number; balanceRatio: number; unbalancedMinLarger: number; scope: 'auto' | 'always'; maxFileSize: number };
