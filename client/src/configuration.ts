/**
 * Reads the `policyReview` settings section and decides which documents are reviewed.
 * The names mirror `contributes.configuration` in package.json and shared/src/settings.ts.
 */
import * as vscode from 'vscode';
import { DEFAULT_POLICY_REVIEW_SETTINGS, type PolicyReviewSettings } from '../../shared/src/settings';

/** The configuration section synchronised with the server. */
export const SECTION = 'policyReview';

/** URI schemes whose documents go to the server. */
export const REVIEWED_SCHEMES = ['file', 'untitled'] as const;

/** The settings for a resource (or the window when scope is omitted), defaults filled in. */
export function readSettings(scope?: vscode.ConfigurationScope): PolicyReviewSettings {
  // An explicit null reads window-level values without VS Code's warning about resource-scoped settings.
  const c = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const d = DEFAULT_POLICY_REVIEW_SETTINGS;
  return {
    languageIds: c.get('languageIds', d.languageIds),
    useBuiltinRules: c.get('useBuiltinRules', d.useBuiltinRules),
    rulePacks: c.get('rulePacks', d.rulePacks),
    relationships: c.get('relationships', d.relationships),
    minMentions: c.get('minMentions', d.minMentions),
    balanceRatio: c.get('balanceRatio', d.balanceRatio),
    unbalancedMinLarger: c.get('unbalancedMinLarger', d.unbalancedMinLarger),
    scope: c.get('scope', d.scope),
    maxFileSize: c.get('maxFileSize', d.maxFileSize),
    severities: c.get('severities', d.severities),
    segmenter: c.get('segmenter', d.segmenter),
    debounceMs: c.get('debounceMs', d.debounceMs),
  };
}

/** Language ids to review, as configured (window scope: the document selector is global). */
export function reviewedLanguageIds(): string[] {
  const ids = readSettings().languageIds;
  return Array.isArray(ids) ? ids.filter((id) => typeof id === 'string' && id.length > 0) : [];
}

/** Whether the document belongs to the reviewed languages and schemes. */
export function isReviewedDocument(doc: vscode.TextDocument, languageIds: readonly string[]): boolean {
  return (REVIEWED_SCHEMES as readonly string[]).includes(doc.uri.scheme) && languageIds.includes(doc.languageId);
}
