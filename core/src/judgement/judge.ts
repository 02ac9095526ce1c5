/**
 * Findings by kind, from the evidence. A side is developed when it has evidence in more than one
 * paragraph; a relationship is one-sided when one side is developed and the other has no evidence
 * (and is not written in generic words throughout); unbalanced when a developed side stands against
 * a token one (paragraphs against a clause), never for raw counts. Drafts that do not discuss some
 * relationships get one note listing them; short texts and out-of-scope drafts get none. The
 * coverage status is computed by the same rules, so the coverage view agrees with the findings.
 */
import type {
  Coverage,
  CoverageStatus,
  ElementDef,
  EvidenceSummary,
  Finding,
  FindingKind,
  Heading,
  Mention,
  Range,
  RelationshipDef,
  ReviewSettings,
  SetAside,
  Severity,
  SideDef,
  Substance,
} from '../types';
import * as msg from '../messages';
import type { Lang } from '../locale';

/** Set-aside generic words above this many mean the side is written about in general words. */
const GENERIC_PRESENCE = 2;
/** Prose shorter than this (Chinese characters) gets no note on missing relationships or elements. */
export const SHORT_TEXT = 3000;
/** Prose shorter than this gets no document-wide relationship finding: a brief notice, a reply, an excerpt. */
export const BRIEF_TEXT = 800;
/** Letters and replies answer what they were asked: no document-wide relationship finding. */
const REPLY_TITLE = /(?:函|复函|答复|批复|回复)(?:[（(][^）)]*[）)])?$/;

export interface SideEvidence {
  count: number;
  /** Distinct sentences holding evidence. */
  spread: number;
  /** Generic occurrences set aside. */
  generic: number;
  /** Named in the title or in a heading: a subject of the draft, not a passing word. */
  central?: boolean;
  /** Named in a heading of the draft: a task of its own. */
  headed?: boolean;
  /** How many headings name the side (0 when none). */
  headings?: number;
  /** Named in the document's own title. */
  titled?: boolean;
  /** Named in the title of what is reviewed (the document's, or the reviewed part's heading). */
  subject?: boolean;
  /** The most sentences with evidence in one paragraph. */
  paragraph?: number;
  /** Distinct specific terms counted. */
  distinct?: number;
  /** For a side that declares substance: whether one of its evidence sentences holds it. */
  substantial?: boolean;
  /** For a side that declares substance: how many of its evidence sentences hold it. */
  substance?: number;
  /**
   * Sentences with evidence other than the subject's own name (最多跑一次 in a regulation on
   * 最多跑一次): what the side is developed in, beyond naming the subject of the draft.
   */
  beyondSubject?: number;
}

/** How much text a side had to be developed in: a long draft, a short one (or a part), a named section. */
export type TextSize = 'long' | 'short' | 'section';
/** In a short text, a part or a section, fewer sentences develop a side. */
const SHORT_DEVELOPED_SPREAD = 3;
/** Sentences with evidence a side needs to be developed: a task or a paragraph, not a phrase. */
export const DEVELOPED_SPREAD = 5;
/** Sentences with evidence in one paragraph that make it a paragraph about the side. */
const PARAGRAPH_SPREAD = 3;
/** Sentences that each hold the side's substance (an amount of money) and make it a programme. */
const SUBSTANCE_SPREAD = 2;

/** Whether a side is developed: a paragraph about it, a task under its own heading, or evidence running through the text. */
export function developed(x: SideEvidence, s: ReviewSettings, size: TextSize = 'long'): boolean {
  if (x.substantial === false) return false;
  // Two sums committed (5.6亿元 for the year, 3.2亿元 for one project) are an investment programme.
  if ((x.substance ?? 0) >= SUBSTANCE_SPREAD) return true;
  const needed = size === 'long' ? DEVELOPED_SPREAD : SHORT_DEVELOPED_SPREAD;
  // Running through the text, and a subject of it (named in its title or a heading), or running widely.
  const wide = x.count >= s.minMentions && x.spread >= needed && (size === 'section' || !!x.central || x.spread >= 2 * needed);
  // A task: a heading of its own (which counts for two mentions) and a sentence under it.
  const task = !!x.headed && x.count + 1 >= s.minMentions && x.spread >= 2;
  const paragraph = x.count >= s.minMentions && (x.paragraph ?? 0) >= PARAGRAPH_SPREAD;
  return wide || task || paragraph;
}

