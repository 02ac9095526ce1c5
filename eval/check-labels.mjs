#!/usr/bin/env node
// Checks label files against their drafts before any evaluation: valid JSON, known fields, every
// labelled heading and outline finding found on a line of the draft. Usage: check-labels.mjs [DIR|FILE...]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const targets = args.length ? args : [join(here, 'corpus')];
const files = [];
for (const t of targets) {
  if (statSync(t).isDirectory()) for (const f of readdirSync(t)) { if (f.endsWith('.labels.json')) files.push(join(t, f)); }
  else files.push(t);
}
const IDS = new Set(['technology-people', 'development-security', 'technology-government', 'technology-management', 'central-local', 'public-private', 'egovernment-edemocracy', 'open-data-security', 'infrastructure-application', 'service-demand', 'short-long-term', 'investment-benefit', 'policy-making-execution', 'agility-inclusiveness']);
const RULES = new Set(['outline-order', 'outline-duplicate', 'outline-skipped-level', 'outline-punctuation']);
let bad = 0;
for (const lf of files.sort()) {
  const base = lf.slice(0, -'.labels.json'.length);
  const draft = ['.txt', '.md'].map((e) => base + e).find((p) => existsSync(p));
  const problems = [];
  let labels;
  try { labels = JSON.parse(readFileSync(lf, 'utf8')); } catch (e) { problems.push(`not JSON: ${e.message}`); }
  if (!draft) problems.push('no draft (.txt or .md) beside it');
  if (labels && draft) {
    const lines = readFileSync(draft, 'utf8').split(/\r\n|\r|\n/).map((l) => l.replace(/^[\s\u3000]*(#{1,6}[ \t]+)?/, ''));
    for (const h of labels.headings ?? []) {
      if (!h.marker || typeof h.title !== 'string' || !Number.isInteger(h.depth)) { problems.push(`heading without marker/title/depth: ${JSON.stringify(h)}`); continue; }
      if (!['heading', 'item'].includes(h.kind)) problems.push(`heading kind must be heading or item: ${h.marker}${h.title}`);
      const found = h.marker.startsWith('#') || /^[=-]+$/.test(h.marker) ? lines.some((l) => l.replace(/^[\s\u3000]*/, '').startsWith(h.title)) : lines.some((l) => l.startsWith(h.marker) && l.slice(h.marker.length).replace(/^[\s\u3000]*/, '').startsWith(h.title));
      if (!found) problems.push(`heading not found on any line: ${h.marker}${h.title}`);
      for (const id of h.names ?? []) if (!IDS.has(id)) problems.push(`unknown relationship in names: ${id}`);
    }
    for (const f of labels.outlineFindings ?? []) {
      if (!RULES.has(f.rule)) problems.push(`unknown outline rule ${f.rule}`);
      if (!f.line || !lines.some((l) => l.startsWith(f.line.replace(/^[\s\u3000]*/, '')))) problems.push(`outline finding line not found: ${f.line}`);
    }
    const sc = labels.scope?.['digital-government'];
    if (!sc || typeof sc.inScope !== 'boolean') problems.push('scope.digital-government.inScope missing');
    for (const f of labels.flags ?? []) {
      if (!IDS.has(f.relationship)) problems.push(`unknown relationship in flags: ${f.relationship}`);
      if (!['one-sided', 'unbalanced'].includes(f.kind)) problems.push(`flag kind must be one-sided or unbalanced: ${f.kind}`);
      if (f.scope === 'section' && !f.heading) problems.push(`section flag without heading: ${f.relationship}`);
      if (sc && !sc.inScope) problems.push(`flag on an out-of-scope draft: ${f.relationship}`);
    }
    for (const k of ['missingNote', 'discussed', 'notAsked']) for (const id of labels[k] ?? []) if (!IDS.has(id)) problems.push(`unknown relationship in ${k}: ${id}`);
  }
  if (problems.length) { bad++; console.log(`${basename(lf)}:\n  ${problems.join('\n  ')}`); }
}
console.log(`${files.length} label files, ${bad} with problems`);
process.exit(bad ? 1 : 0);
