/**
 * The language of everything the server and the CLI say: the server takes the client's locale from
 * `initialize` (VS Code sends its display language), the CLI `--lang` or its environment. Chinese
 * unless that is English. One process (or worker thread) speaks one language.
 */
import { langOf, say, type Lang } from '../../core/src/locale';

let current: Lang = 'zh';

/** Sets the language from a locale tag (the client's, `--lang`, LANG). */
export function setLocale(locale: string | undefined): void {
  current = langOf(locale);
}

export function setLang(l: Lang): void {
  current = l;
}

export function lang(): Lang {
  return current;
}

/** The text in the client's language. */
export function t(zh: string, en: string): string {
  return say(current, zh, en);
}