/** Headings of its own a side needs to outweigh a side with one heading and a sentence under it. */
const OUTWEIGHING_HEADINGS = 3;

/** The weight of a side: its sentences, or its distinct measures when one sentence names several. */
const weight = (x: SideEvidence) => Math.max(x.spread, x.distinct ?? 0);

/**
 * The status of a relationship from the evidence of its two sides. `flagged` lists the sides
 * whose absence counts (a data-security regulation need not develop data opening); with
 * `raiseWhen: 'subject'` the absence counts only when the draft is about the present side.
 */
export function classify(
  e: [SideEvidence, SideEvidence],
  s: ReviewSettings,
  flagged: readonly number[] = [0, 1],
  size: TextSize = 'long',
  raiseWhen: 'developed' | 'subject' = 'developed',
): CoverageStatus {
  const [a, b] = e;
  if (a.count === 0 && b.count === 0) return 'missing';
  // Whether the side `other` is asked for, given the side `present`.
  // A draft is about a side its title names, or one it lays out under several headings of its own.
  const about = (x: SideEvidence) => !!x.subject || (x.headings ?? 0) >= OUTWEIGHING_HEADINGS;
  const asked = (present: number) => flagged.includes(1 - present) && (raiseWhen === 'developed' || about(e[present]));
  if (a.count === 0 || b.count === 0) {
    const present = a.count > 0 ? 0 : 1;
    const absent = e[1 - present];
    return developed(e[present], s, size) && absent.generic <= GENERIC_PRESENCE && asked(present) ? 'one-sided' : 'partial';
  }
  const bigSide = a.spread >= b.spread ? 0 : 1;
  const [big, small] = [e[bigSide], e[1 - bigSide]];
  // A token: a clause or two, not a heading of its own, against paragraphs.
  // Against the big side's own content: repeating the subject's name (“一网通办”改革) is not a paragraph on it.
  // A heading of its own with a sentence under it is a task, not a token, except against a side
  // laid out under several headings of its own (five construction tasks and one line on using them).
  const outweighed = !!small.headed && !small.titled && (small.headings ?? 1) <= 1 && (big.headings ?? 0) >= OUTWEIGHING_HEADINGS;
  const token = (!small.central || outweighed) && weight(small) <= 2 && weight(small) / (big.beyondSubject ?? big.spread) < s.balanceRatio;
  const unbalanced = developed(big, s, size) && big.spread >= s.unbalancedMinLarger && token && asked(bigSide);
  return unbalanced ? 'unbalanced' : 'balanced';
}

export interface JudgeInput {
  relationships: RelationshipDef[];
  elements: ElementDef[];
  /** Counted evidence in scope, sorted by offset. */
  counted: Mention[];
  setAside: SetAside[];
  headings: Heading[];
  settings: ReviewSettings;
  /** Per relationship or element id: whether its framework applies, and where. */
  inScope: (id: string) => boolean;
  /** Whether only a part of the draft is reviewed against the relationship's framework. */
  partScope: (id: string) => boolean;
  /** Whether a framework applies to the whole draft (for the notes on what is missing). */
  wholeScope: (id: string) => boolean;
  titleRange: Range;
  /** The document's title, as text. */
  title: string;
  /** Whether an offset lies in a heading's title. */
  inHeadingTitle: (offset: number) => boolean;
  /** Index of the sentence holding an offset: evidence is spread over sentences. */
  sentenceAt: (offset: number) => number;
  /** The text of the sentence holding an offset. */
  sentenceText: (offset: number) => string;
  /** Index of the paragraph (line) holding an offset. */
  paragraphAt: (offset: number) => number;
  /** The title a draft's subject is read from, per relationship: the document's, or the reviewed parts' headings. */
  subjectTitle: (id: string) => string;
  /** Chinese characters of prose. */
  proseLength: number;
  /** The language of the messages. */
  lang: Lang;
}

