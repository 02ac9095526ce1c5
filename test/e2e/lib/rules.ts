/** The built-in rule packs, read so that expectations follow rules/ instead of copying its text. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface RelationshipRule {
  id: string;
  name: string;
  explanation: string;
  sides: { label: string; aliases: string[] }[];
  template: { title: string; body: string[] };
}

/** Relationships of every pack in <extensionRoot>/rules (JSON or YAML; the schema is skipped). */
export function loadRelationships(extensionRoot: string): Map<string, RelationshipRule> {
  const dir = path.join(extensionRoot, 'rules');
  const out = new Map<string, RelationshipRule>();
  for (const f of fs.readdirSync(dir).sort()) {
    if (!/\.(json|ya?ml)$/i.test(f) || /schema/i.test(f)) continue;
    const pack = parseYaml(fs.readFileSync(path.join(dir, f), 'utf8')) as { relationships?: RelationshipRule[] };
    for (const r of pack?.relationships ?? []) if (!out.has(r.id)) out.set(r.id, r);
  }
  if (out.size === 0) throw new Error(`${dir} 中没有关系 / no relationships in ${dir}`);
  return out;
}

export function loadRelationship(extensionRoot: string, id: string): RelationshipRule {
  const r = loadRelationships(extensionRoot).get(id);
  if (!r) throw new Error(`内置规则中没有 ${id} / ${id} is not a built-in relationship`);
  return r;
}
