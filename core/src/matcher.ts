/**
 * Alias matching on jieba tokens. An alias matches a run of whole tokens (so 安全感 is not 安全);
 * where aliases nest the longest run wins (投入产出 over 投入); one token may count for several
 * relationships. Mentions inside agency names (政务服务管理局) are marked incidental.
 */
import type { ElementDef, RelationshipDef } from './types';

export interface AliasTarget {
  id: string;
  side: number;
  element: boolean;
}

/** A match relative to the segmented piece of text. */
export interface PieceMatch {
  start: number;
  end: number;
  alias: string;
  targets: AliasTarget[];
  /** Part of an agency's name: not a discussion of the subject. */
  incidental: boolean;
}

/** Tokens after an alias that make it part of an agency's name. */
const AGENCY_SUFFIX = /^(?:局|厅|委|署|办|[\u4e00-\u9fff]{0,4}(?:管理局|服务局|数据局|办公厅|办公室|委员会|改革委|领导小组))$/;
const CJK = /^[\u4e00-\u9fff]+$/;

export class AliasIndex {
  readonly aliases = new Map<string, AliasTarget[]>();
  private readonly prefixes = new Set<string>();
  private maxLength = 0;

  constructor(relationships: RelationshipDef[], elements: ElementDef[]) {
    const add = (alias: string, t: AliasTarget) => {
      let list = this.aliases.get(alias);
      if (!list) this.aliases.set(alias, (list = []));
      if (!list.some((x) => x.id === t.id && x.side === t.side)) list.push(t);
      for (let i = 1; i < alias.length; i++) this.prefixes.add(alias.slice(0, i));
      this.maxLength = Math.max(this.maxLength, alias.length);
    };
    for (const r of relationships) r.sides.forEach((s, side) => s.aliases.forEach((a) => add(a, { id: r.id, side, element: false })));
    for (const e of elements) e.aliases.forEach((a) => add(a, { id: e.id, side: 0, element: true }));
  }

  words(): string[] {
    return [...this.aliases.keys()];
  }

  /** Matches in a token sequence. Kept small and monomorphic: it is the hot loop. */
  match(tokens: string[]): PieceMatch[] {
    const out: PieceMatch[] = [];
    const n = tokens.length;
    let offset = 0;
    for (let i = 0; i < n; i++) {
      const tok = tokens[i];
      let s = tok;
      let bestEnd = -1;
      let bestLen = 0;
      let j = i;
      if (this.aliases.has(s)) {
        bestEnd = i;
        bestLen = s.length;
      }
      while (this.prefixes.has(s) && j + 1 < n && s.length < this.maxLength) {
        s += tokens[++j];
        if (this.aliases.has(s)) {
          bestEnd = j;
          bestLen = s.length;
        }
      }
      if (bestEnd >= 0) {
        const alias = bestEnd === i ? tok : s.slice(0, bestLen);
        out.push({
          start: offset,
          end: offset + bestLen,
          alias,
          targets: this.aliases.get(alias)!,
          incidental: isAgencyName(tokens, bestEnd + 1),
        });
        for (let k = i + 1; k <= bestEnd; k++) offset += tokens[k].length;
        offset += tok.length;
        i = bestEnd;
        continue;
      }
      offset += tok.length;
    }
    return out;
  }
}

/** True when the tokens from `from` complete an agency's name: 政务服务|管理局, 发展|和|改革|委员会. */
function isAgencyName(tokens: string[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 3; k++) {
    const t = tokens[k];
    if (!CJK.test(t)) return false;
    if (AGENCY_SUFFIX.test(t)) return true;
  }
  return false;
}