/** Whether a text holds an amount of money: a digit (Arabic or full-width), an optional 多/余, then 万元 or 亿元. Linear. */
function holdsAmount(text: string): boolean {
  for (let i = text.indexOf('元'); i >= 0; i = text.indexOf('元', i + 1)) {
    const unit = text[i - 1];
    if (unit !== '万' && unit !== '亿') continue;
    let k = i - 2;
    while (k >= 0 && k > i - 5 && (text[k] === '多' || text[k] === '余' || text[k] === ' ')) k--;
    const c = text.charCodeAt(k);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

/** Recognisers of a real commitment, fixed in the core: packs are data, they name a kind, never a pattern. */
const SUBSTANCE: Record<Substance, (text: string) => boolean> = { amount: holdsAmount };

function substanceOf(side: SideDef): ((text: string) => boolean)[] | null {
  return side.substance?.length ? side.substance.map((k) => SUBSTANCE[k]) : null;
}

export interface Judgement {
  coverage: Coverage[];
  elements: { element: string; name: string; status: 'present' | 'missing'; count: number; mentions: Range[] }[];
  findings: Finding[];
}

function summary(counted: Mention[], setAside: SetAside[]): EvidenceSummary {
  // Tallies per term, in the order terms are first seen (then by count): looked up per side (and
  // reason) by the term itself, without building a key per occurrence.
  const counts: { side: number; term: string; count: number }[] = [];
  const bySide = new Map<number, Map<string, { side: number; term: string; count: number }>>();
  for (const m of counted) {
    let map = bySide.get(m.side);
    if (!map) bySide.set(m.side, (map = new Map()));
    const t = map.get(m.alias);
    if (t) t.count++;
    else {
      const n = { side: m.side, term: m.alias, count: 1 };
      map.set(m.alias, n);
      counts.push(n);
    }
  }
  const asides: { side: number; term: string; count: number; reason: SetAside['reason'] }[] = [];
  const byReason = new Map<string, Map<string, { side: number; term: string; count: number; reason: SetAside['reason'] }>>();
  for (const m of setAside) {
    const key = `${m.side}:${m.reason}`;
    let map = byReason.get(key);
    if (!map) byReason.set(key, (map = new Map()));
    const t = map.get(m.alias);
    if (t) t.count++;
    else {
      const n = { side: m.side, term: m.alias, count: 1, reason: m.reason };
      map.set(m.alias, n);
      asides.push(n);
    }
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    counted: counts.sort(byCount),
    setAside: asides.sort(byCount),
  };
}

export function judge(input: JudgeInput): Judgement {
  const { settings: s, lang } = input;
  const byId = new Map<string, Mention[]>();
  for (const m of input.counted) {
    const list = byId.get(m.id);
    if (list) list.push(m);
    else byId.set(m.id, [m]);
  }
  const asideById = new Map<string, SetAside[]>();
  for (const m of input.setAside) {
    const list = asideById.get(m.id);
    if (list) list.push(m);
    else asideById.set(m.id, [m]);
  }
  const severity = (kind: FindingKind, id: string | undefined): Severity => (id && s.relationships[id]?.severity) || s.severities[kind];
  const enabled = (id: string) => s.relationships[id]?.enabled !== false;
  const findings: Finding[] = [];
  const coverage: Coverage[] = [];
  const absent: RelationshipDef[] = [];
  for (const r of input.relationships) {
    const ms = byId.get(r.id) ?? [];
    const aside = asideById.get(r.id) ?? [];
    const per: [Range[], Range[]] = [[], []];
    const lines: [Set<number>, Set<number>] = [new Set(), new Set()];
    const paragraphs: [Map<number, Set<number>>, Map<number, Set<number>>] = [new Map(), new Map()];
    const terms: [Set<string>, Set<string>] = [new Set(), new Set()];
    const inTitle: [number, number] = [0, 0];
    const headingSentences: [Set<number>, Set<number>] = [new Set(), new Set()];
    const substance = r.sides.map((side) => substanceOf(side));
    const substantial: [Set<number>, Set<number>] = [new Set(), new Set()];
    const subjectTitle = input.subjectTitle(r.id);
    const beyond: [Set<number>, Set<number>] = [new Set(), new Set()];
    // Whether the subject's title holds an alias, asked once per alias.
    const inSubject = new Map<string, boolean>();
    for (const m of ms) {
      per[m.side].push(m.range);
      const si = input.sentenceAt(m.range.start);
      lines[m.side].add(si);
      let held = inSubject.get(m.alias);
      if (held === undefined) inSubject.set(m.alias, (held = subjectTitle.includes(m.alias)));
      if (!held) beyond[m.side].add(si);
      const pi = input.paragraphAt(m.range.start);
      let inPara = paragraphs[m.side].get(pi);
      if (!inPara) paragraphs[m.side].set(pi, (inPara = new Set()));
      inPara.add(si);
      if (!m.generic) terms[m.side].add(m.alias);
      if (input.inHeadingTitle(m.range.start)) {
        inTitle[m.side]++;
        headingSentences[m.side].add(si);
      }
      const res = substance[m.side];
      if (res && !substantial[m.side].has(si)) {
        const sentence = input.sentenceText(m.range.start);
        if (res.some((holds) => holds(sentence))) substantial[m.side].add(si);
      }
    }
    const generic = [0, 0];
    for (const m of aside) if (m.reason === 'generic') generic[m.side]++;
    const side = (k: 0 | 1): SideEvidence => {
      let paragraph = 0;
      for (const set of paragraphs[k].values()) paragraph = Math.max(paragraph, set.size);
      const inDocTitle = r.sides[k].aliases.some((a) => input.title.includes(a));
      return {
        count: per[k].length,
        spread: lines[k].size,
        generic: generic[k],
        central: inTitle[k] > 0 || inDocTitle,
        headed: inTitle[k] > 0,
        headings: headingSentences[k].size,
        titled: inDocTitle,
        subject: r.sides[k].aliases.some((a) => subjectTitle.includes(a)),
        paragraph,
        distinct: terms[k].size,
        substantial: substance[k] ? substantial[k].size > 0 : undefined,
        substance: substance[k] ? substantial[k].size : undefined,
        beyondSubject: beyond[k].size,
      };
    };
    const ev: [SideEvidence, SideEvidence] = [side(0), side(1)];
    const brief = (input.proseLength < BRIEF_TEXT && !input.partScope(r.id)) || REPLY_TITLE.test(input.title.trim());
    let status = classify(ev, s, r.flagWhenAbsent, input.proseLength < SHORT_TEXT || input.partScope(r.id) ? 'short' : 'long', r.raiseWhen);
    // A brief text gets no document-wide finding, and its coverage says so too.
    if (brief && (status === 'one-sided' || status === 'unbalanced')) status = 'partial';
    const headings: number[] = [];
    input.headings.forEach((h, i) => h.names.includes(r.id) && headings.push(i));
    const cov: Coverage = {
      relationship: r.id,
      name: lang === 'en' ? (r.nameEn ?? r.name) : r.name,
      status,
      sides: [
        { label: r.sides[0].label, count: per[0].length },
        { label: r.sides[1].label, count: per[1].length },
      ],
      mentions: per,
      headings,
      setAside: aside,
      spread: [ev[0].spread, ev[1].spread],
    };
    coverage.push(cov);
    if (!input.inScope(r.id) || !enabled(r.id)) continue;
    const evidence = summary(ms, aside);
    if (status === 'one-sided') {
      const present = per[0].length > 0 ? 0 : 1;
      findings.push({
        kind: 'one-sided',
        scope: 'document',
        relationship: r.id,
        severity: severity('one-sided', r.id),
        message: msg.oneSided(lang, r, present, per[present].length, evidence),
        range: per[present][0],
        sides: cov.sides,
        related: per[present],
        evidence,
      });
    } else if (status === 'unbalanced') {
      const small = ev[0].spread < ev[1].spread ? 0 : 1;
      findings.push({
        kind: 'unbalanced',
        scope: 'document',
        relationship: r.id,
        severity: severity('unbalanced', r.id),
        message: msg.unbalanced(lang, r, ev[0].spread, ev[1].spread, evidence),
        range: per[small][0],
        sides: cov.sides,
        related: per[1 - small],
        evidence,
      });
    } else if (status === 'missing' && aside.length === 0 && input.wholeScope(r.id)) absent.push(r);
    for (const hi of headings) findings.push(...sectionFindings(r, input.headings[hi], hi, input.counted, input.sentenceAt, severity, lang));
  }
  if (absent.length && input.proseLength >= SHORT_TEXT) {
    findings.push({
      kind: 'missing',
      scope: 'document',
      severity: severity('missing', absent.length === 1 ? absent[0].id : undefined),
      message: msg.missingNote(lang, absent),
      range: input.titleRange,
      relationships: absent.map((r) => r.id),
    });
  }
  const elements = input.elements.map((e) => {
    const ms = (byId.get(e.id) ?? []).map((m) => m.range);
    return { element: e.id, name: lang === 'en' ? (e.nameEn ?? e.name) : e.name, status: ms.length ? ('present' as const) : ('missing' as const), count: ms.length, mentions: ms };
  });
  for (const e of elements) {
    if (e.status !== 'missing' || !enabled(e.element) || !input.wholeScope(e.element) || input.proseLength < SHORT_TEXT) continue;
    const def = input.elements.find((x) => x.id === e.element)!;
    findings.push({
      kind: 'missing-element',
      scope: 'document',
      relationship: e.element,
      severity: severity('missing-element', e.element),
      message: msg.missingElement(lang, def),
      range: input.titleRange,
      sides: [{ label: def.name, count: 0 }],
    });
  }
  return { coverage, elements, findings };
}

type SeverityOf = (kind: FindingKind, id: string | undefined) => Severity;

/**
 * A heading that names a relationship has its section checked on its own: all its words are in
 * context. The section fails its heading when one side is absent (a side whose absence counts), or
 * when one side runs through it and the other is one sentence.
 */
function sectionFindings(
  r: RelationshipDef,
  h: Heading,
  hi: number,
  mentions: Mention[],
  sentenceAt: (o: number) => number,
  severity: SeverityOf,
  lang: Lang,
): Finding[] {
  const from = h.titleRange.end;
  const per: [Range[], Range[]] = [[], []];
  const sentences: [Set<number>, Set<number>] = [new Set(), new Set()];
  const terms: [Set<string>, Set<string>] = [new Set(), new Set()];
  let lo = 0;
  let hiIdx = mentions.length;
  while (lo < hiIdx) {
    const mid = (lo + hiIdx) >> 1;
    if (mentions[mid].range.start < from) lo = mid + 1;
    else hiIdx = mid;
  }
  for (let k = lo; k < mentions.length && mentions[k].range.start < h.sectionEnd; k++) {
    const m = mentions[k];
    if (m.id !== r.id) continue;
    per[m.side].push(m.range);
    sentences[m.side].add(sentenceAt(m.range.start));
    if (!m.generic) terms[m.side].add(m.alias);
  }
  const [a, b] = [per[0].length, per[1].length];
  const sides = [
    { label: r.sides[0].label, count: a },
    { label: r.sides[1].label, count: b },
  ];
  // The heading names both sides, so either may be missing, except a side the draft itself is.
  const flagged = [0, 1].filter((x) => !(r.presumed ?? []).includes(x));
  const base = { scope: 'section' as const, relationship: r.id, range: h.range, sides, heading: hi };
  if (a === 0 && b === 0) return [{ ...base, kind: 'missing', severity: severity('missing', r.id), message: msg.sectionEmpty(lang, r) }];
  if (a === 0 || b === 0) {
    const present = a > 0 ? 0 : 1;
    if (per[present].length < 2 || !flagged.includes(1 - present)) return [];
    return [{ ...base, kind: 'one-sided', severity: severity('one-sided', r.id), message: msg.sectionOneSided(lang, r, present, per[present].length), related: per[present] }];
  }
  const [sa, sb] = [sentences[0].size, sentences[1].size];
  const bigSide = sa >= sb ? 0 : 1;
  const big = Math.max(sa, sb);
  // The heading promises both sides: one side in several sentences and the other a single remark.
  const small = Math.max(sentences[1 - bigSide].size, terms[1 - bigSide].size);
  if (big >= 2 && small === 1 && per[1 - bigSide].length === 1 && flagged.includes(1 - bigSide)) {
    return [{ ...base, kind: 'unbalanced', severity: severity('unbalanced', r.id), message: msg.unbalancedSection(lang, r, sa, sb), related: per[bigSide] }];
  }
  return [];
}
