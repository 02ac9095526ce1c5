/**
 * The analyser: segments the prose of a draft (each line once, cached across analyses), finds
 * the mentions of every relationship's sides, reads the outline and turns counts into findings.
 */
import type { AnalysisResult, ElementDef, Finding, Heading, LanguageKind, Mention, Range, RelationshipDef, ReviewSettings, RulePack, SetAside, Severity } from './types';
import { DEFAULT_SETTINGS } from './types';
import type { Segmenter } from './segmenter';
import { AliasIndex, aliasWords, type PieceMatch } from './mentions/matcher';
import { splitLines, type Lines } from './text/lines';
import { scanProse, type Disable } from './text/prose';
import { scanOutline, type OutlineProblem } from './structure/outline';
import * as msg from './messages';
import { inLang, say, type Lang } from './locale';
import { SimplifiedLines } from './text/traditional';
import { Senses, Overlaps, type ExceptionHit } from './mentions/senses';
import { Constructions } from './evidence/constructions';
import { Sentences, weigh, type Candidate, type NamedSection } from './evidence/weigh';
import { scopeOf, countsByLine, domainHits, hanOf, type Scope } from './judgement/scope';
import { judge } from './judgement/judge';
import { Locator } from './text/lines';
import { Memo } from './text/memo';

export interface AnalyzeOptions {
  language?: LanguageKind;
  /** The language of messages and reasons: Chinese unless the writer works in English. */
  lang?: Lang;
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

/** Counts of one line: its Chinese characters and, per pack, its domain terms. */
interface LineCounts {
  han: number;
  hits: number[];
}

export class Analyzer {
  readonly relationships: RelationshipDef[];
  readonly elements: ElementDef[];
  private readonly index: AliasIndex;
  private readonly byId = new Map<string, RelationshipDef | ElementDef>();
  private cache = new Memo<PieceMatch[]>(CACHE_LIMIT);
  /**
   * A separator of the segmenter that no alias contains (see matchPieces), or '' when there is
   * none: then pieces are cut whole, one by one.
   */
  private readonly joiner: string;
  /** Set while an analysis is profiled: the segmenter's time so far. */
  private segmentMs: number | undefined;

  private readonly packs: RulePack[];
  /** The pack each relationship and element belongs to. */
  private readonly packOf = new Map<string, RulePack>();
  private readonly senses: Senses;
  private readonly constructions: Constructions;
  /** Per pack: whether its domain terms are counted line by line (see countsByLine). */
  private readonly byLine: boolean[];
  /** Line text → its counts; bounded, cleared when full. */
  private lineCounts = new Memo<LineCounts>(CACHE_LIMIT);
  /** Traditional drafts in Simplified, line by line (see SimplifiedLines). */
  private readonly simplified = new SimplifiedLines();

