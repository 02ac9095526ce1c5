/**
 * Rule packs: parsing (JSON or YAML, from text the host read), validation against rules/rule-pack.schema.json with Ajv,
 * and reporting of every problem with file, field and line. Loading never throws.
 */
import type { ErrorObject } from 'ajv';
import type * as Yaml from 'yaml';
import schema from '../../rules/rule-pack.schema.json';
import { SCHEMA_JSON, validate as generatedValidator } from './rulePackValidator.generated';
import type { RulePack, RulePackError } from './types';
import { say, type Lang } from './locale';

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

let validator: Validator | undefined;

/**
 * The schema's validator: the code Ajv generated ahead of time for this very schema, or, when
 * the schema has changed since, Ajv compiling it now (slower: Ajv is loaded only then).
 */
function getValidator(): Validator {
  if (!validator) {
    if (JSON.stringify(schema) === SCHEMA_JSON) validator = generatedValidator as Validator;
    else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Ajv = (require('ajv') as typeof import('ajv')).default;
      validator = new Ajv({ allErrors: true, strict: false }).compile(schema) as Validator;
    }
  }
  return validator;
}

function validate(data: unknown): ErrorObject[] {
  const v = getValidator();
  return v(data) ? [] : [...(v.errors ?? [])];
}

/** The YAML parser, loaded on first use: most packs are JSON and never need it. */
function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml') as typeof Yaml;
}

/** Characters that JSON accepts in strings and YAML may not (non-printable), and long keys. */
const NOT_YAML_SAFE = /[\x7f-\x84\x86-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A pack written as JSON, parsed as the YAML parser would read it: undefined unless the text is
 * JSON whose reading by YAML is certain to be the same (no duplicate keys, no key of 1,000
 * characters or more, nothing YAML calls non-printable). Then the YAML parser is not needed.
 */
function parseJsonPack(text: string): unknown {
  if (!/^\s*[[{]/.test(text) || NOT_YAML_SAFE.test(text)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  return uniqueShortKeys(text) ? data : undefined;
}

/** Whether every object in a valid JSON text has distinct keys, each under 1,000 characters. */
function uniqueShortKeys(text: string): boolean {
  // One set of keys per open object; null for an open array.
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        const raw = text.slice(i, end + 1);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (key.length >= 1000 || keys.has(key)) return false;
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push(null);
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] != null;
    }
  }
  return true;
}

/** Index of the quote closing the JSON string that opens at `open`. */
function stringEnd(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function describeAjvError(e: ErrorObject, lang: Lang): string {
  const t = (zh: string, en: string) => say(lang, zh, en);
  switch (e.keyword) {
    case 'required':
      return t(`缺少必填字段 “${(e.params as { missingProperty: string }).missingProperty}”`, `missing required field`);
    case 'additionalProperties':
      return t(`未知字段 “${(e.params as { additionalProperty: string }).additionalProperty}”`, `unknown field`);
    case 'type':
      return t(`类型应为 ${(e.params as { type: string }).type}`, `must be ${(e.params as { type: string }).type}`);
    case 'pattern':
      return t(`格式不符（${(e.params as { pattern: string }).pattern}）`, `does not match ${(e.params as { pattern: string }).pattern}`);
    case 'minItems':
    case 'maxItems':
      return t(`条目数不符：${e.message}`, `wrong number of items: ${e.message}`);
    case 'uniqueItems':
      return t(`含有重复条目`, `has duplicate items`);
    case 'enum':
      return t(`取值应为 ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)} 之一`, `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`);
    default:
      return `${e.message ?? e.keyword}`;
  }
}

/** Parses and validates one pack from its text. `file` is used in messages only. */
export function parseRulePack(text: string, file: string, lang: Lang = 'zh'): { pack?: RulePack; errors: RulePackError[] } {
  const t = (zh: string, en: string) => say(lang, zh, en);
  const source = text.replace(/^\uFEFF/, '');
  // A valid JSON pack needs no YAML parser; any problem is reported through the YAML path below,
  // which knows lines and columns.
  const json = parseJsonPack(source);
  if (json !== undefined && validate(json).length === 0) return checkPack(json as RulePack, file, lang);
  const { LineCounter, parseDocument, isNode } = yaml();
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    return { errors: [{ file, field: '', message: t(`无法解析：${(err as Error).message}`, `cannot parse: ${(err as Error).message}`) }] };
  }
  if (doc.errors.length) {
    return {
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        const detail = e.message.split('\n')[0];
        return { file, field: '', line: pos.line, column: pos.col, message: t(`语法错误：${detail}`, `syntax error: ${detail}`) };
      }),
    };
  }
  let data: unknown;
  try {
    // Aliases are expanded at most 100 times: a billion-laughs pack is refused, not expanded.
    data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (err) {
    return { errors: [{ file, field: '', message: t(`无法展开 YAML 别名（引用过多）：${(err as Error).message}`, `cannot expand the YAML aliases: ${(err as Error).message}`) }] };
  }
  const ajvErrors = validate(data);
  const errors: RulePackError[] = ajvErrors.map((e) => {
    const field = e.instancePath || '';
    const node = doc.getIn(pointerSegments(field).map((s) => (/^\d+$/.test(s) ? Number(s) : s)), true);
    const pos = isNode(node) && node.range ? lineCounter.linePos(node.range[0]) : undefined;
    return { file, field: field || '/', line: pos?.line, column: pos?.col, message: describeAjvError(e, lang) };
  });
  if (errors.length) return { errors };
  return checkPack(data as RulePack, file, lang);
}

