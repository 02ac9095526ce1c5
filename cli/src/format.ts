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

/**
 * Output written as the reports come, in input order, so that ten thousand drafts need no more
 * memory than a hundred: `begin`, one `file` per report, then `end` (totals, SARIF's rules).
 */
export interface ReportWriter {
  begin(): string;
  file(r: FileReport): string;
  end(): string;
}

const rel = (cwd: string, p: string) => path.relative(cwd, p) || p;
const indent = (text: string, pad: string) => text.replace(/^/gm, pad);

export function textWriter(cwd: string, color: boolean): ReportWriter {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  let files = 0;
  const by: Record<string, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  return {
    begin: () => '',
    file(r) {
      files++;
      const name = rel(cwd, r.path);
      if (r.error) return `${name}: ${c('31', severityName('error'))} ${r.error}\n`;
      if (r.skipped) return `${name}: ${c('33', severityName('warning'))} ${r.skipped}\n`;
      const out: string[] = [];
      for (const f of r.findings) {
        by[f.severity] = (by[f.severity] ?? 0) + 1;
        const sev = severityName(f.severity);
        const shown = f.severity === 'warning' ? c('33', sev) : f.severity === 'error' ? c('31', sev) : c('36', sev);
        out.push(`${name}:${f.range.start.line + 1}:${f.range.start.character + 1} ${shown} ${f.message} [${f.relationship ?? f.rule ?? f.kind}]`);
      }
      out.push('');
      out.push(c('1', `${t('关系覆盖', 'Coverage')} — ${name}`));
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
      return out.join('\n') + '\n';
    },
    end() {
      const all = Object.values(by).reduce((a, b) => a + b, 0);
      const present = ['error', 'warning', 'information', 'hint'].filter((s) => by[s]);
      if (lang() === 'en') {
        const counts = present.map((s) => `${by[s]} ${s}`).join(', ');
        return `${files} file(s), ${all} finding(s)${counts ? ` (${counts})` : ''}\n`;
      }
      const counts = present.map((s) => `${SEVERITY_ZH[s]} ${by[s]}`).join('，');
      return `${files} 个文件，${all} 项发现${counts ? `（${counts}）` : ''}\n`;
    },
  };
}

/** JSON, the stable contract: `{"version": 1, "files": [...]}`, written file by file. */
export function jsonWriter(cwd: string): ReportWriter {
  let n = 0;
  return {
    begin: () => '{\n  "version": 1,\n  "files": [',
    file: (r) => (n++ ? ',\n' : '\n') + indent(JSON.stringify({ ...r, path: rel(cwd, r.path) }, null, 2), '    '),
    end: () => (n ? '\n  ]' : ']') + '\n}\n',
  };
}

/** JSON Lines: one report per line, for pipelines that read as they go. */
export function jsonLinesWriter(cwd: string): ReportWriter {
  return { begin: () => '', file: (r) => JSON.stringify({ ...r, path: rel(cwd, r.path) }) + '\n', end: () => '' };
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * SARIF 2.1.0, results written file by file; the rules seen, the invocation and the tool follow
 * the results (SARIF does not order the properties of a run).
 */
export function sarifWriter(cwd: string, ruleNames: Map<string, string>, version: string): ReportWriter {
  const ids = new Set<string>();
  const notifications: object[] = [];
  let failed = false;
  let n = 0;
  const uriOf = (p: string) => path.relative(cwd, p).split(path.sep).join('/');
  return {
    begin: () =>
      '{\n' +
      `  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n` +
      `      "originalUriBaseIds": ${indent(JSON.stringify({ '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } }, null, 2), '      ').trimStart()},\n` +
      '      "columnKind": "utf16CodeUnits",\n      "results": [',
    file(r) {
      // A file that could not be read is a failed execution (the CLI exits 2 for it).
      if (r.error) failed = true;
      if (r.error || r.skipped) {
        notifications.push({
          level: r.error ? 'error' : 'warning',
          message: { text: r.error ?? r.skipped ?? '' },
          locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(r.path) } } }],
        });
      }
      let out = '';
      for (const f of r.findings) {
        ids.add(f.relationship ?? f.rule ?? 'unknown');
        // SARIF's `kind` on results is reserved for pass/fail states; ours is in properties.
        const result = {
          ruleId: f.relationship ?? f.rule,
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          properties: { kind: f.kind, scope: f.scope, ...(f.sides ? { sides: f.sides } : {}) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uriOf(r.path) || pathToFileURL(r.path).href, uriBaseId: '%SRCROOT%' },
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
        };
        out += (n++ ? ',\n' : '\n') + indent(JSON.stringify(result, null, 2), '        ');
      }
      return out;
    },
    end() {
      const rules = [...ids].sort().map((id) => ({ id, name: id, shortDescription: { text: ruleNames.get(id) ?? id } }));
      const invocations = [{ executionSuccessful: !failed, toolExecutionNotifications: notifications }];
      const tool = { driver: { name: 'policy-review', version, rules } };
      const field = (k: string, v: unknown) => `      "${k}": ${indent(JSON.stringify(v, null, 2), '      ').trimStart()}`;
      return (n ? '\n      ]' : ']') + ',\n' + field('invocations', invocations) + ',\n' + field('tool', tool) + '\n    }\n  ]\n}\n';
    },
  };
}

/** The whole output of a writer for reports at hand (tests, small runs). */
export function writeAll(w: ReportWriter, reports: FileReport[]): string {
  return w.begin() + reports.map((r) => w.file(r)).join('') + w.end();
}
