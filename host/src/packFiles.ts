/**
 * Reads rule pack files for the CLI and the server and hands their text to the core, which parses
 * and validates them. Loading never throws: an unreadable file is one error naming it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRulePacks, type RulePackSource } from '../../core/src/rules';
import type { Lang } from '../../core/src/locale';
import type { RulePack, RulePackError } from '../../core/src/types';

/** Loads and validates pack files. A bad file is reported and left out; the rest load. */
export function loadRulePacks(files: string[], lang: Lang = 'zh'): { packs: RulePack[]; errors: RulePackError[] } {
  const sources: RulePackSource[] = files.map((file) => {
    try {
      return { file, text: fs.readFileSync(file, 'utf8') };
    } catch (err) {
      return { file, readError: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
    }
  });
  return parseRulePacks(sources, lang);
}

/** The pack files in a rules folder (*.json, *.yaml, *.yml, except the schema), sorted. */
export function builtinRuleFiles(rulesDir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(rulesDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.(json|ya?ml)$/i.test(n) && !/schema/i.test(n))
    .sort()
    .map((n) => path.join(rulesDir, n));
}