/** Checks a schema cannot express, on a pack the schema accepts. */
function checkPack(pack: RulePack, file: string, lang: Lang): { pack?: RulePack; errors: RulePackError[] } {
  const t = (zh: string, en: string) => say(lang, zh, en);
  const errors: RulePackError[] = [];
  pack.relationships.forEach((r, i) => {
    // Specific and generic words alike: a word may stand for one side only.
    const a = new Set([...r.sides[0].aliases, ...(r.sides[0].generic ?? [])]);
    for (const [field, words] of [['aliases', r.sides[1].aliases], ['generic', r.sides[1].generic ?? []]] as const) {
      for (const alias of words) {
        if (a.has(alias)) errors.push({ file, field: `/relationships/${i}/sides/1/${field}`, message: t(`别名 “${alias}” 同时出现在两侧`, `alias “${alias}” is on both sides`) });
      }
    }
  });
  if (errors.length) return { errors };
  pack.file = file;
  return { pack, errors: [] };
}

/** A pack's source as the host read it: its text, or why it could not be read. */
export interface RulePackSource {
  file: string;
  text?: string;
  /** The read error's code or message, when the file could not be read. */
  readError?: string;
}

/**
 * Parses and validates packs in order. A bad pack is reported and left out; the rest load. An id
 * already defined by an earlier pack keeps its first definition.
 */
export function parseRulePacks(sources: RulePackSource[], lang: Lang = 'zh'): { packs: RulePack[]; errors: RulePackError[] } {
  const t = (zh: string, en: string) => say(lang, zh, en);
  const packs: RulePack[] = [];
  const errors: RulePackError[] = [];
  const seen = new Map<string, string>();
  for (const { file, text, readError } of sources) {
    if (text === undefined) {
      errors.push({ file, field: '', message: t(`无法读取：${readError ?? ''}`, `cannot read: ${readError ?? ''}`) });
      continue;
    }
    const res = parseRulePack(text, file, lang);
    errors.push(...res.errors);
    if (!res.pack) continue;
    const pack = res.pack;
    const firstDefinitions = <T extends { id: string }>(defs: T[], field: string, what: string): T[] =>
      defs.filter((d, i) => {
        const prev = seen.get(d.id);
        if (prev) {
          errors.push({ file, field: `/${field}/${i}/id`, message: t(`${what}标识 “${d.id}” 已在 ${prev} 中定义，此处忽略`, `id “${d.id}” already defined in ${prev}; ignored`) });
          return false;
        }
        seen.set(d.id, file);
        return true;
      });
    const keep = firstDefinitions(pack.relationships, 'relationships', '关系');
    const elements = firstDefinitions(pack.elements ?? [], 'elements', '要素');
    packs.push({ ...pack, relationships: keep, elements });
  }
  return { packs, errors };
}

/** "file:line:col: field: message" */
export function formatRulePackError(e: RulePackError, lang: Lang = 'zh'): string {
  const t = (zh: string, en: string) => say(lang, zh, en);
  const where = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
  const at = `${where}${e.field ? ` ${e.field}` : ''}`;
  return t(`规则包错误：${at}：${e.message}`, `Rule pack error: ${at}: ${e.message}`);
}
