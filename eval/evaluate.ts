/**
 * `npm run eval [-- DIR...] [--verbose]`: runs the analysis on every labelled draft (eval/corpus by
 * default; see eval/LABELS.md) and compares it with what a careful editor labelled: the outline
 * (headings, their depth, run and kind; numbering findings) and the judgement (scope, flags).
 * Prints precision and recall and lists every miss.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, lineOf, splitLines, underArticle, type AnalysisResult, type Finding } from '../core/src';
import { builtinRuleFiles, createSegmenter, loadRulePacks } from '../host/src';

export interface LabelHeading {
  marker: string;
  title: string;
  depth: number;
  run?: number;
  kind: 'heading' | 'item';
  names?: string[];
}

export interface LabelFlag {
  relationship: string;
  kind: 'one-sided' | 'unbalanced';
  scope?: 'document' | 'section';
  heading?: string;
  present?: number;
  why?: string;
}

export interface Labels {
  kind?: string;
  headings: LabelHeading[];
  articles?: number;
  attachments?: string[];
  outlineFindings: { rule: string; line: string; expected?: string }[];
  scope: Record<string, { inScope: boolean; why?: string; part?: string | null }>;
  flags: LabelFlag[];
  missingNote?: string[];
  discussed?: string[];
  notAsked?: string[];
}

export interface Tally {
  /** Labelled items the tool found. */
  hit: number;
  /** Labelled items. */
  labelled: number;
  /** Items the tool reported. */
  reported: number;
  /** Reported items that match a label. */
  right: number;
}

export interface DocReport {
  file: string;
  headings: Tally;
  outlineFindings: Tally;
  warnings: Tally;
  /** The same, for findings of severity warning only. */
  strictWarnings: Tally;
  inScope: boolean;
  /** Relationship findings (any severity) on a draft labelled out of scope. */
  outOfScopeFindings: number;
  misses: string[];
}

const tally = (): Tally => ({ hit: 0, labelled: 0, reported: 0, right: 0 });

function add(a: Tally, b: Tally): void {
  a.hit += b.hit;
  a.labelled += b.labelled;
  a.reported += b.reported;
  a.right += b.right;
}

