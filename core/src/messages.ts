/** Finding messages: Chinese first, then English; each says what is wrong and what to do. */
import type { ElementDef, EvidenceSummary, RelationshipDef, SetAsideReason } from './types';
import type { OutlineProblem } from './structure/outline';
import { LEVEL_NAMES } from './structure/markers';

const en = (r: { name: string; nameEn?: string }) => r.nameEn ?? r.name;

const REASONS: Record<SetAsideReason, [string, string]> = {
  generic: ['泛用词，不在本关系的上下文中', 'generic word, not in this relationship’s context'],
  exception: ['固定说法，另有所指', 'fixed term in another sense'],
  agency: ['机构名称', 'name of a body'],
  cited: ['引用的文件标题', 'cited title'],
  'out-of-scope': ['不在审校范围内', 'outside the reviewed part'],
};

/** Why an occurrence did not count, in both languages. */
export function setAsideReason(reason: SetAsideReason): [string, string] {
  return REASONS[reason];
}

/** 依据：数据开放 5、开放共享 2；未计入：安全 3（泛用词…） — at most a few terms each. */
export function evidenceLine(e: EvidenceSummary | undefined): [string, string] {
  if (!e) return ['', ''];
  const counted = e.counted.slice(0, 4).map((t) => `${t.term} ${t.count}`);
  const aside = e.setAside.slice(0, 3).map((t) => [`${t.term} ${t.count}（${REASONS[t.reason][0]}）`, `${t.term} ${t.count} (${REASONS[t.reason][1]})`]);
  const zh = [counted.length ? `计入：${counted.join('、')}` : '', aside.length ? `未计入：${aside.map((x) => x[0]).join('、')}` : ''].filter(Boolean).join('；');
  const enText = [counted.length ? `counted: ${counted.join(', ')}` : '', aside.length ? `set aside: ${aside.map((x) => x[1]).join(', ')}` : ''].filter(Boolean).join('; ');
  return [zh ? `（${zh}）` : '', enText ? ` (${enText})` : ''];
}

export function oneSided(r: RelationshipDef, present: number, count: number, evidence?: EvidenceSummary): string {
  const p = r.sides[present].label;
  const a = r.sides[1 - present].label;
  const [zh, enText] = evidenceLine(evidence);
  return `“${r.name}”只写了“${p}”（${count} 处），没有写“${a}”${zh}。请补充“${a}”方面的内容，两方面都要处理好。` +
    ` / “${en(r)}” is one-sided: ${p} is discussed (${count} mentions), ${a} never${enText}. Add a passage on ${a}.`;
}

/** Document scope: the spread of each side in paragraphs. */
export function unbalanced(r: RelationshipDef, a: number, b: number, evidence?: EvidenceSummary): string {
  const [big, small] = a >= b ? [0, 1] : [1, 0];
  const [zh, enText] = evidenceLine(evidence);
  return `文稿对“${r.name}”两方面着墨悬殊：“${r.sides[big].label}”写了 ${Math.max(a, b)} 段，“${r.sides[small].label}”只在 ${Math.min(a, b)} 段中一笔带过${zh}。请加强“${r.sides[small].label}”方面的论述。` +
    ` / “${en(r)}” is unbalanced: ${r.sides[big].label} runs through ${Math.max(a, b)} paragraphs, ${r.sides[small].label} is named in passing in ${Math.min(a, b)}${enText}. Strengthen ${r.sides[small].label}.`;
}

/** Section scope: the sentences of each side. */
export function unbalancedSection(r: RelationshipDef, a: number, b: number): string {
  const [big, small] = a >= b ? [0, 1] : [1, 0];
  return `本节标题提出“${r.name}”，正文写“${r.sides[big].label}”${Math.max(a, b)} 句，“${r.sides[small].label}”只有 ${Math.min(a, b)} 句。请加强“${r.sides[small].label}”方面的论述。` +
    ` / This section's heading names “${en(r)}”, but its body gives ${r.sides[big].label} ${Math.max(a, b)} sentences and ${r.sides[small].label} ${Math.min(a, b)}. Strengthen ${r.sides[small].label}.`;
}

/** One note for the document: the relationships it does not discuss. */
export function missingNote(rs: RelationshipDef[]): string {
  return `文稿没有论及：${rs.map((r) => `“${r.name}”`).join('、')}。如与本文主题相关，请补充论述。` +
    ` / The draft does not discuss ${rs.map((r) => en(r)).join(', ')}. Add them if they bear on the subject.`;
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
