/**
 * The writer's language: every user-facing string is written once in Chinese and once in English
 * and shown in one of them. Chinese by default; English where the editor or the shell runs in English.
 */
export type Lang = 'zh' | 'en';

/** The language for a locale tag (VS Code's `locale`, `LANG=en_US.UTF-8`, `--lang en`). */
export function langOf(locale: string | undefined | null): Lang {
  return /^en\b|^en[-_]/i.test((locale ?? '').trim()) ? 'en' : 'zh';
}

/** A text in both languages, shown in one. */
export interface Localized {
  zh: string;
  en: string;
}

/** The text in the writer's language. */
export function say(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

/** The language of the environment a command runs in: LC_ALL, then LC_MESSAGES, then LANG. */
export function langOfEnv(env: Record<string, string | undefined>): Lang {
  return langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/**
 * One language of a pack's text written “中文 / English” (pack names, reasons of exceptions): the
 * packs' convention for text shown to writers. A text without the separator is shown as it is.
 */
export function inLang(text: string, lang: Lang): string {
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  return lang === 'en' ? text.slice(at + 3) : text.slice(0, at);
}
