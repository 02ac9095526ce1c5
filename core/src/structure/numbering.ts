/**
 * Numbering checks, per numbering run (the body, each attachment), knowing the run's convention.
 * Within one parent, numbers go 1, 2, 3 …; across parents a level either restarts at 1 under each
 * new parent or continues where the previous part stopped (（一）（二） under 一、, then （三） under
 * 二、, as many 国办 documents do). Whichever the run does first is its convention; a part that
 * breaks it is reported, as are skips, repeats, skipped levels and non-standard punctuation.
 * 第X条 run through the whole run. Each node gets the key of the sequence it is numbered in, which
 * renumbering and insertion follow.
 */
import type { Heading, OutlineRule } from '../types';
import { FAMILY_LEVEL, familyForLevel, markerFor, markerLike, type Family } from './markers';
import { underArticle } from './tree';

export interface OutlineProblem {
  rule: OutlineRule;
  heading: number;
  expected: string;
  found: string;
  /** For skipped levels: the level that is missing. */
  missingLevel?: number;
}

type Convention = 'restart' | 'continue';

const GONGWEN = new Set<string>(['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled']);

/** `excerpt`: the text is an excerpt (（节选）), so its numbering may start anywhere. */
export function checkNumbering(headings: Heading[], canonical: boolean[], excerpt = false): OutlineProblem[] {
  const problems: OutlineProblem[] = [];
  /** Per level group (run, family, rank, parent's family): the convention, once known. */
  const conventions = new Map<string, Convention>();
  /** Per level group: the last number used, whatever the parent. */
  const lastInGroup = new Map<string, number>();
  /** Per (group, parent): the last number used under that parent. */
  const lastUnderParent = new Map<string, number>();
  /** Parents (and the family under them) already reported for a skipped level. */
  const skippedUnder = new Set<string>();
  /** Sequences whose last number was a repeat. */
  const afterRepeat = new Set<string>();
  /** Per run: the 公文 families it numbers with. A level the run never uses is its scheme, not a gap. */
  const usedInRun = new Map<number, Set<string>>();
  for (const h of headings) {
    if (!h.family || h.mdLevel) continue;
    let used = usedInRun.get(h.run);
    if (!used) usedInRun.set(h.run, (used = new Set()));
    used.add(h.family);
  }
  headings.forEach((h, idx) => {
    const fam = h.family as Family | undefined;
    if (!fam) return;
    const parent = h.parent >= 0 ? headings[h.parent] : undefined;
    // The 项 of an article in half-width brackets are left to the law text's own conventions.
    const provision = underArticle(headings, idx);
    if (!canonical[idx] && !provision) problems.push({ rule: 'outline-punctuation', heading: idx, expected: markerFor(fam, h.number), found: h.marker });
    // A 公文 level left out under a 公文 parent (1. directly under 一、) where the run numbers with
    // that level elsewhere: a run that never uses （一） numbers in two levels, 一、 and 1., by
    // design (工作要点, the lists of an attachment). 节 are optional; the 项 and 目 of an article are
    // not checked for levels.
    if (parent && GONGWEN.has(fam) && GONGWEN.has(parent.family ?? '') && !h.mdLevel && !parent.mdLevel) {
      const gap = FAMILY_LEVEL[fam] - FAMILY_LEVEL[parent.family as Family];
      // Once per parent: the siblings after the first share the same missing level.
      const key = `${h.parent}:${fam}`;
      const missingLevel = FAMILY_LEVEL[parent.family as Family] + 1;
      if (gap > 1 && !skippedUnder.has(key) && usedInRun.get(h.run)?.has(familyForLevel(missingLevel))) {
        skippedUnder.add(key);
        problems.push({ rule: 'outline-skipped-level', heading: idx, expected: markerFor(familyForLevel(missingLevel), 1), found: h.marker, missingLevel });
      }
    }
    // 条 are numbered through the run; other levels within their parent, by the run's convention.
    const group = groupOf(h, parent);
    const underKey = fam === 'article' ? group : `${group}@${h.parent}`;
    const prevHere = lastUnderParent.get(underKey);
    const prevGroup = lastInGroup.get(group);
    let expected: number;
    if (prevHere !== undefined) expected = prevHere + 1;
    else if (prevGroup === undefined) expected = excerpt && h.run === 0 ? h.number : 1;
    else {
      // The first child of a new parent: restart or continue?
      let conv = conventions.get(group);
      if (!conv && (h.number === 1 || h.number === prevGroup + 1)) {
        conv = h.number === 1 ? 'restart' : 'continue';
        conventions.set(group, conv);
      }
      expected = conv === 'continue' ? prevGroup + 1 : 1;
    }
    const conv = fam === 'article' ? 'continue' : conventions.get(group);
    h.sequence = conv === 'continue' ? group : underKey;
    if (afterRepeat.has(underKey) && prevHere !== undefined && h.number === prevHere + 2) expected = h.number;
    if (prevHere !== undefined && h.number === prevHere) {
      problems.push({ rule: 'outline-duplicate', heading: idx, expected: markerLike(fam, h.marker, expected).trim(), found: h.marker.trim() });
    } else if (h.number !== expected) {
      problems.push({ rule: 'outline-order', heading: idx, expected: markerLike(fam, h.marker, expected).trim(), found: h.marker.trim() });
    }
    // A repeated number stands for the one it should have been: （一）（一）（三） is one error.
    // After a repeat the next number may follow either reading: 第十二条 第十二条 第十三条 (the
    // writer went on from the repeat) or （一）（一）（三） (the repeat stood for （二）).
    lastUnderParent.set(underKey, h.number);
    lastInGroup.set(group, h.number);
    if (prevHere !== undefined && h.number === prevHere) afterRepeat.add(underKey);
    else afterRepeat.delete(underKey);
  });
  // Nodes numbered before their group's convention was known keep the key of their parent; in a
  // continuing run they share the group's sequence.
  for (const h of headings) {
    if (!h.family || h.family === 'article') continue;
    const group = groupOf(h, h.parent >= 0 ? headings[h.parent] : undefined);
    if (conventions.get(group) === 'continue') h.sequence = group;
  }
  return problems;
}


/** The level group a node is numbered in: 条 through the run; other levels by family, depth and the parent's family. */
function groupOf(h: Heading, parent: Heading | undefined): string {
  return h.family === 'article' ? `${h.run}:article` : `${h.run}:${h.family}:${h.rank}:${parent?.family ?? ''}`;
}
