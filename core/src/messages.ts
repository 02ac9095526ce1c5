/** Finding messages: Chinese first, then English; each says what is wrong and what to do. */
import type { ElementDef, RelationshipDef } from './types';
import type { OutlineProblem } from './structure/outline';
import { LEVEL_NAMES } from './structure/markers';

const en = (r: { name: string; nameEn?: string }) => r.nameEn ?? r.name;

export function oneSided(r: RelationshipDef, present: number, count: number): string {
  const p = r.sides[present].label;
  const a = r.sides[1 - present].label;
  return `“${r.name}”只写了“${p}”（${count} 处），没有写“${a}”。请补充“${a}”方面的内容，两方面都要处理好。` +
    ` / “${en(r)}” is one-sided: ${p} is mentioned ${count} times, ${a} never. Add a passage on ${a}.`;
}

export function unbalanced(r: RelationshipDef, a: number, b: number, ratio: number, section = false): string {
  const [big, small] = a >= b ? [0, 1] : [1, 0];
  const bc = Math.max(a, b);
  const sc = Math.min(a, b);
  const where = section ? '本节' : '文稿';
  return `${where}对“${r.name}”两方面着墨悬殊：“${r.sides[big].label}” ${bc} 处，“${r.sides[small].label}” ${sc} 处（比例 ${(sc / bc).toFixed(2)}，低于 ${ratio}）。请加强“${r.sides[small].label}”方面的论述。` +
    ` / “${en(r)}” is unbalanced${section ? ' in this section' : ''}: ${r.sides[big].label} ${bc} vs ${r.sides[small].label} ${sc} (ratio below ${ratio}). Strengthen ${r.sides[small].label}.`;
}

export function missing(r: RelationshipDef): string {
  return `文稿没有涉及“${r.name}”（“${r.sides[0].label}”“${r.sides[1].label}”均未提及）。如与本文主题相关，请补充论述。` +
    ` / The draft never discusses “${en(r)}” (neither ${r.sides[0].label} nor ${r.sides[1].label}). Add it if it bears on the subject.`;
}

export function missingElement(e: ElementDef): string {
  return `文稿没有体现“${e.name}”。框架性文稿应写明这一原则，请补充。 / The draft does not state “${en(e)}”; a framework draft should state this principle.`;
}

export function sectionOneSided(r: RelationshipDef, present: number, count: number): string {
  const p = r.sides[present].label;
  const a = r.sides[1 - present].label;
  return `本节标题提出“${r.name}”，正文只写了“${p}”（${count} 处），没有写“${a}”。请在本节补充“${a}”方面的内容。` +
    ` / This section's heading names “${en(r)}” but its body discusses only ${p} (${count} times), never ${a}. Add ${a} to this section.`;
}

export function sectionEmpty(r: RelationshipDef): string {
  return `本节标题提出“${r.name}”，正文却没有论述任何一方面。请补充本节内容。 / This section's heading names “${en(r)}” but its body discusses neither side. Write the section.`;
}

export function outline(p: OutlineProblem): string {
  switch (p.rule) {
    case 'outline-skipped-level': {
      const lv = p.missingLevel ?? 1;
      return `标题层级跳跃：“${p.found}”上面缺少${LEVEL_NAMES[lv - 1].split(' / ')[0]}“${p.expected}”。请补上这一级标题或调整层级。` +
        ` / Skipped heading level: ${p.found} has no ${LEVEL_NAMES[lv - 1].split(' / ')[1]} heading (${p.expected}) above it. Add one or change the level.`;
    }
    case 'outline-order':
      return `标题序号不连续：此处应为“${p.expected}”，实为“${p.found}”。请调整编号。 / Heading out of order: expected ${p.expected}, found ${p.found}. Renumber.`;
    case 'outline-duplicate':
      return `标题序号重复：“${p.found}”已经用过，此处应为“${p.expected}”。请调整编号。 / Duplicate heading number ${p.found}; expected ${p.expected}. Renumber.`;
    case 'outline-punctuation':
      return `标题标点不规范：“${p.found}”应写作“${p.expected}”。 / Wrong heading punctuation: write ${p.expected} instead of ${p.found}.`;
  }
}
