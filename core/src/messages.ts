/** Finding messages, in the writer's language: each says what is wrong and what to do. */
import type { ElementDef, EvidenceSummary, RelationshipDef, SetAsideReason } from './types';
import type { OutlineProblem } from './structure/outline';
import { levelName } from './structure/markers';
import type { Lang } from './locale';

const en = (r: { name: string; nameEn?: string }) => r.nameEn ?? r.name;

const REASONS: Record<SetAsideReason, [string, string]> = {
  generic: ['泛用词，不在本关系的上下文中', 'generic word, not in this relationship’s context'],
  exception: ['固定说法，另有所指', 'fixed term in another sense'],
  agency: ['机构名称', 'name of a body'],
  cited: ['引用的文件标题', 'cited title'],
  'out-of-scope': ['不在审校范围内', 'outside the reviewed part'],
};

/** Why an occurrence did not count. */
export function setAsideReason(reason: SetAsideReason, lang: Lang): string {
  return REASONS[reason][lang === 'en' ? 1 : 0];
}

/** （计入：数据开放 5、开放共享 2；未计入：安全 3（泛用词…）） — at most a few terms each; '' without evidence. */
export function evidenceLine(e: EvidenceSummary | undefined, lang: Lang): string {
  if (!e) return '';
  const counted = e.counted.slice(0, 4).map((t) => `${t.term} ${t.count}`);
  if (lang === 'en') {
    const aside = e.setAside.slice(0, 3).map((t) => `${t.term} ${t.count} (${REASONS[t.reason][1]})`);
    const text = [counted.length ? `counted: ${counted.join(', ')}` : '', aside.length ? `set aside: ${aside.join(', ')}` : ''].filter(Boolean).join('; ');
    return text ? ` (${text})` : '';
  }
  const aside = e.setAside.slice(0, 3).map((t) => `${t.term} ${t.count}（${REASONS[t.reason][0]}）`);
  const text = [counted.length ? `计入：${counted.join('、')}` : '', aside.length ? `未计入：${aside.join('、')}` : ''].filter(Boolean).join('；');
  return text ? `（${text}）` : '';
}

export function oneSided(lang: Lang, r: RelationshipDef, present: number, count: number, evidence?: EvidenceSummary): string {
  const p = r.sides[present].label;
  const a = r.sides[1 - present].label;
  const ev = evidenceLine(evidence, lang);
  return lang === 'en'
    ? `“${en(r)}” is one-sided: ${p} is discussed (${count} mentions), ${a} never${ev}. Add a passage on ${a}.`
    : `“${r.name}”只写了“${p}”（${count} 处），没有写“${a}”${ev}。请补充“${a}”方面的内容，两方面都要处理好。`;
}

/** Document scope: the spread of each side in paragraphs. */
export function unbalanced(lang: Lang, r: RelationshipDef, a: number, b: number, evidence?: EvidenceSummary): string {
  const [big, small] = a >= b ? [0, 1] : [1, 0];
  const ev = evidenceLine(evidence, lang);
  const [B, S] = [r.sides[big].label, r.sides[small].label];
  return lang === 'en'
    ? `“${en(r)}” is unbalanced: ${B} runs through ${Math.max(a, b)} paragraphs, ${S} is named in passing in ${Math.min(a, b)}${ev}. Strengthen ${S}.`
    : `文稿对“${r.name}”两方面着墨悬殊：“${B}”写了 ${Math.max(a, b)} 段，“${S}”只在 ${Math.min(a, b)} 段中一笔带过${ev}。请加强“${S}”方面的论述。`;
}

/** Section scope: the sentences of each side. */
export function unbalancedSection(lang: Lang, r: RelationshipDef, a: number, b: number): string {
  const [big, small] = a >= b ? [0, 1] : [1, 0];
  const [B, S] = [r.sides[big].label, r.sides[small].label];
  return lang === 'en'
    ? `This section's heading names “${en(r)}”, but its body gives ${B} ${Math.max(a, b)} sentences and ${S} ${Math.min(a, b)}. Strengthen ${S}.`
    : `本节标题提出“${r.name}”，正文写“${B}”${Math.max(a, b)} 句，“${S}”只有 ${Math.min(a, b)} 句。请加强“${S}”方面的论述。`;
}

/** One note for the document: the relationships it does not discuss. */
export function missingNote(lang: Lang, rs: RelationshipDef[]): string {
  return lang === 'en'
    ? `The draft does not discuss ${rs.map((r) => en(r)).join(', ')}. Add them if they bear on the subject.`
    : `文稿没有论及：${rs.map((r) => `“${r.name}”`).join('、')}。如与本文主题相关，请补充论述。`;
}

export function missingElement(lang: Lang, e: ElementDef): string {
  return lang === 'en'
    ? `The draft does not state “${en(e)}”; a framework draft should state this principle. Add it.`
    : `文稿没有体现“${e.name}”。框架性文稿应写明这一原则，请补充。`;
}

export function sectionOneSided(lang: Lang, r: RelationshipDef, present: number, count: number): string {
  const p = r.sides[present].label;
  const a = r.sides[1 - present].label;
  return lang === 'en'
    ? `This section's heading names “${en(r)}” but its body discusses only ${p} (${count} times), never ${a}. Add ${a} to this section.`
    : `本节标题提出“${r.name}”，正文只写了“${p}”（${count} 处），没有写“${a}”。请在本节补充“${a}”方面的内容。`;
}

export function sectionEmpty(lang: Lang, r: RelationshipDef): string {
  return lang === 'en'
    ? `This section's heading names “${en(r)}” but its body discusses neither side. Write the section.`
    : `本节标题提出“${r.name}”，正文却没有论述任何一方面。请补充本节内容。`;
}

export function outline(lang: Lang, p: OutlineProblem): string {
  const zh = lang !== 'en';
  switch (p.rule) {
    case 'outline-skipped-level': {
      const lv = p.missingLevel ?? 1;
      return zh
        ? `标题层级跳跃：“${p.found}”上面缺少${levelName(lv, lang)}“${p.expected}”。请补上这一级标题或调整层级。`
        : `Skipped heading level: ${p.found} has no ${levelName(lv, lang)} heading (${p.expected}) above it. Add one or change the level.`;
    }
    case 'outline-order':
      return zh ? `标题序号不连续：此处应为“${p.expected}”，实为“${p.found}”。请调整编号。` : `Heading out of order: expected ${p.expected}, found ${p.found}. Renumber.`;
    case 'outline-duplicate':
      return zh ? `标题序号重复：“${p.found}”已经用过，此处应为“${p.expected}”。请调整编号。` : `Duplicate heading number ${p.found}; expected ${p.expected}. Renumber.`;
    case 'outline-punctuation':
      return zh ? `标题标点不规范：“${p.found}”应写作“${p.expected}”。` : `Wrong heading punctuation: write ${p.expected} instead of ${p.found}.`;
  }
}

