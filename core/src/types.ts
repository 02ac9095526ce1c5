/**
 * Public types of the analysis core. The core speaks UTF-16 offsets (JS string indices);
 * adapters (CLI, language server) convert them to line/character in one place.
 */

import { FINDING_KINDS, FINDING_KIND_IDS, REVIEW_DEFAULTS } from './judgement/kinds';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type FindingKind = 'one-sided' | 'unbalanced' | 'missing' | 'missing-element' | 'outline';

export type OutlineRule =
  | 'outline-skipped-level'
  | 'outline-order'
  | 'outline-duplicate'
  | 'outline-punctuation';

/** Kinds of real commitment a side's evidence may have to hold. */
export type Substance = 'amount';

/** One side of a relationship as written in a rule pack. */
export interface SideDef {
  label: string;
  /** Specific terms: evidence wherever they stand. */
  aliases: string[];
  /** Generic words (发展, 安全, 管理): evidence only in context. */
  generic?: string[];
  /** A paragraph that writes about this side, inserted by the quick fix. */
  paragraph?: string;
  /** What shows a real commitment (`amount`: an amount of money): the side is developed only where its evidence holds one. */
  substance?: Substance[];
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
  /** The sides whose absence is reported as one-sided (default both). */
  flagWhenAbsent?: number[];
  /**
   * When the other side matters: `developed` (default) whenever one side is developed (opening data
   * without security); `subject` only when the draft is about that side, its title naming it.
   */
  raiseWhen?: 'developed' | 'subject';
  /** Sides taken as present in a draft of the domain (发展 in a digital-government draft). */
  presumed?: number[];
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

/** The domain a framework applies to. */
export interface DomainDef {
  label: string;
  description?: string;
  terms: string[];
  /** Domain terms a text needs when its title holds none. */
  minHits?: number;
  /** Domain terms per thousand characters a text needs when its title holds none. */
  minDensity?: number;
  /** Words of a title that mark a broad document, reviewed only in its parts on the domain. */
  broad?: string[];
}

/** Fixed terms that contain an alias but mean something else. */
export interface ExceptionDef {
  terms: string[];
  reason: string;
}

/** A pairing construction: 既要{A}，又要{B}. */
export interface ConstructionDef {
  pattern: string;
  name?: string;
}

export interface RulePack {
  id: string;
  name: string;
  version: string;
  description?: string;
  source?: string;
  domain?: DomainDef;
  exceptions?: ExceptionDef[];
  constructions?: ConstructionDef[];
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
  /** auto: a framework applies to drafts about its domain; always: to every draft. */
  scope: 'auto' | 'always';
  /** Files larger than this (bytes of UTF-8) are skipped. */
  maxFileSize: number;
  /** Per-relationship (and per-element, and 'outline') enable/severity. */
  relationships: Record<string, RelationshipSettings>;
  /** Severity per finding kind. */
  severities: Record<FindingKind, Severity>;
}

export const DEFAULT_SETTINGS: ReviewSettings = {
  ...REVIEW_DEFAULTS,
  relationships: {},
  severities: Object.fromEntries(FINDING_KIND_IDS.map((k) => [k, FINDING_KINDS[k].severity])) as Record<FindingKind, Severity>,
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
  /** The missing note: the relationships the draft does not discuss. */
  relationships?: string[];
  /** What counted for each side and what was set aside (relationship findings). */
  evidence?: EvidenceSummary;
}

/** The words that counted for each side and those set aside, with counts. */
export interface EvidenceSummary {
  counted: { side: number; term: string; count: number }[];
  setAside: { side: number; term: string; count: number; reason: SetAsideReason }[];
}

/**
 * balanced: both sides discussed; one-sided / unbalanced: a finding is raised; partial: one side
 * touched on, too little for a finding; missing: neither side.
 */
export type CoverageStatus = 'balanced' | 'one-sided' | 'unbalanced' | 'partial' | 'missing';

export interface Coverage {
  relationship: string;
  name: string;
  status: CoverageStatus;
  sides: SideCount[];
  /** Offsets of every counted mention, per side. */
  mentions: [Range[], Range[]];
  /** Heading indexes (into outline) whose title names this relationship. */
  headings: number[];
  /** Occurrences that did not count, and why. */
  setAside: SetAside[];
  /** Sentences holding counted evidence, per side. */
  spread: [number, number];
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
  /** A generic word, counted because of its context. */
  generic?: boolean;
  /** Why a generic word counts: beside a specific term, in a pairing construction, under a heading naming the relationship. */
  context?: 'sentence' | 'construction' | 'heading';
}

/** Why an occurrence of an alias does not count. */
export type SetAsideReason = 'generic' | 'exception' | 'agency' | 'cited' | 'out-of-scope';

/** An occurrence of an alias that does not count, and why. */
export interface SetAside {
  id: string;
  side: number;
  alias: string;
  range: Range;
  reason: SetAsideReason;
  /** For exceptions: the fixed term and the pack's reason. */
  detail?: string;
}

/** Whether a framework applies to the draft, and why. */
export interface ScopeResult {
  /** The rule pack (framework) id. */
  pack: string;
  /** The domain's name, e.g. 数字政府. */
  label: string;
  /** whole: the draft is about the domain; part: only some sections are; out: it is not; forced: the writer asked for it. */
  status: 'whole' | 'part' | 'out' | 'forced';
  /** Chinese first, then English. */
  reason: string;
  /** Sections reviewed when only a part is in scope (indexes into outline). */
  parts: number[];
  /** Domain terms found and per thousand characters. */
  hits: number;
  density: number;
}

export interface AnalysisResult {
  findings: Finding[];
  coverage: Coverage[];
  elements: ElementCoverage[];
  outline: Heading[];
  /** Counted evidence, sorted by offset. */
  mentions: Mention[];
  /** Occurrences of aliases that did not count, and why, sorted by offset. */
  setAside: SetAside[];
  /** Whether a framework applies to the draft (in whole, in part, or asked for). */
  engaged: boolean;
  /** Per framework: whether it applies and why. */
  scope: ScopeResult[];
  /** Offset range of the document title (all its lines), if any. */
  title?: Range;
  /** Attachments, each with its own numbering. */
  attachments: AttachmentInfo[];
  /** 0-based lines of the table of contents (not part of the outline). */
  tocLines: number[];
}

export type LanguageKind = 'markdown' | 'plaintext';
