/** Chinese and circled numerals used by 公文 heading markers. */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; NaN when not a numeral. */
export function parseChineseNumeral(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in DIGITS) {
      current = DIGITS[ch];
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else {
      return NaN;
    }
  }
  return total + current;
}

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function toChineseNumeral(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  if (n < 10) return CN[n];
  if (n < 20) return '十' + (n % 10 ? CN[n % 10] : '');
  if (n < 100) return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return CN[h] + '百';
  return CN[h] + '百' + (rest < 10 ? '零' + CN[rest] : rest < 20 ? '一' + toChineseNumeral(rest) : toChineseNumeral(rest));
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function parseCircled(ch: string): number {
  const i = CIRCLED.indexOf(ch);
  return i < 0 ? NaN : i + 1;
}

export function toCircled(n: number): string {
  return n >= 1 && n <= 20 ? CIRCLED[n - 1] : `(${n})`;
}

export const CIRCLED_CLASS = '①-⑳';
export const CN_NUMERAL_CLASS = '一二三四五六七八九十百零〇两';