const strip = (s: string) => s.replace(/^[\s\u3000]*(#{1,6}[ \t]+)?/, '');
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Compares one analysis with its labels. */
export function compare(file: string, text: string, result: AnalysisResult, labels: Labels): DocReport {
  const misses: string[] = [];
  const lines = splitLines(text);
  const toc = new Set(result.tocLines);
  // A 目录 lists headings; the labels are the headings themselves.
  const lineTexts = lines.starts.map((s, i) => (toc.has(i) ? '' : strip(text.slice(s, lines.ends[i]))));
  // The outline: each labelled heading on its line, in order.
  const headings = tally();
  const nodes = result.outline.filter((h, i) => h.kind !== 'article' && !underArticle(result.outline, i));
  const byLine = new Map(nodes.map((h) => [h.line, h]));
  const matched = new Set<number>();
  // Runs are compared as a grouping: what matters is where numbering starts anew.
  const runMap = new Map<number, number>();
  let from = 0;
  for (const l of labels.headings) {
    headings.labelled++;
    const isMd = l.marker.startsWith('#') || /^[=-]+$/.test(l.marker);
    let at = -1;
    for (let i = from; i < lineTexts.length && at < 0; i++) {
      const t = lineTexts[i];
      if (isMd ? squash(t).startsWith(squash(l.title)) : t.startsWith(l.marker) && squash(t.slice(l.marker.length)).startsWith(squash(l.title))) at = i;
    }
    if (at < 0) {
      misses.push(`heading label not found in the text: ${l.marker}${l.title}`);
      continue;
    }
    from = at + 1;
    const h = byLine.get(at);
    const want = `depth ${l.depth}, run ${l.run ?? 0}, ${l.kind}`;
    if (!h) {
      misses.push(`line ${at + 1}: heading not read: ${l.marker}${l.title} (${want})`);
      continue;
    }
    matched.add(at);
    if (!runMap.has(l.run ?? 0) && ![...runMap.values()].includes(h.run)) runMap.set(l.run ?? 0, h.run);
    const got = `depth ${h.level}, run ${runMap.get(l.run ?? 0) === h.run ? l.run ?? 0 : `${h.run} (tool)`}, ${h.kind}`;
    if (got === want && squash(h.title) === squash(l.title)) headings.hit++;
    else misses.push(`line ${at + 1}: ${l.marker}${l.title}: labelled ${want}${squash(h.title) !== squash(l.title) ? ` “${l.title}”` : ''}, read ${got}${squash(h.title) !== squash(l.title) ? ` “${h.title}”` : ''}`);
  }
  headings.reported = nodes.length;
  headings.right = headings.hit;
  for (const h of nodes) if (!matched.has(h.line)) misses.push(`line ${h.line + 1}: read as a heading but not one: ${h.marker}${h.title.slice(0, 30)}`);
  if (labels.articles !== undefined) {
    const articles = result.outline.filter((h) => h.kind === 'article').length;
    headings.labelled++;
    headings.reported++;
    if (articles === labels.articles) {
      headings.hit++;
      headings.right++;
    } else misses.push(`articles: labelled ${labels.articles}, read ${articles}`);
  }

  // Outline findings, by line and rule.
  const outlineFindings = tally();
  const reported = result.findings.filter((f) => f.kind === 'outline');
  outlineFindings.reported = reported.length;
  const used = new Set<Finding>();
  for (const l of labels.outlineFindings ?? []) {
    outlineFindings.labelled++;
    const prefix = strip(l.line);
    const f = reported.find((x) => !used.has(x) && x.rule === l.rule && lineTexts[lineOf(lines, x.range.start)].startsWith(prefix));
    if (f) {
      used.add(f);
      outlineFindings.hit++;
      outlineFindings.right++;
    } else misses.push(`outline finding missed: ${l.rule} at ${l.line} (expected ${l.expected ?? '?'})`);
  }
  for (const f of reported) if (!used.has(f)) misses.push(`line ${lineOf(lines, f.range.start) + 1}: outline finding no editor would make: ${f.rule} (${lineTexts[lineOf(lines, f.range.start)].slice(0, 24)})`);

  // The judgement: warnings (one-sided, unbalanced; document and section) against the flags.
  const scope = labels.scope['digital-government'];
  const inScope = scope?.inScope !== false;
  const warnings = tally();
  const relFindings = result.findings.filter((f) => f.kind !== 'outline');
  const outOfScopeFindings = inScope ? 0 : relFindings.length;
  if (!inScope && relFindings.length) misses.push(`out of scope, yet ${relFindings.length} relationship findings: ${[...new Set(relFindings.map((f) => `${f.kind}:${f.relationship}`))].slice(0, 8).join(' ')}`);
  const flagged = relFindings.filter((f) => f.kind === 'one-sided' || f.kind === 'unbalanced');
  warnings.reported = flagged.length;
  const usedF = new Set<Finding>();
  for (const l of labels.flags ?? []) {
    warnings.labelled++;
    const f = flagged.find((x) => !usedF.has(x) && x.relationship === l.relationship && (l.scope ?? 'document') === x.scope && (x.scope === 'document' || squash(result.outline[x.heading!]?.title ?? '').includes(squash(l.heading ?? ''))));
    if (f) {
      usedF.add(f);
      warnings.hit++;
      warnings.right++;
    } else misses.push(`flag missed: ${l.kind} ${l.relationship} (${l.scope ?? 'document'}${l.heading ? ` ${l.heading}` : ''}): ${l.why ?? ''}`);
  }
  for (const f of flagged) if (!usedF.has(f)) misses.push(`line ${lineOf(lines, f.range.start) + 1}: ${f.kind} ${f.relationship} (${f.scope}) no editor would raise`);
  const strict = flagged.filter((f) => f.severity === 'warning' || f.severity === 'error');
  const strictWarnings: Tally = { hit: warnings.hit, labelled: warnings.labelled, reported: strict.length, right: strict.filter((f) => usedF.has(f)).length };
  return { file, headings, outlineFindings, warnings, strictWarnings, inScope, outOfScopeFindings, misses };
}

export interface CorpusReport {
  docs: DocReport[];
  headings: Tally;
  outlineFindings: Tally;
  warnings: Tally;
  strictWarnings: Tally;
  outOfScopeDocs: number;
  outOfScopeWithFindings: number;
}

/** The labelled drafts of a folder: [draft path, labels path]. */
export function corpusFiles(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.labels.json')) continue;
    const base = path.join(dir, name.slice(0, -'.labels.json'.length));
    const draft = ['.txt', '.md'].map((e) => base + e).find((p) => fs.existsSync(p));
    if (draft) out.push([draft, path.join(dir, name)]);
  }
  return out;
}

export function evaluate(analyzer: Analyzer, files: [string, string][]): CorpusReport {
  const report: CorpusReport = { docs: [], headings: tally(), outlineFindings: tally(), warnings: tally(), strictWarnings: tally(), outOfScopeDocs: 0, outOfScopeWithFindings: 0 };
  for (const [draft, labelFile] of files) {
    const text = fs.readFileSync(draft, 'utf8').replace(/^\uFEFF/, '');
    const labels = JSON.parse(fs.readFileSync(labelFile, 'utf8')) as Labels;
    const result = analyzer.analyze(text, { language: draft.endsWith('.md') ? 'markdown' : 'plaintext' });
    const doc = compare(path.basename(draft), text, result, labels);
    report.docs.push(doc);
    add(report.headings, doc.headings);
    add(report.outlineFindings, doc.outlineFindings);
    add(report.warnings, doc.warnings);
    add(report.strictWarnings, doc.strictWarnings);
    if (!doc.inScope) {
      report.outOfScopeDocs++;
      if (doc.outOfScopeFindings) report.outOfScopeWithFindings++;
    }
  }
  return report;
}

export function createAnalyzer(root: string): Analyzer {
  const res = loadRulePacks(builtinRuleFiles(path.join(root, 'rules')));
  if (res.errors.length) throw new Error(res.errors.map((e) => `${e.file}: ${e.message}`).join('\n'));
  return new Analyzer(res.packs, createSegmenter('node-rs', Analyzer.words(res.packs)));
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);

export function formatReport(r: CorpusReport, verbose: boolean): string {
  const out: string[] = [];
  for (const d of r.docs) {
    if (!d.misses.length && !verbose) continue;
    out.push(`${d.file}${d.inScope ? '' : '（不适用框架 / out of scope）'}`);
    for (const m of d.misses) out.push(`  ${m}`);
  }
  const line = (name: string, t: Tally) =>
    `${name.padEnd(28)} precision ${pct(t.right, t.reported).padStart(7)} (${t.right}/${t.reported})   recall ${pct(t.hit, t.labelled).padStart(7)} (${t.hit}/${t.labelled})`;
  out.push('');
  out.push(`${r.docs.length} drafts`);
  out.push(line('outline headings', r.headings));
  out.push(line('outline findings', r.outlineFindings));
  out.push(line('relationship flags (any sev.)', r.warnings));
  out.push(line('relationship warnings', r.strictWarnings));
  out.push(`out-of-scope drafts with relationship findings: ${r.outOfScopeWithFindings}/${r.outOfScopeDocs}`);
  return out.join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const root = process.env.POLICY_REVIEW_ROOT ?? path.resolve(__dirname, '..', '..');
  const dirs = args.filter((a) => !a.startsWith('--'));
  const files = (dirs.length ? dirs : [path.join(root, 'eval', 'corpus')]).flatMap((d) => corpusFiles(d));
  const report = evaluate(createAnalyzer(root), files);
  process.stdout.write(formatReport(report, verbose) + '\n');
}

if (require.main === module && /evaluate\.js$/.test(process.argv[1] ?? '')) main();
