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
import { AliasIndex, type PieceMatch } from './matcher';
import { splitLines, type Lines } from './lines';
import { scanProse, type Disable } from './prose';
import { scanOutline, type OutlineProblem } from './outline';
import * as msg from './messages';

export interface AnalyzeOptions {
  language?: LanguageKind;
  settings?: Partial<ReviewSettings>;
}

/** Segmentation cache: piece text → matches. Bounded; cleared when full. */
const CACHE_LIMIT = 50_000;

export class Analyzer {
  readonly relationships: RelationshipDef[];
  readonly elements: ElementDef[];
  private readonly index: AliasIndex;
  private readonly byId = new Map<string, RelationshipDef | ElementDef>();
  private cache = new Map<string, PieceMatch[]>();
  /** Whether pieces are cut clause by clause (see matchClauses). */
  private readonly clauses: boolean;

  constructor(packs: RulePack[], private readonly segmenter: Segmenter) {
    this.relationships = packs.flatMap((p) => p.relationships);
    this.elements = packs.flatMap((p) => p.elements ?? []);
    for (const d of [...this.relationships, ...this.elements]) this.byId.set(d.id, d);
    this.index = new AliasIndex(this.relationships, this.elements);
    this.clauses = this.index.useSeparators(segmenter.separators);
  }

  /** Every alias of the packs: the words to add to the segmenter's dictionary. */
  static words(packs: RulePack[]): string[] {
    return new AliasIndex(packs.flatMap((p) => p.relationships), packs.flatMap((p) => p.elements ?? [])).words();
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

  /** Matches of one piece of prose, segmented at most once per distinct text. */
  private piece(text: string): PieceMatch[] {
    let m = this.cache.get(text);
    if (!m) {
      m = this.clauses ? this.matchClauses(text) : this.index.match(this.segmenter.cut(text));
      if (this.cache.size >= CACHE_LIMIT) this.cache = new Map();
      this.cache.set(text, m);
    }
    return m;
  }

  /**
   * Matches of a piece, segmenting only the runs of clauses that hold an alias. The segmenter
   * cuts independently at its separators and no alias contains one, so a clause without any alias
   * in it can hold no match, and the runs that are cut give the tokens the whole piece would.
   */
  private matchClauses(text: string): PieceMatch[] {
    const out: PieceMatch[] = [];
    const starts: number[] = [];
    const runs: number[] = [];
    this.index.scan(text, starts, runs);
    let h = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const start = runs[r];
      const end = runs[r + 1];
      const tokens = this.segmenter.cut(start === 0 && end === text.length ? text : text.slice(start, end));
      h = this.index.matchTokens(tokens, text, start, starts, h, out);
    }
    return out;
  }

  analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
    const language = options.language ?? 'plaintext';
    const settings: ReviewSettings = { ...DEFAULT_SETTINGS, ...options.settings };
    settings.severities = { ...DEFAULT_SETTINGS.severities, ...options.settings?.severities };
    settings.relationships = options.settings?.relationships ?? {};

    const lines = splitLines(text);
    const prose = scanProse(text, lines, language);
    const excludedLines = wholeLinesExcluded(lines, prose.excluded);
    const outline = scanOutline(text, lines, language, (l) => excludedLines.has(l));
    const mentions = this.findMentions(text, lines, prose.excluded, outline.frameLines, prose.disables);
    const headings = outline.headings;
    this.nameHeadings(headings, mentions);

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
    };
  }

  private findMentions(text: string, lines: Lines, excluded: Range[], frame: Set<number>, disables: Disable[]): Mention[] {
    const out: Mention[] = [];
    const paragraphDisables = disables.filter((d) => d.range);
    let ex = 0;
    for (let i = 0; i < lines.starts.length; i++) {
      const ls = lines.starts[i];
      const le = lines.ends[i];
      if (le === ls || frame.has(i)) continue;
      while (ex < excluded.length && excluded[ex].end <= ls) ex++;
      // The line minus the excluded ranges that overlap it.
      let pos = ls;
      for (let k = ex; k < excluded.length && excluded[k].start < le; k++) {
        if (excluded[k].start > pos) this.collect(text, pos, excluded[k].start, out);
        pos = Math.max(pos, excluded[k].end);
      }
      if (pos < le) this.collect(text, pos, le, out);
    }
    if (!paragraphDisables.length) return out;
    // Mentions in a disabled paragraph are not counted (document-wide disables only drop findings).
    return out.filter(
      (m) =>
        !paragraphDisables.some(
          (d) => m.range.start >= d.range!.start && m.range.start < d.range!.end && (d.ids.length === 0 || d.ids.includes(m.id)),
        ),
    );
  }

  private collect(text: string, start: number, end: number, out: Mention[]): void {
    const matches = this.piece(text.slice(start, end));
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k];
      if (m.incidental) continue;
      const range = { start: start + m.start, end: start + m.end };
      for (const t of m.targets) out.push({ id: t.id, side: t.side, alias: m.alias, range });
    }
  }

  /** A heading names a relationship when its title mentions both sides. */
  private nameHeadings(headings: Heading[], mentions: Mention[]): void {
    let k = 0;
    for (const h of headings) {
      while (k < mentions.length && mentions[k].range.start < h.titleRange.start) k++;
      const seen = new Map<string, number>();
      for (let j = k; j < mentions.length && mentions[j].range.start < h.titleRange.end; j++) {
        const m = mentions[j];
        seen.set(m.id, (seen.get(m.id) ?? 0) | (1 << m.side));
      }
      for (const [id, bits] of seen) if (bits === 3) h.names.push(id);
    }
  }
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
