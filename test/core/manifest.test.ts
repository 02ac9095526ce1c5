/**
 * package.json stays in step with the code: `contributes.configuration` lists every setting of
 * shared/src/settings.ts with the same defaults, and one `policyReview.relationships` property per
 * relationship/element of the built-in rule packs (regenerate with `node client/scripts/manifest.mjs`).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_POLICY_REVIEW_SETTINGS } from '../../shared/src/settings';
import { Commands } from '../../shared/src/protocol';
import { ROOT } from './helpers';

const root = ROOT;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const properties: Record<string, { default?: unknown; properties?: Record<string, unknown> }> =
  pkg.contributes.configuration.properties;
const REGENERATE = 'run `node client/scripts/manifest.mjs`';

test('every shared setting is contributed with the same default', () => {
  const expected = [...Object.keys(DEFAULT_POLICY_REVIEW_SETTINGS).map((k) => `policyReview.${k}`), 'policyReview.trace.server'];
  assert.deepEqual(Object.keys(properties).sort(), expected.sort());
  for (const [key, value] of Object.entries(DEFAULT_POLICY_REVIEW_SETTINGS)) {
    assert.deepEqual(properties[`policyReview.${key}`].default, value, `default of policyReview.${key}`);
  }
});

test('policyReview.relationships lists every relationship and element of the built-in rule packs', () => {
  const rulesDir = join(root, 'rules');
  const ids: string[] = [];
  for (const f of readdirSync(rulesDir).filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json')).sort()) {
    const pack = JSON.parse(readFileSync(join(rulesDir, f), 'utf8'));
    for (const r of pack.relationships ?? []) ids.push(r.id);
    for (const e of pack.elements ?? []) ids.push(e.id);
  }
  const listed = Object.keys(properties['policyReview.relationships'].properties ?? {});
  assert.deepEqual(listed, [...ids, 'outline'], REGENERATE);
});

test('package.json and the nls files are what client/scripts/manifest.mjs generates from rules/', () => {
  // Names and explanations of relationships feed the settings descriptions: a rule edit must be regenerated.
  try {
    execFileSync(process.execPath, [join(root, 'client', 'scripts', 'manifest.mjs'), '--check'], { stdio: 'pipe' });
  } catch (e) {
    assert.fail(String((e as { stderr?: Buffer }).stderr ?? e));
  }
});

test('commands have a category and the client commands are contributed', () => {
  const commands: { command: string; category?: string }[] = pkg.contributes.commands;
  for (const c of commands) assert.equal(c.category, '%category%', c.command);
  const ids = commands.map((c) => c.command);
  for (const id of [Commands.insertRelationshipSection, Commands.showCoverage, 'policyReview.restartServer']) {
    assert.ok(ids.includes(id), id);
  }
  const hidden = pkg.contributes.menus.commandPalette.find(
    (m: { command: string }) => m.command === 'policyReview.getCoverageViewState',
  );
  assert.equal(hidden?.when, 'false');
});

test('the manifest points at files that exist', () => {
  for (const v of pkg.contributes.jsonValidation as { url: string }[]) {
    assert.ok(existsSync(join(root, v.url)), `${v.url} (jsonValidation)`);
  }
  if (pkg.icon) assert.ok(existsSync(join(root, pkg.icon)), pkg.icon);
  assert.equal(pkg.main, './dist/client.js');
});

test('in restricted mode a workspace cannot set what loads, what is read or what is reported', () => {
  const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
  for (const key of ['rulePacks', 'segmenter', 'maxFileSize', 'languageIds', 'relationships', 'severities']) {
    assert.ok(restricted.includes(`policyReview.${key}`), `policyReview.${key} is restricted`);
    assert.ok(pkg.contributes.configuration.properties[`policyReview.${key}`], `policyReview.${key} is a setting`);
  }
});
