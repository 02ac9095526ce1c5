/** What the CLI and the server do for the core: load a segmenter, read rule pack files. */
export { createSegmenter, loadSegmenter, fallbackNote, FALLBACK } from './segmenters';
export { loadRulePacks, builtinRuleFiles } from './packFiles';
