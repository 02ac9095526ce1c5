/** Labels shared by hover, completion, code actions and the coverage view, in the client's language. */
import type { CoverageStatus, ElementDef, RelationshipDef } from '../../core/src/types';
import { lang } from '../../shared/src/lang';

export type Status = CoverageStatus | 'present';

const STATUS: Record<Status, [string, string]> = {
  balanced: ['两方面兼顾', 'balanced'],
  'one-sided': ['只写了一方面', 'one-sided'],
  unbalanced: ['两方面轻重悬殊', 'unbalanced'],
  partial: ['只提及一方面，未展开', 'one side touched on'],
  missing: ['未涉及', 'missing'],
  present: ['已写到', 'present'],
};

export function statusLabel(status: Status): string {
  return STATUS[status]?.[lang() === 'en' ? 1 : 0] ?? status;
}

/** A relationship's or element's name in the client's language. */
export function nameOf(def: { name: string; nameEn?: string }): string {
  return lang() === 'en' ? (def.nameEn ?? def.name) : def.name;
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
