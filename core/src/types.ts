/**
 * Public types of the analysis core. The core speaks UTF-16 offsets (JS string indices);
 * adapters (CLI, language server) convert them to line/character in one place.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type FindingKind = 'one-sided' | 'unbalanced' | 'missing' | 'missing-element' | 'outline';

export type OutlineRule =
  | 'outline-skipped-level'
  | 'outline-order'
  | 'outline-duplicate'
  | 'outline-punctuation';

/** One side of a relationship as written in a rule pack. */
export interface SideDef {
  label: string;
  aliases: string[];
  /** A paragraph that writes about this side, inserted by the quick fix. */
  paragraph?: string;
}

export interface SectionTemplate {
  /** Heading title without its number, e.g. 处理好数据开放与数据安全的关系 */
  title: string;
  /** Body paragraphs. */
  body: string[];
}

export interface Examples {
  /** Sentences that discuss both sides (for an element: that state it). */
  positive: string[];
  /** Sentences that do not (one side only, an incidental word, a look-alike such as 安全感). */
  negative: string[];
}

export interface RelationshipDef {
  id: string;
  name: string;
  nameEn?: string;
  sides: [SideDef, SideDef];
  explanation: string;
  explanationEn?: string;
  /** The sentence of the source text this relationship comes from. */
  source: string;
  template: SectionTemplate;
  examples: Examples;
}

export interface ElementDef {
  id: string;
  name: string;
  nameEn?: string;
  aliases: string[];
  explanation: string;
  explanationEn?: string;
  source: string;
  template: SectionTemplate;
  examples: Examples;
}

export interface RulePack {
  id: string;
  name: string;
  version: string;
  description?: string;
  source?: string;
  relationships: RelationshipDef[];
  elements?: ElementDef[];
  /** Where the pack was loaded from (set by the loader). */
  file?: string;
}

/** A problem found while loading a rule pack: never thrown, always reported. */
export interface RulePackError {
  file: string;
  /** JSON pointer of the offending field, '' for the whole file. */
  field: string;
  /** 1-based line and column where known. */
  line?: number;
  column?: number;
  message: string;
}

export interface RelationshipSettings {
  enabled?: boolean;
  severity?: Severity;
}

export interface ReviewSettings {
  /** one-sided: the present side needs at least this many mentions. */
  minMentions: number;
  /** unbalanced: fewer/more below this ratio ... */
  balanceRatio: number;
  /** ... and the larger side at least this many mentions. */
  unbalancedMinLarger: number;
  /** A draft engages the framework when at least this many relationships are discussed on both sides. */
  engagementMin: number;
  /** Files larger than this (bytes of UTF-8) are skipped. */
  maxFileSize: number;
  /** Per-relationship (and per-element, and 'outline') enable/severity. */
  relationships: Record<string, RelationshipSettings>;
  /** Severity per finding kind. */
  severities: Record<FindingKind, Severity>;
}

export const DEFAULT_SETTINGS: ReviewSettings = {
  minMentions: 2,
  balanceRatio: 0.25,
  unbalancedMinLarger: 4,
  engagementMin: 2,
  maxFileSize: 2 * 1024 * 1024,
  relationships: {},
  severities: {
    'one-sided': 'warning',
    unbalanced: 'information',
    missing: 'information',
    'missing-element': 'information',
    outline: 'warning',
  },
};

export interface Range {
  start: number;
  end: number;
}

export interface SideCount {
  label: string;
  count: number;
}

export interface Finding {
  kind: FindingKind;
  scope: 'document' | 'section';
  /** Relationship or element id; absent on outline findings. */
  relationship?: string;
  /** Outline rule id; only on outline findings. */
  rule?: OutlineRule;
  severity: Severity;
  /** Chinese first, then English. */
  message: string;
  range: Range;
  sides?: SideCount[];
  /** Mentions of the present side (for related information). */
  related?: Range[];
  /** For section findings: index into AnalysisResult.outline. */
  heading?: number;
  /** For outline findings: the marker that would be right here, e.g. （三）. */
  expected?: string;
}

export type CoverageStatus = 'balanced' | 'one-sided' | 'unbalanced' | 'missing';

export interface Coverage {
  relationship: string;
  name: string;
  status: CoverageStatus;
  sides: SideCount[];
  /** Offsets of every counted mention, per side. */
  mentions: [Range[], Range[]];
  /** Heading indexes (into outline) whose title names this relationship. */
  headings: number[];
}

export interface ElementCoverage {
  element: string;
  name: string;
  status: 'present' | 'missing';
  count: number;
  mentions: Range[];
}

/**
 * What a node of the outline is: a heading (its title alone on the line), an item (a numbered
 * line whose title runs on into text, or that is one whole sentence; also the 项 and 目 inside an
 * article), or an article (第X条, a provision of a 规章 or 办法).
 */
export type HeadingKind = 'heading' | 'item' | 'article';

/** The numbering a node is written in. */
export type HeadingStyle = 'gongwen' | 'chapter' | 'decimal' | 'markdown';

/** A node of the outline tree. */
export interface Heading {
  /** Depth in the tree of its run, 1 for the top. */
  level: number;
  /** How deep its marker sits (comparable within a run only). */
  rank: number;
  kind: HeadingKind;
  style: HeadingStyle;
  /** The marker as written, e.g. 一、 （一） 1. 2.3.1 ## */
  marker: string;
  /** The numeral's value (1-based) for numbered nodes; 0 for Markdown headings. */
  number: number;
  /** Numbering family for numbered nodes, e.g. 'cn-dun' (一、), 'cn-paren' （一）. */
  family?: string;
  title: string;
  /** 0-based line. */
  line: number;
  /** Offsets of the whole heading line (without line break). */
  range: Range;
  /** Offsets of the title text. */
  titleRange: Range;
  /** Offsets of the marker text. */
  markerRange: Range;
  /** Section extent: from the heading start to the next node that is not its descendant (or the run's end). */
  sectionEnd: number;
  /** Relationship ids this heading's title names as a heading phrase. */
  names: string[];
  /** Markdown heading prefix written before a 公文 marker, e.g. '## '. */
  prefix?: string;
  /** Index of the parent node in the outline, -1 at the top of its run. */
  parent: number;
  /** 0 for the body, k for the k-th attachment. */
  run: number;
  /** An item that is one whole sentence (its title is that sentence). */
  sentence?: boolean;
  /** Decimal markers: their numbers, 2.3.1 → [2, 3, 1]. */
  parts?: number[];
  /** Markdown # level, when the line is a Markdown heading. */
  mdLevel?: number;
  /** Key of the numbering sequence the node belongs to (same key: numbered one after another). */
  sequence?: string;
}

/** An attachment of the draft: its own numbering run. */
export interface AttachmentInfo {
  run: number;
  line: number;
  range: Range;
  title?: Range;
  end: number;
}

/** A counted mention of an alias. */
export interface Mention {
  /** Relationship or element id. */
  id: string;
  /** 0 or 1 for relationships, 0 for elements. */
  side: number;
  alias: string;
  range: Range;
}

export interface AnalysisResult {
  findings: Finding[];
  coverage: Coverage[];
  elements: ElementCoverage[];
  outline: Heading[];
  /** Sorted by offset. */
  mentions: Mention[];
  /** Whether the draft engages the framework (gates document-scope findings). */
  engaged: boolean;
  /** Offset range of the document title (all its lines), if any. */
  title?: Range;
  /** Attachments, each with its own numbering. */
  attachments: AttachmentInfo[];
  /** 0-based lines of the table of contents (not part of the outline). */
  tocLines: number[];
}

export type LanguageKind = 'markdown' | 'plaintext';
