/**
 * The Traditional → Simplified reading: core/src/text/traditional.ts runs opencc-js's dictionaries
 * through tries of its own (faster on long drafts); it must read every text exactly as opencc-js does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { converters } from '../../core/src/text/traditional';
import { rng } from '../../bench/drafts';
import { ROOT, FIXTURES } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenCC = require('opencc-js') as { Converter(o: { from: string; to: string }): (s: string) => string; Locale: { configs: Record<string, unknown> } };
const reference = [OpenCC.Converter({ from: 'twp', to: 'cn' }), OpenCC.Converter({ from: 't', to: 'cn' })];

function texts(): string[] {
  const out: string[] = [];
  for (const dir of [FIXTURES, join(ROOT, 'eval', 'corpus'), join(ROOT, 'examples')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (/\.(md|txt)$/.test(f)) out.push(readFileSync(join(dir, f), 'utf8'));
  }
  return out;
}

test('the converters read every fixture and corpus draft as opencc-js does', () => {
  const mine = converters();
  const all = texts();
  assert.ok(all.length > 20);
  for (const t of all) for (let k = 0; k < 2; k++) assert.equal(mine[k](t), reference[k](t));
});

test('the converters read random strings of dictionary words, surrogates and description characters as opencc-js does', () => {
  const mine = converters();
  // Pieces: words and replacements of the dictionaries (phrases overlap and nest), single units of
  // them, astral characters, ideographic description characters, line breaks and punctuation.
  const pieces = new Set<string>(['\n', '，', '。', ' ', 'a', '𠀀', '𪚥', '⿰', '⿱', '⿲', '\ud800', '\udc00']);
  const walk = (x: unknown) => {
    if (typeof x === 'string') {
      const entries = x.split('|');
      for (let i = 0; i < entries.length; i += 7) for (const w of entries[i].split(' ')) if (w) pieces.add(w), pieces.add(w.charAt(0)), pieces.add(w.slice(1));
    } else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(OpenCC.Locale.configs.tw2sp);
  walk(OpenCC.Locale.configs.t2s);
  const list = [...pieces].filter((p) => p);
  const r = rng(20261203);
  for (let n = 0; n < 3000; n++) {
    let s = '';
    const parts = 1 + Math.floor(r() * 12);
    for (let k = 0; k < parts; k++) s += list[Math.floor(r() * list.length)];
    for (let k = 0; k < 2; k++) assert.equal(mine[k](s), reference[k](s), JSON.stringify(s));
  }
});
