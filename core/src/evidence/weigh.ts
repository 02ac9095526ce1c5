/**
 * Evidence, not counts. A specific term (数据开放, 隐私保护, 电子民主) is evidence wherever it stands.
 * A generic word (发展, 安全, 管理, 企业, 应用, 落实, 投资) is evidence for a relationship only in its
 * context: in the same sentence as a specific term of that relationship, in a pairing construction
 * with the other side (统筹发展和安全), under a heading that names the relationship, or under a heading
 * that holds a specific term of the same side (资金 under 三、资金安排). Every other
 * occurrence is set aside, with the reason, so hovers and findings can show it.
 */
import type { Mention, Range, SetAside } from '../types';
import type { PairMatch } from './constructions';
import { Locator } from '../text/lines';

/** An occurrence of an alias that may count. */
export interface Candidate {
  id: string;
  side: number;
  alias: string;
  range: Range;
  generic: boolean;
}

/** Sentence boundaries: 。！？；and line ends close a sentence. */
export class Sentences {
  readonly starts: number[] = [0];
  readonly ends: number[] = [];
  /** Per sentence: whether it ends its paragraph (a line end). */
  private readonly breaks: boolean[] = [];
  /** Sentences are mostly looked up in text order. */
  private readonly locator = new Locator(this.starts);

  constructor(text: string) {
    const re = /[。！？!?；;]+(?:\r\n|\r|\n)?|\r\n|\r|\n/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const end = m.index + m[0].length;
      this.ends.push(end);
      this.starts.push(end);
      // Whether the match ends with a line break: its last unit.
      const last = text.charCodeAt(end - 1);
      this.breaks.push(last === 0x0a || last === 0x0d);
    }
    this.ends.push(text.length);
  }

  index(offset: number): number {
    return this.locator.at(offset);
  }

  /** Whether sentences i and k are in the same paragraph (no line end between them). */
  sameParagraph(i: number, k: number): boolean {
    const a = i < k ? i : k;
    const b = i < k ? k : i;
    for (let j = a; j < b; j++) if (this.breaks[j]) return false;
    return true;
  }

  at(offset: number): Range {
    const i = this.index(offset);
    return { start: this.starts[i], end: this.ends[i] };
  }
}

/** A section whose heading names relationship `id`, or (with `side`) holds a specific term of that side. */
export interface NamedSection {
  id: string;
  start: number;
  end: number;
  /** The side the heading's term is on: only that side's generic words count under it. */
  side?: number;
}

const inside = (r: Range, span: Range) => r.start >= span.start && r.end <= span.end;

export function weigh(cands: Candidate[], sentences: Sentences, pairs: PairMatch[], named: NamedSection[]): { counted: Mention[]; setAside: SetAside[] } {
  // Relationships with a specific term in each sentence.
  const specific = new Map<number, Set<string>>();
  // Each candidate's sentence, found once.
  const sentenceOf = new Int32Array(cands.length);
  for (let j = 0; j < cands.length; j++) sentenceOf[j] = sentences.index(cands[j].range.start);
  for (let j = 0; j < cands.length; j++) {
    const c = cands[j];
    if (c.generic) continue;
    const s = sentenceOf[j];
    let set = specific.get(s);
    if (!set) specific.set(s, (set = new Set()));
    set.add(c.id);
  }
  // Candidates read as the two sides of a pairing construction.
  const paired = new Set<Candidate>();
  // Candidates are in text order: those inside a span are found by binary search.
  const within = (span: Range): Candidate[] => {
    let lo = 0;
    let hi = cands.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cands[mid].range.start < span.start) lo = mid + 1;
      else hi = mid;
    }
    const out: Candidate[] = [];
    for (let k = lo; k < cands.length && cands[k].range.start < span.end; k++) if (inside(cands[k].range, span)) out.push(cands[k]);
    return out;
  };
  if (pairs.length) {
    for (const p of pairs) {
      const inA = within(p.a);
      const inB = within(p.b);
      for (const a of inA) {
        const b = inB.filter((x) => x.id === a.id && x.side !== a.side);
        if (!b.length) continue;
        paired.add(a);
        for (const x of b) paired.add(x);
      }
    }
  }
  /** A specific term of the same relationship in this sentence or the one before or after it, in the same paragraph. */
  const near = (c: Candidate, i: number) => {
    for (let k = i - 1; k <= i + 1; k++) {
      if (k < 0 || k >= sentences.starts.length || (k !== i && !sentences.sameParagraph(i, k))) continue;
      if (specific.get(k)?.has(c.id)) return true;
    }
    return false;
  };
  const namedById = new Map<string, NamedSection[]>();
  for (const n of named) namedById.set(n.id, [...(namedById.get(n.id) ?? []), n]);
  const counted: Mention[] = [];
  const setAside: SetAside[] = [];
  // Objects are written out field by field: a spread per candidate costs more than the weighing.
  for (let j = 0; j < cands.length; j++) {
    const c = cands[j];
    if (!c.generic) {
      counted.push({ id: c.id, side: c.side, alias: c.alias, range: c.range });
      continue;
    }
    if (paired.has(c)) counted.push({ id: c.id, side: c.side, alias: c.alias, range: c.range, generic: true, context: 'construction' });
    else if (near(c, sentenceOf[j])) counted.push({ id: c.id, side: c.side, alias: c.alias, range: c.range, generic: true, context: 'sentence' });
    else if (namedById.get(c.id)?.some((n) => (n.side === undefined || n.side === c.side) && c.range.start >= n.start && c.range.start < n.end)) counted.push({ id: c.id, side: c.side, alias: c.alias, range: c.range, generic: true, context: 'heading' });
    else setAside.push({ id: c.id, side: c.side, alias: c.alias, range: c.range, reason: 'generic' });
  }
  return { counted, setAside };
}
