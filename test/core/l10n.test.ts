/**
 * Localisation is complete and has no leftovers: every `%key%` in package.json is in both
 * package.nls files and every nls key is used; every `l10n.t('…')` string in client/src has a
 * zh-cn translation and every translation is used. Runs under `node --test`, no editor needed.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers';

const root = ROOT;
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, file), 'utf8'));

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every `%key%` string value anywhere in the manifest. */
function manifestKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) out.add(m[1]);
  } else if (Array.isArray(value)) {
    for (const v of value) manifestKeys(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) manifestKeys(v, out);
  }
  return out;
}

function unescapeLiteral(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.startsWith('u')) return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

interface Extracted {
  strings: Map<string, string>;
  problems: string[];
}

/** The message strings of every `l10n.t(…)` call in client/src; non-literal messages are problems. */
function extractMessages(): Extracted {
  const strings = new Map<string, string>();
  const problems: string[] = [];
  for (const file of tsFiles(join(root, 'client', 'src'))) {
    const text = readFileSync(file, 'utf8');
    const where = relative(root, file);
    const call = /\bl10n\.t\(\s*/g;
    for (let m = call.exec(text); m; m = call.exec(text)) {
      const rest = text.slice(call.lastIndex);
      const lit = /^(['"])((?:\\.|(?!\1)[^\\\n])*)\1/.exec(rest) ?? /^(`)((?:\\.|[^\\`$])*)`/.exec(rest);
      if (!lit) {
        problems.push(`${where}: l10n.t( without a plain string literal: ${rest.slice(0, 40)}`);
        continue;
      }
      strings.set(unescapeLiteral(lit[2]), where);
    }
  }
  return { strings, problems };
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\d+|\w+)\}/g)].map((m) => m[1]).sort();
const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

test('package.json %keys% and package.nls files match', () => {
  const pkg = readJson('package.json');
  const used = manifestKeys(pkg);
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const nls = readJson(file);
    const missing = [...used].filter((k) => !(k in nls));
    const unused = Object.keys(nls).filter((k) => !used.has(k));
    assert.deepEqual(missing, [], `${file} lacks keys used in package.json`);
    assert.deepEqual(unused, [], `${file} has keys package.json does not use`);
    for (const [key, value] of Object.entries(nls)) {
      assert.equal(typeof value, 'string', `${file}: ${key}`);
      assert.ok((value as string).trim().length > 0, `${file}: ${key} is empty`);
    }
  }
  const zh = readJson('package.nls.zh-cn.json');
  const notChinese = Object.entries(zh).filter(([, v]) => !hasChinese(String(v)));
  assert.deepEqual(notChinese, [], 'package.nls.zh-cn.json values must be Chinese');
});

test('contributes uses %keys% for every user-facing string', () => {
  const pkg = readJson('package.json');
  const literal: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (/\.(title|name|description|markdownDescription|contents|contextualTitle|category)$/.test(path) || /enumDescriptions\.\d+$/.test(path)) {
        if (!/^%[^%\s]+%$/.test(value)) literal.push(`${path}: ${value}`);
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}.${i}`));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
    }
  };
  visit(pkg.contributes, 'contributes');
  visit(pkg.capabilities, 'capabilities');
  assert.deepEqual(literal, []);
  assert.equal(pkg.displayName, '%displayName%');
  assert.equal(pkg.description, '%description%');
});

test('every l10n.t message in client/src has a zh-cn translation and every translation is used', () => {
  const pkg = readJson('package.json');
  assert.equal(pkg.l10n, './l10n');
  const { strings, problems } = extractMessages();
  assert.deepEqual(problems, []);
  assert.ok(strings.size > 0, 'no l10n.t calls found in client/src');
  for (const file of ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json']) {
    const bundle = readJson(file);
    const missing = [...strings.keys()].filter((s) => !(s in bundle)).map((s) => `${strings.get(s)}: ${s}`);
    const unused = Object.keys(bundle).filter((k) => !strings.has(k));
    assert.deepEqual(missing, [], `${file} lacks messages used in client/src`);
    assert.deepEqual(unused, [], `${file} has messages client/src does not use`);
    for (const [source, translation] of Object.entries(bundle)) {
      assert.equal(typeof translation, 'string', `${file}: ${source}`);
      assert.deepEqual(placeholders(translation as string), placeholders(source), `${file}: placeholders of "${source}"`);
    }
  }
  const zh = readJson('l10n/bundle.l10n.zh-cn.json');
  const notChinese = Object.entries(zh).filter(([, v]) => !hasChinese(String(v)));
  assert.deepEqual(notChinese, [], 'bundle.l10n.zh-cn.json values must be Chinese');
  const en = readJson('l10n/bundle.l10n.json');
  const notSource = Object.entries(en).filter(([k, v]) => k !== v);
  assert.deepEqual(notSource, [], 'bundle.l10n.json maps each source string to itself');
});
