/**
 * The analyser: segments the prose of a draft (each line once, cached across analyses), finds
 * the mentions of every relationship's sides, reads the outline and turns counts into findings.
 */
import type {
  AnalysisResult,
  Coverage,
  CoverageStatus,
  ElementCoverage,
  ElementDef,
  Finding,
  FindingKind,
  Heading,
  LanguageKind,
  Mention,
  Range,
  RelationshipDef,
  ReviewSettings,
  RulePack,
  Severity,
} from './types';
import { DEFAULT_SETTINGS } from './types';
import type { Segmenter } from './segmenter';
import { AliasIndex, aliasWords, type PieceMatch } from './matcher';
import { splitLines, type Lines } from './text/lines';
import { scanProse, type Disable } from './prose';
import { scanOutline, type OutlineProblem } from './structure/outline';
import * as msg from './messages';

export interface AnalyzeOptions {
  language?: LanguageKind;
  settings?: Partial<ReviewSettings>;
  /** When given, the time of each phase is added to it (for benchmarks). */
  profile?: AnalysisProfile;
}

/** Milliseconds spent in each phase of analyses. */
export interface AnalysisProfile {
  /** The segmenter cutting prose into tokens. */
  segment: number;
  /** Finding aliases in the prose and on token boundaries: the mentions. */
  match: number;
  /** Lines, markup and disable comments, headings and numbering. */
  outline: number;
  /** Coverage, named headings, findings, disables and their order. */
  findings: number;
}

/** Segmentation cache: piece text → matches. Bounded; cleared when full. */
const CACHE_LIMIT = 50_000;

export class Analyzer {
  readonly relationships: RelationshipDef[];
  readonly elements: ElementDef[];
  private readonly index: AliasIndex;
  private readonly byId = new Map<string, RelationshipDef | ElementDef>();
  private cache = new Map<string, PieceMatch[]>();
  /**
   * A separator of the segmenter that no alias contains (see matchPieces), or '' when there is
   * none: then pieces are cut whole, one by one.
   */
  private readonly joiner: string;
  /** Set while an analysis is profiled: the segmenter's time so far. */
  private segmentMs: number | undefined;

  constructor(packs: RulePack[], private readonly segmenter: Segmenter) {
    this.relationships = packs.flatMap((p) => p.relationships);
    this.elements = packs.flatMap((p) => p.elements ?? []);
    for (const d of [...this.relationships, ...this.elements]) this.byId.set(d.id, d);
    this.index = new AliasIndex(this.relationships, this.elements);
    this.joiner = this.index.useSeparators(segmenter.separators).charAt(0);
  }

  /** Every alias of the packs: the words to add to the segmenter's dictionary. */
  static words(packs: RulePack[]): string[] {
    return aliasWords(packs.flatMap((p) => p.relationships), packs.flatMap((p) => p.elements ?? []));
  }

  get backend(): string {
    return this.segmenter.backend;
  }

  find(id: string): RelationshipDef | ElementDef | undefined {
    return this.byId.get(id);
  }

  isRelationship(d: RelationshipDef | ElementDef): d is RelationshipDef {
    return 'sides' in d;
  }

  private remember(piece: string, matches: PieceMatch[]): PieceMatch[] {
    if (this.cache.size >= CACHE_LIMIT) this.cache = new Map();
    this.cache.set(piece, matches);
    return matches;
  }

  /**
   * Matches of each piece text[pieces[2k], pieces[2k + 1]) of prose: from the cache, else found
   * now, each distinct text once. Only the runs of clauses that hold an alias are segmented, all
   * in one call: the segmenter cuts independently at its separators, no alias contains one, and
   * the runs are joined by one, so the tokens of each run are those the whole line would give.
   */
  private matchPieces(text: string, pieces: number[]): PieceMatch[][] {
    const result: PieceMatch[][] = new Array<PieceMatch[]>(pieces.length >> 1);
    const pending: Pending[] = [];
    const byText = new Map<string, Pending>();
    for (let k = 0; k < result.length; k++) {
      const piece = text.slice(pieces[2 * k], pieces[2 * k + 1]);
      const cached = this.cache.get(piece);
      if (cached) result[k] = cached;
      else if (!this.joiner) result[k] = this.remember(piece, this.index.match(this.cut(piece)));
      else {
        const same = byText.get(piece);
        if (same) {
          same.slots.push(k);
          continue;
        }
        const item: Pending = { piece, slots: [k], starts: [], runs: [], matches: [] };
        this.index.scan(piece, item.starts, item.runs);
        if (item.runs.length) {
          pending.push(item);
          byText.set(piece, item);
        } else result[k] = this.remember(piece, item.matches);
      }
    }
    if (pending.length && !this.matchJoined(pending)) for (const item of pending) this.matchRuns(item);
    for (const item of pending) {
      this.remember(item.piece, item.matches);
      for (const k of item.slots) result[k] = item.matches;
    }
    return result;
  }

