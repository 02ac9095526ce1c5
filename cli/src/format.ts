/** Output formats of `policy-review check`: text, JSON (stable contract) and SARIF 2.1.0. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileReport } from './review';
import { lang, t } from '../../shared/src/lang';

const STATUS_ZH: Record<string, string> = { balanced: '平衡', 'one-sided': '单方面', unbalanced: '失衡', partial: '仅提及', missing: '缺失', present: '已体现' };
/** A status in the output language: 平衡 or balanced. */
const status = (s: string) => (lang() === 'en' ? s : (STATUS_ZH[s] ?? s));
const ENCODING_NAME: Record<string, string> = { 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', gb18030: 'GB 18030 (GBK)', big5: 'Big5' };
const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', information: '提示', hint: '建议' };
/** A severity in the output language. */
const severityName = (s: string) => (lang() === 'en' ? s : (SEVERITY_ZH[s] ?? s));

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

export function formatText(reports: FileReport[], cwd: string, color: boolean): string {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out: string[] = [];
  for (const r of reports) {
    const rel = path.relative(cwd, r.path) || r.path;
    if (r.error) {
      out.push(`${rel}: ${c('31', severityName('error'))} ${r.error}`);
      continue;
    }
    if (r.skipped) {
      out.push(`${rel}: ${c('33', severityName('warning'))} ${r.skipped}`);
      continue;
    }
    for (const f of r.findings) {
      const name = severityName(f.severity);
      const sev = f.severity === 'warning' ? c('33', name) : f.severity === 'error' ? c('31', name) : c('36', name);
      out.push(`${rel}:${f.range.start.line + 1}:${f.range.start.character + 1} ${sev} ${f.message} [${f.relationship ?? f.rule ?? f.kind}]`);
    }
    out.push('');
    out.push(c('1', `${t('关系覆盖', 'Coverage')} — ${rel}`));
    if (r.encoding) out.push(`  ${t('编码：', 'encoding: ')}${ENCODING_NAME[r.encoding] ?? r.encoding}`);
    // Whether each framework applies, and why: out of scope means no relationship findings.
    for (const s of r.scope ?? []) out.push(`  ${s.status === 'out' ? c('2', t('不适用：', 'does not apply: ')) : t('适用：', 'applies: ')}${s.reason}`);
    const nameW = Math.max(...r.coverage.map((x) => width(x.name)), 8) + 2;
    for (const cov of r.coverage) {
      const sides = cov.sides.map((s) => `${s.label} ${s.count}`).join(' · ');
      out.push(`  ${pad(cov.name, nameW)}${pad(status(cov.status), 12)}${sides}`);
    }
    for (const e of r.elements) out.push(`  ${pad(e.name, nameW)}${pad(status(e.status), 12)}${e.count}`);
    out.push('');
  }
  const all = reports.flatMap((r) => r.findings);
  const by = (s: string) => all.filter((f) => f.severity === s).length;
  const present = ['error', 'warning', 'information', 'hint'].filter((s) => by(s));
  if (lang() === 'en') {
    const counts = present.map((s) => `${by(s)} ${s}`).join(', ');
    out.push(`${reports.length} file(s), ${all.length} finding(s)${counts ? ` (${counts})` : ''}`);
  } else {
    const counts = present.map((s) => `${SEVERITY_ZH[s]} ${by(s)}`).join('，');
    out.push(`${reports.length} 个文件，${all.length} 项发现${counts ? `（${counts}）` : ''}`);
  }
  return out.join('\n') + '\n';
}

export function formatJson(reports: FileReport[], cwd: string): string {
  return JSON.stringify({ version: 1, files: reports.map((r) => ({ ...r, path: path.relative(cwd, r.path) || r.path })) }, null, 2) + '\n';
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(reports: FileReport[], cwd: string, ruleNames: Map<string, string>, version: string): string {
  const ids = new Set<string>();
  for (const r of reports) for (const f of r.findings) ids.add(f.relationship ?? f.rule ?? 'unknown');
  const rules = [...ids].sort().map((id) => ({
    id,
    name: id,
    shortDescription: { text: ruleNames.get(id) ?? id },
  }));
  const results = reports.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.relationship ?? f.rule,
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      kind: f.kind,
      properties: { kind: f.kind, scope: f.scope, ...(f.sides ? { sides: f.sides } : {}) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: path.relative(cwd, r.path).split(path.sep).join('/') || pathToFileURL(r.path).href, uriBaseId: '%SRCROOT%' },
            // SARIF columns count UTF-16 code units here, as LSP does (see columnKind).
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  // SARIF's `kind` on results is reserved for pass/fail states; keep ours in properties only.
  for (const x of results) delete (x as { kind?: string }).kind;
  const invocations = [
    {
      // A file that could not be read is a failed execution (the CLI exits 2 for it).
      executionSuccessful: !reports.some((r) => r.error),
      toolExecutionNotifications: reports
        .filter((r) => r.error || r.skipped)
        .map((r) => ({
          level: r.error ? 'error' : 'warning',
          message: { text: r.error ?? r.skipped ?? '' },
          locations: [{ physicalLocation: { artifactLocation: { uri: path.relative(cwd, r.path).split(path.sep).join('/') } } }],
        })),
    },
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'policy-review', version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        invocations,
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
