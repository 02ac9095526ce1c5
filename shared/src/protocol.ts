/**
 * Custom messages between the VS Code client and the language server (names and shapes only).
 * Any other LSP client gets everything through standard LSP; these feed the status bar and the
 * coverage view.
 */

/** Request: coverage of one open document. */
export const CoverageRequest = 'policyReview/coverage';

export interface CoverageParams {
  uri: string;
}

export interface CoverageSideItem {
  label: string;
  count: number;
  /** First counted mention of this side, as an LSP range, if any. */
  first?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface CoverageItem {
  id: string;
  name: string;
  kind: 'relationship' | 'element';
  /** partial: one side touched on, too little for a finding. */
  status: 'balanced' | 'one-sided' | 'unbalanced' | 'partial' | 'missing' | 'present';
  sides: CoverageSideItem[];
  enabled: boolean;
}

export interface CoverageResult {
  uri: string;
  version: number;
  /** False when the document was skipped (too large, not reviewed). */
  reviewed: boolean;
  skippedReason?: string;
  engaged: boolean;
  /** Per framework: whether it applies to the document, and why. */
  scope?: CoverageScope[];
  items: CoverageItem[];
  /** Counts of diagnostics by severity in this document. */
  problems: { error: number; warning: number; information: number; hint: number };
  /** Something the writer should know about how the review runs (a segmenter fallback), in their language. */
  notice?: string;
}

/** Whether a framework applies to a document: the whole of it, a part, not at all, or as the writer asked. */
export interface CoverageScope {
  pack: string;
  /** The domain's name, e.g. 数字政府. */
  label: string;
  status: 'whole' | 'part' | 'out' | 'forced';
  /** Why, in the client's language. */
  reason: string;
}

/** Notification server → client: the coverage of a document changed (after each published analysis). */
export const CoverageChangedNotification = 'policyReview/coverageChanged';

export interface CoverageChangedParams {
  uri: string;
  version: number;
}

/** Command ids (server-side commands go through workspace/executeCommand). */
export const Commands = {
  /** Arguments: [uri, position, relationshipId]. Sends workspace/applyEdit with the section. */
  insertRelationshipSection: 'policyReview.insertRelationshipSection',
  /** Server-side: [uri, relationshipId, side, headingIndex?] (or [uri, position, relationshipId, side]) inserts a paragraph for the absent side. */
  insertSideParagraph: 'policyReview.insertSideParagraph',
  /** Client-side: shows the coverage view. */
  showCoverage: 'policyReview.showCoverage',
  /** Client-side: reveal a range, [uri, range]. */
  revealRange: 'policyReview.revealRange',
} as const;

/** The server registers the insert command under this id and the client wraps it with a QuickPick. */
export const ServerCommands = {
  insertRelationshipSection: 'policyReview.server.insertRelationshipSection',
  insertSideParagraph: 'policyReview.server.insertSideParagraph',
} as const;
