/** The CLI's settings: defaults, then a --config JSON file, then flags. */
import { lang, t } from '../../shared/src/lang';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_POLICY_REVIEW_SETTINGS, settingProblem, type PolicyReviewSettings } from '../../shared/src/settings';

export class UsageError extends Error {}

const KEYS = new Set(Object.keys(DEFAULT_POLICY_REVIEW_SETTINGS));

/** Reads a config file: JSON with any of the `policyReview.*` settings, with or without the prefix. */
export function readConfig(file: string): Partial<PolicyReviewSettings> {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(t(`无法读取配置文件 ${file}（${(err as NodeJS.ErrnoException).code}）。`, `Cannot read config file ${file} (${(err as NodeJS.ErrnoException).code}).`));
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(t(`配置文件 ${file} 不是有效的 JSON：${(err as Error).message}。`, `Config file ${file} is not valid JSON: ${(err as Error).message}.`));
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(t(`配置文件 ${file} 应为 JSON 对象。`, `Config file ${file} must hold a JSON object.`));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    const key = k.replace(/^policyReview\./, '');
    if (!KEYS.has(key)) {
      throw new UsageError(t(`配置文件 ${file} 中有未知设置 “${k}”。可用：${[...KEYS].join(', ')}`, `Unknown setting “${k}” in ${file}. Use one of: ${[...KEYS].join(', ')}`));
    }
    const problem = settingProblem(key as keyof PolicyReviewSettings, v, lang());
    if (problem) throw new UsageError(t(`配置文件 ${file} 中的设置 “${k}”：${problem}。`, `Setting “${k}” in ${file}: ${problem}.`));
    out[key] = v;
  }
  // Rule pack paths in a config file are relative to the file.
  if (Array.isArray(out.rulePacks)) out.rulePacks = (out.rulePacks as string[]).map((p) => path.resolve(path.dirname(file), p));
  return out as Partial<PolicyReviewSettings>;
}
