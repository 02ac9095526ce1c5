/** Bilingual labels shared by hover, completion, code actions and the coverage view. */
import type { CoverageStatus, ElementDef, RelationshipDef } from '../../core/src/types';

export type Status = CoverageStatus | 'present';

const STATUS: Record<Status, string> = {
  balanced: '两方面兼顾 / balanced',
  'one-sided': '只写了一方面 / one-sided',
  unbalanced: '两方面轻重悬殊 / unbalanced',
  partial: '只提及一方面，未展开 / one side touched on',
  missing: '未涉及 / missing',
  present: '已写到 / present',
};

export function statusLabel(status: Status): string {
  return STATUS[status] ?? status;
}

/** Whether a status asks for more writing (listed first in completion). */
export function needsWork(status: Status): boolean {
  return status !== 'balanced' && status !== 'present';
}

export function isRelationship(def: RelationshipDef | ElementDef): def is RelationshipDef {
  return Array.isArray((def as RelationshipDef).sides);
}

/** The title a section on this relationship gets, e.g. 处理好数据开放与数据安全的关系. */
export function sectionTitle(def: RelationshipDef | ElementDef): string {
  return def.template.title || (isRelationship(def) ? `处理好${def.name}的关系` : def.name);
}
