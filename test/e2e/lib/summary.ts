/**
 * Per-part results that run-all collects: every runner writes one JSON file (the path comes in
 * POLICY_REVIEW_E2E_SUMMARY) with its passed and failed checks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { log } from './proc';

export interface CheckResult {
  title: string;
  ok: boolean;
  /** Failure detail: the assertion and what was observed. */
  error?: string;
  ms?: number;
}

export interface PartSummary {
  part: string;
  checks: CheckResult[];
  seconds: number;
  /** Set when the part could not run its checks at all (provisioning, editor start…). */
  fatal?: string;
}

export function writeSummary(file: string | undefined, summary: PartSummary): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(summary, null, 2));
}

export function readSummary(file: string): PartSummary | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as PartSummary;
  } catch {
    return undefined;
  }
}

export function counts(s: PartSummary): { passed: number; failed: number } {
  const passed = s.checks.filter((c) => c.ok).length;
  // A part that died before reporting its checks counts as one failure.
  const failed = s.checks.filter((c) => !c.ok).length || (s.fatal ? 1 : 0);
  return { passed, failed };
}

/** Ends a part's process: writes its summary for run-all, logs the count line, exits 1 on any failure. */
export function finishPart(run: Promise<PartSummary>): void {
  void run.then((summary) => {
    writeSummary(process.env.POLICY_REVIEW_E2E_SUMMARY, summary);
    const passed = summary.checks.filter((c) => c.ok).length;
    const failed = summary.checks.filter((c) => !c.ok).length;
    log(summary.part, `${passed} passed, ${failed} failed`, `${summary.seconds.toFixed(1)}s`);
    process.exit(summary.fatal || failed ? 1 : 0);
  });
}