  /** Segments the runs of every pending piece in one call; false if the tokens do not line up. */
  private matchJoined(pending: Pending[]): boolean {
    const parts: string[] = [];
    for (const item of pending) for (let r = 0; r < item.runs.length; r += 2) parts.push(item.piece.slice(item.runs[r], item.runs[r + 1]));
    const tokens = this.cut(parts.join(this.joiner));
    let t = 0;
    let part = 0;
    for (const item of pending) {
      let h = 0;
      for (let r = 0; r < item.runs.length; r += 2) {
        const from = t;
        t = tokensSpanning(tokens, t, item.runs[r + 1] - item.runs[r]);
        if (t < 0) return false;
        h = this.index.matchTokens(tokens, from, t, item.piece, item.runs[r], item.starts, h, item.matches);
        if (++part < parts.length) {
          if (tokens[t] !== this.joiner) return false;
          t++;
        }
      }
    }
    return t === tokens.length;
  }

  /** The runs of one piece, segmented one by one. */
  private matchRuns(item: Pending): void {
    item.matches = [];
    let h = 0;
    for (let r = 0; r < item.runs.length; r += 2) {
      const tokens = this.cut(item.piece.slice(item.runs[r], item.runs[r + 1]));
      h = this.index.matchTokens(tokens, 0, tokens.length, item.piece, item.runs[r], item.starts, h, item.matches);
    }
  }

  private cut(text: string): string[] {
    if (this.segmentMs === undefined) return this.segmenter.cut(text);
    const t = performance.now();
    const tokens = this.segmenter.cut(text);
    this.segmentMs += performance.now() - t;
    return tokens;
  }

  analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
    const profile = options.profile;
    if (!profile) return this.analyzeText(text, options);
    const marks = { start: performance.now(), mentions: 0, mentionsEnd: 0 };
    this.segmentMs = 0;
    try {
      const result = this.analyzeText(text, options, marks);
      const segment = this.segmentMs;
      profile.outline += marks.mentions - marks.start;
      profile.segment += segment;
      profile.match += marks.mentionsEnd - marks.mentions - segment;
      profile.findings += performance.now() - marks.mentionsEnd;
      return result;
    } finally {
      this.segmentMs = undefined;
    }
  }

  /** `marks`, when profiling, receives the times at which finding mentions starts and ends. */
  private analyzeText(text: string, options: AnalyzeOptions, marks?: { mentions: number; mentionsEnd: number }): AnalysisResult {
    const language = options.language ?? 'plaintext';
    const settings: ReviewSettings = { ...DEFAULT_SETTINGS, ...options.settings };
    settings.severities = { ...DEFAULT_SETTINGS.severities, ...options.settings?.severities };
    settings.relationships = options.settings?.relationships ?? {};

    const lines = splitLines(text);
    const prose = scanProse(text, lines, language);
    const excludedLines = wholeLinesExcluded(lines, prose.excluded);
    const outline = scanOutline(text, lines, language, (l) => excludedLines.has(l));
    if (marks) marks.mentions = performance.now();
    const mentions = this.findMentions(text, lines, prose.excluded, outline.frameLines, prose.disables);
    if (marks) marks.mentionsEnd = performance.now();
    const headings = outline.headings;
    this.nameHeadings(text, headings, mentions);

    const byId = groupById(mentions);
    const coverage = this.relationships.map((r) => coverageOf(r, byId.get(r.id) ?? [], headings, settings));
    const elements: ElementCoverage[] = this.elements.map((e) => {
      const ms = (byId.get(e.id) ?? []).map((m) => m.range);
      return { element: e.id, name: e.name, status: ms.length ? 'present' : 'missing', count: ms.length, mentions: ms };
    });
    const engaged =
      coverage.filter((c) => c.sides[0].count > 0 && c.sides[1].count > 0).length >= settings.engagementMin ||
      headings.some((h) => h.names.length > 0);

    const titleRange = outline.title ?? { start: lines.starts[0], end: lines.ends[0] };
    const findings: Finding[] = [];
    const severity = (kind: FindingKind, id: string | undefined): Severity =>
      (id && settings.relationships[id]?.severity) || settings.severities[kind];
    const enabled = (id: string) => settings.relationships[id]?.enabled !== false;

    for (let i = 0; i < this.relationships.length; i++) {
      const r = this.relationships[i];
      if (!enabled(r.id)) continue;
      const c = coverage[i];
      if (engaged) findings.push(...documentFindings(r, c, titleRange, settings, severity));
      for (const hi of c.headings) findings.push(...sectionFindings(r, headings[hi], hi, mentions, settings, severity));
    }
    if (engaged) {
      for (const e of elements) {
        if (e.status === 'missing' && enabled(e.element)) {
          const def = this.byId.get(e.element) as ElementDef;
          findings.push({
            kind: 'missing-element',
            scope: 'document',
            relationship: e.element,
            severity: severity('missing-element', e.element),
            message: msg.missingElement(def),
            range: titleRange,
            sides: [{ label: def.name, count: 0 }],
          });
        }
      }
    }
    if (enabled('outline')) {
      for (const p of outline.problems) {
        if (!enabled(p.rule)) continue;
        findings.push(outlineFinding(p, headings, severity('outline', settings.relationships[p.rule]?.severity ? p.rule : 'outline')));
      }
    }
    return {
      findings: applyDisables(findings, prose.disables).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end),
      coverage,
      elements,
      outline: headings,
      mentions,
      engaged,
      title: outline.title,
      attachments: outline.attachments,
      tocLines: outline.tocLines,
    };
  }

  private findMentions(text: string, lines: Lines, excluded: Range[], frame: Set<number>, disables: Disable[]): Mention[] {
    const out: Mention[] = [];
    const paragraphDisables = disables.filter((d) => d.range);
    // The pieces of prose: each line minus the excluded ranges that overlap it.
    const pieces: number[] = [];
    let ex = 0;
    for (let i = 0; i < lines.starts.length; i++) {
      const ls = lines.starts[i];
      const le = lines.ends[i];
      if (le === ls || frame.has(i)) continue;
      while (ex < excluded.length && excluded[ex].end <= ls) ex++;
      let pos = ls;
      for (let k = ex; k < excluded.length && excluded[k].start < le; k++) {
        if (excluded[k].start > pos) pieces.push(pos, excluded[k].start);
        pos = Math.max(pos, excluded[k].end);
      }
      if (pos < le) pieces.push(pos, le);
    }
    const matches = this.matchPieces(text, pieces);
    for (let k = 0; k < matches.length; k++) collect(matches[k], pieces[2 * k], out);
    if (!paragraphDisables.length) return out;
    // Mentions in a disabled paragraph are not counted (document-wide disables only drop findings).
    return out.filter(
      (m) =>
        !paragraphDisables.some(
          (d) => m.range.start >= d.range!.start && m.range.start < d.range!.end && (d.ids.length === 0 || d.ids.includes(m.id)),
        ),
    );
  }

  /**
   * A heading names a relationship when its title is a heading phrase on both sides:
   * 处理好A与B的关系, 统筹A和B, 兼顾A与B, A与B并重, 正确处理A和B, or just A与B. A numbered
   * sentence that happens to mention both sides (（一）中央和地方要加大投入。) names nothing, nor
   * does an article.
   */
  private nameHeadings(text: string, headings: Heading[], mentions: Mention[]): void {
    let k = 0;
    for (const h of headings) {
      while (k < mentions.length && mentions[k].range.start < h.titleRange.start) k++;
      if (h.kind === 'article' || h.sentence) continue;
      const seen = new Map<string, { bits: number; ranges: Range[] }>();
      for (let j = k; j < mentions.length && mentions[j].range.start < h.titleRange.end; j++) {
        const m = mentions[j];
        const e = seen.get(m.id) ?? { bits: 0, ranges: [] };
        e.bits |= 1 << m.side;
        e.ranges.push(m.range);
        seen.set(m.id, e);
      }
      const title = text.slice(h.titleRange.start, h.titleRange.end);
      for (const [id, e] of seen) if (e.bits === 3 && isHeadingPhrase(title, h.titleRange.start, e.ranges)) h.names.push(id);
    }
  }
}

