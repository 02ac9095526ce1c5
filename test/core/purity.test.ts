/**
 * A pure core: the analysis imports nothing from vscode or the LSP libraries, reads no files and
 * loads no native module. The CLI and the server (through host/src) hand it text, packs and a segmenter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers';

/** JavaScript libraries the core may load: the schema validator (and the runtime of its generated code), the YAML parser, Traditional → Simplified. */
const ALLOWED = new Set(['ajv', 'yaml', 'opencc-js', 'opencc-js/t2cn']);

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every module a file imports or requires, as written. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    out.push(m[1] ?? m[2] ?? m[3]);
  }
  return out;
}

test('the core imports only its own files and the JavaScript libraries it is allowed', () => {
  const core = join(ROOT, 'core', 'src');
  const found: string[] = [];
  for (const file of sources(core)) {
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        // Relative imports stay in the core (the rule pack schema is data).
        const target = join(file, '..', spec);
        if (!target.startsWith(core) && !target.endsWith('.json')) found.push(`${relative(ROOT, file)}: ${spec}`);
      } else if (!ALLOWED.has(spec) && !spec.startsWith('ajv/dist/runtime/')) found.push(`${relative(ROOT, file)}: ${spec}`);
    }
  }
  assert.deepEqual(found, [], 'the core loads no node: module (fs, os, path), no vscode or LSP library and no native segmenter');
});

test('the import scan sees imports, requires and dynamic imports', () => {
  assert.deepEqual(importsOf("import * as fs from 'node:fs';\nconst j = require('@node-rs/jieba');\nexport { x } from './y';\nawait import('vscode');"), ['node:fs', '@node-rs/jieba', './y', 'vscode']);
});
