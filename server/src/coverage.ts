/** The policyReview/coverage answer: per relationship and element, status and counts of one document. */
import type { CoverageItem, CoverageResult } from '../../shared/src/protocol';
import { toLspRange } from '../../shared/src/positions';
import type { Outcome } from './analysis';
import { countBySeverity, toDiagnostics } from './diagnostics';
import { isEnabled } from './settings';
import { nameOf } from './labels';

export function coverageOf(outcome: Outcome): CoverageResult {
  const problems = countBySeverity(outcome.kind === 'reviewed' ? toDiagnostics(outcome) : []);
  const base = { uri: outcome.uri, version: outcome.version, problems };
  if (outcome.kind === 'skipped') {
    return { ...base, reviewed: false, skippedReason: outcome.message || undefined, engaged: false, items: [] };
  }
  const { doc, result, analyzer, settings } = outcome;
  const items: CoverageItem[] = [];
  for (const def of analyzer.relationships) {
    const cov = result.coverage.find((c) => c.relationship === def.id);
    items.push({
      id: def.id,
      name: nameOf(def),
      kind: 'relationship',
      status: cov?.status ?? 'missing',
      enabled: isEnabled(settings, def.id),
      sides: def.sides.map((side, i) => {
        const first = cov?.mentions[i as 0 | 1]?.[0];
        return { label: side.label, count: cov?.sides[i]?.count ?? 0, ...(first ? { first: toLspRange(doc, first) } : {}) };
      }),
    });
  }
  for (const def of analyzer.elements) {
    const cov = result.elements.find((e) => e.element === def.id);
    const first = cov?.mentions[0];
    items.push({
      id: def.id,
      name: nameOf(def),
      kind: 'element',
      status: cov?.status ?? 'missing',
      enabled: isEnabled(settings, def.id),
      sides: [{ label: def.name, count: cov?.count ?? 0, ...(first ? { first: toLspRange(doc, first) } : {}) }],
    });
  }
  const scope = result.scope.map(({ pack, label, status, reason }) => ({ pack, label, status, reason }));
  return { ...base, reviewed: true, engaged: result.engaged, scope, items };
}