/** Words that make a title a heading phrase about a relationship. */
const PAIRING_PHRASE = /处理好|正确处理|统筹|兼顾|协调|平衡|并重|相结合|结合起来|关系|并举|两手抓|相统一|相促进|相协调|良性互动|一体推进|同步推进/;
/** What may join the two sides of a bare "A与B" title. */
const JOINERS = /[与和及同跟、，,\s\u3000的]/g;

function isHeadingPhrase(title: string, start: number, sides: Range[]): boolean {
  if (PAIRING_PHRASE.test(title)) return title.length <= 40;
  let rest = '';
  let pos = 0;
  for (const r of [...sides].sort((a, b) => a.start - b.start)) {
    rest += title.slice(pos, Math.max(pos, r.start - start));
    pos = Math.max(pos, r.end - start);
  }
  rest += title.slice(pos);
  return rest.replace(JOINERS, '').length <= 2;
}

function wholeLinesExcluded(lines: Lines, excluded: Range[]): Set<number> {
  const out = new Set<number>();
  if (!excluded.length) return out;
  let ex = 0;
  for (let i = 0; i < lines.starts.length; i++) {
    while (ex < excluded.length && excluded[ex].end < lines.ends[i]) ex++;
    if (ex < excluded.length && excluded[ex].start <= lines.starts[i] && excluded[ex].end >= lines.ends[i]) out.add(i);
  }
  return out;
}

export function statusOf(a: number, b: number, s: ReviewSettings): CoverageStatus {
  if (a === 0 && b === 0) return 'missing';
  if (a === 0 || b === 0) return 'one-sided';
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return lo / hi < s.balanceRatio && hi >= s.unbalancedMinLarger ? 'unbalanced' : 'balanced';
}

/** A piece of prose waiting to be segmented: its text, where it goes, its aliases and runs. */
interface Pending {
  piece: string;
  /** Indexes of the pieces with this text. */
  slots: number[];
  starts: number[];
  runs: number[];
  matches: PieceMatch[];
}

/** The index after the tokens from `from` that make up `length` units, or -1 if none end there. */
function tokensSpanning(tokens: string[], from: number, length: number): number {
  let t = from;
  let sum = 0;
  while (sum < length && t < tokens.length) sum += tokens[t++].length;
  return sum === length ? t : -1;
}

/** Mentions of a piece's matches (its offsets shifted by `start`), in order. */
function collect(matches: PieceMatch[], start: number, out: Mention[]): void {
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    if (m.incidental) continue;
    const range = { start: start + m.start, end: start + m.end };
    for (const t of m.targets) out.push({ id: t.id, side: t.side, alias: m.alias, range });
  }
}

/** The mentions of each id, in text order: one pass instead of one per relationship. */
function groupById(mentions: Mention[]): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = out.get(m.id);
    if (list) list.push(m);
    else out.set(m.id, [m]);
  }
  return out;
}

/** Coverage of a relationship from its own mentions. */
function coverageOf(r: RelationshipDef, mentions: Mention[], headings: Heading[], s: ReviewSettings): Coverage {
  const per: [Range[], Range[]] = [[], []];
  for (const m of mentions) per[m.side].push(m.range);
  const hs: number[] = [];
  headings.forEach((h, i) => h.names.includes(r.id) && hs.push(i));
  return {
    relationship: r.id,
    name: r.name,
    status: statusOf(per[0].length, per[1].length, s),
    sides: [
      { label: r.sides[0].label, count: per[0].length },
      { label: r.sides[1].label, count: per[1].length },
    ],
    mentions: per,
    headings: hs,
  };
}

