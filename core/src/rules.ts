/**
 * Rule packs: loading (JSON or YAML), validation against rules/rule-pack.schema.json with Ajv,
 * and reporting of every problem with file, field and line. Loading never throws.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode } from 'yaml';
import schema from '../../rules/rule-pack.schema.json';
import type { RulePack, RulePackError } from './types';

let validator: ReturnType<Ajv['compile']> | undefined;

function validate(data: unknown): ErrorObject[] {
  if (!validator) validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function describeAjvError(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return `缺少必填字段 “${(e.params as { missingProperty: string }).missingProperty}” / missing required field`;
    case 'additionalProperties':
      return `未知字段 “${(e.params as { additionalProperty: string }).additionalProperty}” / unknown field`;
    case 'type':
      return `类型应为 ${(e.params as { type: string }).type} / must be ${(e.params as { type: string }).type}`;
    case 'pattern':
      return `格式不符（${(e.params as { pattern: string }).pattern}）/ does not match ${(e.params as { pattern: string }).pattern}`;
    case 'minItems':
    case 'maxItems':
      return `条目数不符：${e.message} / ${e.message}`;
    case 'uniqueItems':
      return `含有重复条目 / has duplicate items`;
    case 'enum':
      return `取值应为 ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)} 之一 / must be one of them`;
    default:
      return `${e.message ?? e.keyword}`;
  }
}

/** Parses and validates one pack from its text. `file` is used in messages only. */
export function parseRulePack(text: string, file: string): { pack?: RulePack; errors: RulePackError[] } {
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    return { errors: [{ file, field: '', message: `无法解析 / cannot parse: ${(err as Error).message}` }] };
  }
  if (doc.errors.length) {
    return {
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file, field: '', line: pos.line, column: pos.col, message: `语法错误 / syntax error: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const data = doc.toJS() as unknown;
  const ajvErrors = validate(data);
  const errors: RulePackError[] = ajvErrors.map((e) => {
    const field = e.instancePath || '';
    const node = doc.getIn(pointerSegments(field).map((s) => (/^\d+$/.test(s) ? Number(s) : s)), true);
    const pos = isNode(node) && node.range ? lineCounter.linePos(node.range[0]) : undefined;
    return { file, field: field || '/', line: pos?.line, column: pos?.col, message: describeAjvError(e) };
  });
  if (errors.length) return { errors };
  const pack = data as RulePack;
  // Checks a schema cannot express.
  pack.relationships.forEach((r, i) => {
    const a = new Set(r.sides[0].aliases);
    for (const alias of r.sides[1].aliases) {
      if (a.has(alias)) {
        errors.push({ file, field: `/relationships/${i}/sides/1/aliases`, message: `别名 “${alias}” 同时出现在两侧 / alias “${alias}” is on both sides` });
      }
    }
  });
  if (errors.length) return { errors };
  pack.file = file;
  return { pack, errors: [] };
}

/** Loads and validates pack files. A bad file is reported and left out; the rest load. */
export function loadRulePacks(files: string[]): { packs: RulePack[]; errors: RulePackError[] } {
  const packs: RulePack[] = [];
  const errors: RulePackError[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      errors.push({ file, field: '', message: `无法读取 / cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      continue;
    }
    const res = parseRulePack(text, file);
    errors.push(...res.errors);
    if (!res.pack) continue;
    const pack = res.pack;
    // An id already defined by an earlier pack keeps its first definition.
    const keep = pack.relationships.filter((r, i) => {
      const prev = seen.get(r.id);
      if (prev) {
        errors.push({ file, field: `/relationships/${i}/id`, message: `关系标识 “${r.id}” 已在 ${prev} 中定义，此处忽略 / id “${r.id}” already defined in ${prev}; ignored` });
        return false;
      }
      seen.set(r.id, file);
      return true;
    });
    const elements = (pack.elements ?? []).filter((e, i) => {
      const prev = seen.get(e.id);
      if (prev) {
        errors.push({ file, field: `/elements/${i}/id`, message: `要素标识 “${e.id}” 已在 ${prev} 中定义，此处忽略 / id “${e.id}” already defined in ${prev}; ignored` });
        return false;
      }
      seen.set(e.id, file);
      return true;
    });
    packs.push({ ...pack, relationships: keep, elements });
  }
  return { packs, errors };
}

/** The pack files in a rules folder (*.json, *.yaml, *.yml, except the schema), sorted. */
export function builtinRuleFiles(rulesDir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(rulesDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.(json|ya?ml)$/i.test(n) && !/schema/i.test(n))
    .sort()
    .map((n) => path.join(rulesDir, n));
}

/** "file:line:col: field: message" */
export function formatRulePackError(e: RulePackError): string {
  const where = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
  return `规则包错误 / Rule pack error: ${where}${e.field ? ` ${e.field}` : ''}: ${e.message}`;
}
