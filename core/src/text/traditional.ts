/**
 * Traditional → Simplified before matching (opencc-js, Taiwan phrases to mainland usage: 數位政府 →
 * 数字政府, 資料開放 → 数据开放). The converted text has the same length as the original, so every
 * offset the later stages compute is an offset in the writer's text; a phrase whose conversion
 * would change the length is converted character by character instead.
 */
import { Memo } from './memo';

type Convert = (s: string) => string;

let phrases: Convert | undefined;
let characters: Convert | undefined;

/** Characters common in Traditional text that Simplified text never writes. */
const TRADITIONAL = /[與數據開發關於為這個們會時來對國過還進當點體網應電話區經濟務導產業處實現說書門問間條節總則規劃擬營術衛續護權環類辦預聯際壓歷態資訊讓義團結層級優勢參樣織職構審計組黨領堅設備會議務員]/g;

/** The characters of TRADITIONAL as a lookup table over UTF-16 units: one pass, no regular expression. */
let table: Uint8Array | undefined;

/** Whether a text is written in Traditional characters (three of them: a Simplified text has none). */
export function isTraditional(text: string): boolean {
  if (!table) {
    table = new Uint8Array(0x10000);
    for (const ch of TRADITIONAL.source.slice(1, -1)) table[ch.charCodeAt(0)] = 1;
  }
  let count = 0;
  for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)] && ++count >= 3) return true;
  return false;
}

function converters(): [Convert, Convert] {
  if (!phrases || !characters) {
    // Loaded on first use: most drafts are Simplified and never need the dictionaries.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const OpenCC = require('opencc-js') as { Converter(o: { from: string; to: string }): Convert };
    phrases = OpenCC.Converter({ from: 'twp', to: 'cn' });
    characters = OpenCC.Converter({ from: 't', to: 'cn' });
  }
  return [phrases, characters];
}

/** The Simplified reading of a Traditional text, of the same length; undefined for a Simplified one. */
export function toSimplified(text: string): string | undefined {
  if (!isTraditional(text)) return undefined;
  const [byPhrase, byChar] = converters();
  const whole = byPhrase(text);
  if (whole.length === text.length) return whole;
  // Some phrase changed the length: line by line, and character by character where it did.
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part) => {
      const c = byPhrase(part);
      if (c.length === part.length) return c;
      let out = '';
      for (let i = 0; i < part.length; i++) {
        const ch = byChar(part[i]);
        out += ch.length === 1 ? ch : part[i];
      }
      return out;
    })
    .join('');
}

/** Lines remembered with their Simplified readings (see SimplifiedLines); cleared when full. */
const LINE_LIMIT = 20_000;

/**
 * toSimplified, line by line, each line's readings remembered by its text: the converters match
 * phrases that never hold a line break, so the whole text reads as its lines read one by one,
 * and a draft edited in one place is converted again only there.
 */
export class SimplifiedLines {
  /** Line → [its reading by phrase, its reading of the same length]. */
  private cache = new Memo<[string, string]>(LINE_LIMIT);
  /** Whether a text was read before: the first is converted whole, as fast as a single reading can be. */
  private warm = false;

  convert(text: string): string | undefined {
    if (!isTraditional(text)) return undefined;
    if (!this.warm) {
      this.warm = true;
      return toSimplified(text);
    }
    const [byPhrase, byChar] = converters();
    const parts = text.split(/(\r\n|\r|\n)/);
    const read: [string, string][] = new Array<[string, string]>(parts.length);
    let length = 0;
    for (let i = 0; i < parts.length; i += 2) {
      const part = parts[i];
      let r = this.cache.get(part);
      if (!r) {
        const c = byPhrase(part);
        let same = c;
        if (c.length !== part.length) {
          same = '';
          for (let k = 0; k < part.length; k++) {
            const ch = byChar(part[k]);
            same += ch.length === 1 ? ch : part[k];
          }
        }
        r = [c, same];
        this.cache.set(part, r);
      }
      read[i] = r;
      length += r[0].length + (i + 1 < parts.length ? parts[i + 1].length : 0);
    }
    // As toSimplified: the reading by phrase when the whole keeps its length, else each line's of the same length.
    const k = length === text.length ? 0 : 1;
    let out = '';
    for (let i = 0; i < parts.length; i += 2) out += (i > 0 ? parts[i - 1] : '') + read[i][k];
    return out;
  }
}