type SeverityOf = (kind: FindingKind, id: string | undefined) => Severity;

function documentFindings(r: RelationshipDef, c: Coverage, title: Range, s: ReviewSettings, severity: SeverityOf): Finding[] {
  const [a, b] = [c.sides[0].count, c.sides[1].count];
  if (a === 0 && b === 0) {
    return [{ kind: 'missing', scope: 'document', relationship: r.id, severity: severity('missing', r.id), message: msg.missing(r), range: title, sides: c.sides }];
  }
  if ((a === 0 || b === 0) && Math.max(a, b) >= s.minMentions) {
    const present = a > 0 ? 0 : 1;
    return [{
      kind: 'one-sided',
      scope: 'document',
      relationship: r.id,
      severity: severity('one-sided', r.id),
      message: msg.oneSided(r, present, Math.max(a, b)),
      range: c.mentions[present][0],
      sides: c.sides,
      related: c.mentions[present],
    }];
  }
  if (c.status === 'unbalanced') {
    const small = a < b ? 0 : 1;
    return [{
      kind: 'unbalanced',
      scope: 'document',
      relationship: r.id,
      severity: severity('unbalanced', r.id),
      message: msg.unbalanced(r, a, b, s.balanceRatio),
      range: c.mentions[small][0],
      sides: c.sides,
      related: c.mentions[1 - small],
    }];
  }
  return [];
}

function sectionFindings(r: RelationshipDef, h: Heading, hi: number, mentions: Mention[], s: ReviewSettings, severity: SeverityOf): Finding[] {
  // The body: after the title (a run-on heading's text after 。 is body) up to the section's end.
  const from = h.titleRange.end;
  const per: [Range[], Range[]] = [[], []];
  let lo = 0;
  let hiIdx = mentions.length;
  while (lo < hiIdx) {
    const mid = (lo + hiIdx) >> 1;
    if (mentions[mid].range.start < from) lo = mid + 1;
    else hiIdx = mid;
  }
  for (let k = lo; k < mentions.length && mentions[k].range.start < h.sectionEnd; k++) {
    if (mentions[k].id === r.id) per[mentions[k].side].push(mentions[k].range);
  }
  const [a, b] = [per[0].length, per[1].length];
  const sides = [
    { label: r.sides[0].label, count: a },
    { label: r.sides[1].label, count: b },
  ];
  const base = { scope: 'section' as const, relationship: r.id, range: h.range, sides, heading: hi };
  if (a === 0 && b === 0) return [{ ...base, kind: 'missing', severity: severity('one-sided', r.id), message: msg.sectionEmpty(r) }];
  if (a === 0 || b === 0) {
    const present = a > 0 ? 0 : 1;
    return [{ ...base, kind: 'one-sided', severity: severity('one-sided', r.id), message: msg.sectionOneSided(r, present, Math.max(a, b)), related: per[present] }];
  }
  if (statusOf(a, b, s) === 'unbalanced') {
    return [{ ...base, kind: 'unbalanced', severity: severity('unbalanced', r.id), message: msg.unbalanced(r, a, b, s.balanceRatio, true), related: per[a < b ? 1 : 0] }];
  }
  return [];
}

function outlineFinding(p: OutlineProblem, headings: Heading[], severity: Severity): Finding {
  const h = headings[p.heading];
  return {
    kind: 'outline',
    scope: 'document',
    rule: p.rule,
    severity,
    message: msg.outline(p),
    range: h.markerRange,
    heading: p.heading,
    expected: p.expected,
  };
}

function applyDisables(findings: Finding[], disables: Disable[]): Finding[] {
  if (!disables.length) return findings;
  const hit = (d: Disable, f: Finding) =>
    d.ids.length === 0 || d.ids.includes(f.relationship ?? '') || d.ids.includes(f.rule ?? '') || (f.kind === 'outline' && d.ids.includes('outline'));
  return findings.filter(
    (f) => !disables.some((d) => hit(d, f) && (!d.range || (f.range.start >= d.range.start && f.range.start < d.range.end))),
  );
}
