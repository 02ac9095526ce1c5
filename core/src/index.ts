/**
 * Policy Review's analysis core: pure TypeScript, no editor or LSP dependency. Offsets are UTF-16
 * code units (JS string indices).
 */
export * from './types';
export { say, langOf, langOfEnv, type Lang, type Localized } from './locale';
export { aliasDictionaryLines, type Segmenter, type SegmenterBackend } from './segmenter';
export { parseRulePack, parseRulePacks, formatRulePackError, type RulePackSource } from './rules';
export { Analyzer, type AnalyzeOptions, type AnalysisProfile } from './analyze';
export { classify, SHORT_TEXT } from './judgement/judge';
export { evidenceLine, setAsideReason } from './messages';
export { decodeDraft, isBinaryText, utf8Length, tooLargeMessage, type DecodeResult, type DraftEncoding, type LegacyDecoder } from './input';
export { markerFor, markerLike, matchMarker, familyForLevel, childFamily, levelName, type Family } from './structure/markers';
export { normalTitle } from './structure/frame';
export { underArticle } from './structure/tree';
export { nextHeadingMarkers, planSectionInsertion, planSideParagraph, planRenumber, planDisable, type TextEditPlan } from './edits';
export { splitLines, lineOf, type Lines } from './text/lines';
