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

export type HeadingKind = 'gongwen' | 'markdown' | 'chapter';

export interface Heading {
  /** 1..6. 公文 levels: 一、=1 （一）=2 1.=3 （1）=4 ①=5; 第一章=1 第一节=2 第一条=3; Markdown: #=1… */
  level: number;
  kind: HeadingKind;
  /** The marker as written, e.g. 一、 （一） 1. ## */
  marker: string;
  /** The numeral's value (1-based) for numbered headings; 0 for Markdown. */
  number: number;
  /** Numbering family for numbered headings, e.g. 'cn-dun' (一、), 'cn-paren' （一）. */
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
  /** Section extent: from the heading start to the next heading of the same or higher level. */
  sectionEnd: number;
  /** Relationship ids this heading's title names. */
  names: string[];
  /** Markdown heading prefix written before a 公文 marker, e.g. '## '. */
  prefix?: string;
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
  /** Offset range of the document title line, if any. */
  title?: Range;
}

export type LanguageKind = 'markdown' | 'plaintext';