  constructor(packs: RulePack[], private readonly segmenter: Segmenter) {
    this.packs = packs;
    this.relationships = packs.flatMap((p) => p.relationships);
    this.elements = packs.flatMap((p) => p.elements ?? []);
    for (const d of [...this.relationships, ...this.elements]) this.byId.set(d.id, d);
    for (const p of packs) for (const d of [...p.relationships, ...(p.elements ?? [])]) if (!this.packOf.has(d.id)) this.packOf.set(d.id, p);
    this.senses = new Senses(packs.flatMap((p) => p.exceptions ?? []));
    this.constructions = new Constructions(packs.flatMap((p) => p.constructions ?? []));
    this.byLine = packs.map((p) => !!p.domain && countsByLine(p.domain));
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

  /**
   * The Chinese characters of the text and of its prose (lines that are not frame), and per pack
   * the domain terms in its prose: sums of each line's counts, remembered by the line's text.
   */
  private countLines(text: string, lines: Lines, frame: Set<number>): { han: number; proseHan: number; hits: number[] } {
    const hits = new Array<number>(this.packs.length).fill(0);
    let han = 0;
    let proseHan = 0;
    for (let i = 0; i < lines.starts.length; i++) {
      const ls = lines.starts[i];
      const le = lines.ends[i];
      if (le === ls) continue;
      const line = text.slice(ls, le);
      let c = this.lineCounts.get(line);
      if (!c) {
        c = this.lineCounts.set(line, { han: hanOf(line), hits: this.packs.map((p, k) => (this.byLine[k] ? domainHits(p.domain!, line) : 0)) });
      }
      han += c.han;
      if (frame.has(i)) continue;
      proseHan += c.han;
      for (let k = 0; k < hits.length; k++) hits[k] += c.hits[k];
    }
    return { han, proseHan, hits };
  }

  private remember(piece: string, matches: PieceMatch[]): PieceMatch[] {
    return this.cache.set(piece, matches);
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
  private analyzeText(original: string, options: AnalyzeOptions, marks?: { mentions: number; mentionsEnd: number }): AnalysisResult {
    const language = options.language ?? 'plaintext';
    const lang: Lang = options.lang ?? 'zh';
    const settings: ReviewSettings = { ...DEFAULT_SETTINGS, ...options.settings };
    settings.severities = { ...DEFAULT_SETTINGS.severities, ...options.settings?.severities };
    settings.relationships = options.settings?.relationships ?? {};

    // Text: a Traditional draft is read in Simplified, at the same offsets.
    const text = this.simplified.convert(original) ?? original;
    const lines = splitLines(text);
    const prose = scanProse(text, lines, language);
    const excludedLines = wholeLinesExcluded(lines, prose.excluded);
    // Structure.
    const outline = scanOutline(text, lines, language, (l) => excludedLines.has(l));
    const headings = outline.headings;
    if (text !== original) for (const h of headings) {
      h.title = original.slice(h.titleRange.start, h.titleRange.end);
      h.marker = original.slice(h.markerRange.start, h.markerRange.end);
    }
    if (marks) marks.mentions = performance.now();
    // Mentions, and the senses set aside.
    const raw = this.findMentions(text, lines, prose.excluded, outline.frameLines, prose.disables);
    if (marks) marks.mentionsEnd = performance.now();
    const exceptions = raw.length ? this.senses.findInLines(text, lines) : [];
    const { candidates, setAside } = sortOut(raw, exceptions, prose.cited, lang);
    this.nameHeadings(text, headings, candidates);

    // Scope, per framework.
    // Offsets are looked up mostly in text order (terms, then mentions): the line locator remembers where it was.
    const lineAt = new Locator(lines.starts);
    const lineIsFrame = (offset: number) => outline.frameLines.has(lineAt.at(offset));
    const scopes = new Map<string, Scope>();
    const counts = this.countLines(text, lines, outline.frameLines);
    for (let k = 0; k < this.packs.length; k++) {
      const p = this.packs[k];
      const forced = settings.scope === 'always' || prose.frameworks.includes(p.id) || prose.frameworks.includes('all');
      const whole = this.byLine[k] ? { hits: counts.hits[k], chars: counts.han } : undefined;
      scopes.set(p.id, scopeOf(p, { text, title: outline.title, headings, notProse: lineIsFrame, forced, lang, whole }));
    }
    const scopeOfId = (id: string) => scopes.get(this.packOf.get(id)?.id ?? '');

    // Evidence.
    const sentences = new Sentences(text);
    const pairs = candidates.length ? this.constructions.find(text, (o) => sentences.at(o)) : [];
    const named: NamedSection[] = [];
    for (const h of headings) for (const id of h.names) named.push({ id, start: h.range.start, end: h.sectionEnd });
    // A heading that holds a specific term of a side makes its section about that side.
    if (headings.length) {
      let k = 0;
      const seen = new Set<string>();
      for (const c of candidates) {
        if (c.generic) continue;
        while (k < headings.length && headings[k].titleRange.end <= c.range.start) k++;
        const h = headings[k];
        if (!h || h.sentence || h.kind === 'article' || c.range.start < h.titleRange.start || c.range.end > h.titleRange.end) continue;
        const key = `${k} ${c.id} ${c.side}`;
        if (!seen.has(key)) named.push({ id: c.id, side: c.side, start: h.range.start, end: h.sectionEnd }), seen.add(key);
      }
    }
    const weighed = weigh(candidates, sentences, pairs, named);
    setAside.push(...weighed.setAside);
    const counted = inScope(weighed.counted, scopeOfId, setAside);
    setAside.sort((a, b) => a.range.start - b.range.start);

    // Judgement.
    const titleRange = outline.title ?? { start: lines.starts[0], end: lines.ends[0] };
    const proseLength = counts.proseHan;
    const headingAtLine: (Heading | undefined)[] = new Array<Heading | undefined>(lines.starts.length).fill(undefined);
    for (const h of headings) headingAtLine[h.line] = h;
    const verdict = judge({
      relationships: this.relationships,
      elements: this.elements,
      counted,
      setAside,
      headings,
      settings,
      inScope: (id) => (scopeOfId(id)?.status ?? 'whole') !== 'out',
      partScope: (id) => scopeOfId(id)?.status === 'part',
      wholeScope: (id) => {
        const st = scopeOfId(id)?.status ?? 'whole';
        return st === 'whole' || st === 'forced';
      },
      titleRange,
      title: outline.title ? text.slice(outline.title.start, outline.title.end) : '',
      sentenceAt: (o) => sentences.index(o),
      sentenceText: (o) => {
        const r = sentences.at(o);
        return text.slice(r.start, r.end);
      },
      paragraphAt: (o) => lineAt.at(o),
      subjectTitle: (id) => {
        const sc = scopeOfId(id);
        const title = outline.title ? text.slice(outline.title.start, outline.title.end) : '';
        return sc?.status === 'part' ? sc.parts.map((i) => text.slice(headings[i].titleRange.start, headings[i].titleRange.end)).join('\n') : title;
      },
      inHeadingTitle: (o) => {
        const h = headingAtLine[lineAt.at(o)];
        // An item that is one whole sentence, or an article, has no title that names a subject.
        return !!h && !h.sentence && h.kind !== 'article' && o >= h.titleRange.start && o < h.titleRange.end;
      },
      proseLength,
      lang,
    });
    const findings: Finding[] = verdict.findings;
    outlineFindings(outline.problems, headings, settings, lang, findings);
    const scope = [...scopes.values()].map(({ ranges: _r, ...rest }) => rest);
    return {
      findings: applyDisables(findings, prose.disables).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end),
      coverage: verdict.coverage,
      elements: verdict.elements,
      outline: headings,
      mentions: counted,
      setAside,
      engaged: engagedIn(scope),
      scope,
      title: outline.title,
      attachments: outline.attachments,
      tocLines: outline.tocLines,
    };
  }

  private findMentions(text: string, lines: Lines, excluded: Range[], frame: Set<number>, disables: Disable[]): RawMention[] {
    const out: RawMention[] = [];
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
  private nameHeadings(text: string, headings: Heading[], mentions: Candidate[]): void {
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
const PAIRING_PHRASE = /处理好|正确处理|统筹|兼顾|协调|平衡|并重|相结合|结合起来|关系|并举|两手抓|相统一|相促进|相协调|良性互动|一体推进|同步推进|深度融合|融合/;
/** What may join the two sides of a bare "A与B" title. */
const JOINERS = /[与和及同跟、，,\s\u3000的]/g;

function isHeadingPhrase(title: string, start: number, sides: Range[]): boolean {
  if (PAIRING_PHRASE.test(title)) return title.length <= 40;
  // Just the two sides joined by 与/和/及: 数据开放与数据安全.
  const sorted = [...sides].sort((a, b) => a.start - b.start);
  let rest = title.slice(0, Math.max(0, sorted[0].start - start));
  let joined = false;
  let pos = sorted[0].end - start;
  for (const r of sorted.slice(1)) {
    const gap = title.slice(pos, Math.max(pos, r.start - start));
    if (/[与和及同跟、]/.test(gap)) joined = true;
    rest += gap;
    pos = Math.max(pos, r.end - start);
  }
  rest += title.slice(pos);
  return joined && rest.replace(JOINERS, '').length <= 2;
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

/** An alias found on token boundaries, before its sense and context are weighed. */
interface RawMention extends Mention {
  /** Part of the name of a body. */
  incidental: boolean;
  generic: boolean;
}

/** Mentions of a piece's matches (its offsets shifted by `start`), in order. */
function collect(matches: PieceMatch[], start: number, out: RawMention[]): void {
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    const range = { start: start + m.start, end: start + m.end };
    for (const t of m.targets) out.push({ id: t.id, side: t.side, alias: m.alias, range, incidental: m.incidental, generic: t.generic });
  }
}

/**
 * Raw mentions into candidates and those set aside at once (part of an agency's name, inside a
 * fixed term or a cited title). Apart from the analysis, as its per-mention loop.
 */
function sortOut(raw: RawMention[], exceptions: ExceptionHit[], cited: Range[], lang: Lang): { candidates: Candidate[]; setAside: SetAside[] } {
  const candidates: Candidate[] = [];
  const setAside: SetAside[] = [];
  // Objects are written out field by field: spreading one per mention costs more than the rest of the loop.
  // Mentions come in text order: the exceptions and cited titles before them are passed once.
  const exceptionAt = new Overlaps(exceptions);
  const citedAt = new Overlaps(cited);
  for (const m of raw) {
    if (m.incidental) {
      setAside.push({ id: m.id, side: m.side, alias: m.alias, range: m.range, reason: 'agency' });
      continue;
    }
    const ex = exceptionAt.at(m.range);
    if (ex) setAside.push({ id: m.id, side: m.side, alias: m.alias, range: m.range, reason: 'exception', detail: `${ex.term}${say(lang, '：', ': ')}${inLang(ex.reason, lang)}` });
    else if (citedAt.at(m.range)) setAside.push({ id: m.id, side: m.side, alias: m.alias, range: m.range, reason: 'cited' });
    else candidates.push({ id: m.id, side: m.side, alias: m.alias, range: m.range, generic: m.generic });
  }
  return { candidates, setAside };
}

/** The counted mentions inside their framework's scope; the others are set aside (appended to setAside). */
function inScope(mentions: Mention[], scopeOfId: (id: string) => Scope | undefined, setAside: SetAside[]): Mention[] {
  const counted: Mention[] = [];
  for (const m of mentions) {
    const sc = scopeOfId(m.id);
    if (sc && sc.status === 'part' && !sc.ranges.some((r) => m.range.start >= r.start && m.range.start < r.end)) setAside.push(outOfScope(m));
    else counted.push(m);
  }
  return counted;
}

/** A counted mention set aside as out of scope: the same fields (a specific term has no generic or context), then the reason. */
function outOfScope(m: Mention): SetAside {
  return m.context === undefined
    ? { id: m.id, side: m.side, alias: m.alias, range: m.range, reason: 'out-of-scope' }
    : ({ id: m.id, side: m.side, alias: m.alias, range: m.range, generic: m.generic, context: m.context, reason: 'out-of-scope' } as SetAside);
}

/**
 * The outline's problems as findings, appended to `out`. Apart from the analysis (as is
 * engagedIn): settings and scopes come in many shapes, and a small function that
 * meets a new one is cheaper to recompile than the whole analysis.
 */
function outlineFindings(problems: OutlineProblem[], headings: Heading[], settings: ReviewSettings, lang: Lang, out: Finding[]): void {
  const enabled = (id: string) => settings.relationships[id]?.enabled !== false;
  const severity = (id: string): Severity => settings.relationships[id]?.severity || settings.severities.outline;
  if (!enabled('outline')) return;
  for (const p of problems) {
    if (!enabled(p.rule)) continue;
    out.push(outlineFinding(p, headings, lang, severity(settings.relationships[p.rule]?.severity ? p.rule : 'outline')));
  }
}

/** Whether some framework applies. */
function engagedIn(scope: { status: string }[]): boolean {
  for (const x of scope) if (x.status !== 'out') return true;
  return false;
}

function outlineFinding(p: OutlineProblem, headings: Heading[], lang: Lang, severity: Severity): Finding {
  const h = headings[p.heading];
  return {
    kind: 'outline',
    scope: 'document',
    rule: p.rule,
    severity,
    message: msg.outline(lang, p),
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
