/** Findings of the core → LSP diagnostics. */
import { t } from '../../shared/src/lang';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver';
import type { Finding, FindingKind, Severity } from '../../core/src/types';
import { toLspRange } from '../../shared/src/positions';
import type { Snapshot } from './analysis';
import { isEnabled } from './settings';

export const SOURCE = 'policy-review';

/** Related locations listed per diagnostic at most. */
export const MAX_RELATED = 10;

/** What code actions need to act on a diagnostic, kept in Diagnostic.data. */
export interface DiagnosticData {
  kind: FindingKind;
  scope: 'document' | 'section';
  relationship?: string;
  /** The note on what is missing: the relationships it lists. */
  relationships?: string[];
  rule?: string;
  heading?: number;
  /** The side with fewer mentions (the one to add), for one-sided and unbalanced findings. */
  absentSide?: 0 | 1;
  version: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY[s] ?? DiagnosticSeverity.Information;
}

/** Settings key governing a finding: its relationship / element id, 'outline', or the kind (the note on what is missing). */
export function settingsKey(f: Finding): string {
  return f.relationship ?? (f.kind === 'outline' ? 'outline' : f.kind);
}

/** The side with fewer mentions. */
export function absentSide(f: Finding): 0 | 1 | undefined {
  if (!f.sides || f.sides.length < 2) return undefined;
  return f.sides[1].count < f.sides[0].count ? 1 : 0;
}

export function toDiagnostic(snap: Snapshot, f: Finding): Diagnostic {
  const { doc, text } = snap;
  // The core already applied the per-relationship and per-kind severities of these settings.
  const d: Diagnostic = {
    range: toLspRange(doc, f.range),
    severity: toLspSeverity(f.severity),
    code: f.relationship ?? f.rule ?? f.kind,
    source: SOURCE,
    message: f.message,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.slice(0, MAX_RELATED).map(
      (r): DiagnosticRelatedInformation => {
        const quoted = text.slice(r.start, Math.min(r.end, r.start + 40));
        return {
          location: { uri: snap.uri, range: toLspRange(doc, r) },
          message: t(`提及“${quoted}”`, `Mention of “${quoted}”`),
        };
      },
    );
  }
  const data: DiagnosticData = { kind: f.kind, scope: f.scope, version: snap.version };
  if (f.relationship) data.relationship = f.relationship;
  if (f.relationships) data.relationships = f.relationships;
  if (f.rule) data.rule = f.rule;
  if (f.heading !== undefined) data.heading = f.heading;
  if (f.kind === 'one-sided' || f.kind === 'unbalanced') data.absentSide = absentSide(f);
  d.data = data;
  return d;
}

/** Diagnostics of a reviewed document; disabled relationships are left out even if the core kept them. */
export function toDiagnostics(snap: Snapshot): Diagnostic[] {
  const on = (f: Finding) => isEnabled(snap.settings, settingsKey(f)) && (!f.rule || isEnabled(snap.settings, f.rule));
  return snap.result.findings.filter(on).map((f) => toDiagnostic(snap, f));
}

/** Counts by severity, for the coverage summary. */
export function countBySeverity(diags: Diagnostic[]): { error: number; warning: number; information: number; hint: number } {
  const c = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diags) {
    if (d.severity === DiagnosticSeverity.Error) c.error++;
    else if (d.severity === DiagnosticSeverity.Warning) c.warning++;
    else if (d.severity === DiagnosticSeverity.Hint) c.hint++;
    else c.information++;
  }
  return c;
}
