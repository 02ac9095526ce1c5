/** Decoding draft files: encodings, BOM, binary detection and the size limit. Never throws. */

import { say, type Lang } from './locale';
export type DecodeResult =
  | { ok: true; text: string; encoding: DraftEncoding }
  | { ok: false; reason: 'binary' | 'too-large'; message: string };

/** The encodings drafts arrive in: UTF-8 (with or without BOM), UTF-16 with a BOM, and the legacy GB 18030 (GBK) and Big5. */
export type DraftEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** Decodes bytes in a legacy encoding (the CLI hands one in; the core loads no decoder of its own). Throws on invalid bytes. */
export type LegacyDecoder = (bytes: Uint8Array, encoding: 'gb18030' | 'big5') => string;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Very common characters, Simplified and Traditional: a legacy file read in the wrong encoding has few of them. */
const COMMON = new Set('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质'.split(''));
const COMMON_TRAD = new Set('的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內數正心反你明看原又麼利比或但質氣第向道命此變條只沒結解問意建月公無系軍很情者最立代想已通並提直題黨程展五果料象員革位入常文總次品式活設及管特件長求老頭基資邊流路級少圖山統接知較將組見計別她手角期根論運農指幾九區強放決西被幹做必戰先回則任取據處理府研'.split(''));

function commonShare(text: string, set: Set<string>): number {
  let hit = 0;
  let n = 0;
  for (let i = 0; i < text.length && n < 4000; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    n++;
    if (set.has(text[i])) hit++;
  }
  return n ? hit / n : 0;
}

/**
 * Decodes a draft's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, and, when `legacy` is
 * given, GB 18030 / GBK or Big5 (whichever reads as Chinese). Refuses binary data (a NUL anywhere
 * in the text) and files over maxSize.
 */
export function decodeDraft(bytes: Uint8Array, maxSize: number, legacy?: LegacyDecoder, lang: Lang = 'zh'): DecodeResult {
  if (bytes.length > maxSize) return { ok: false, reason: 'too-large', message: tooLargeMessage(bytes.length, maxSize, lang) };
  let text: string | undefined;
  let encoding: DraftEncoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  if (encoding !== 'utf-8') {
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      return binary(lang);
    }
  } else {
    try {
      text = utf8.decode(bytes);
    } catch {
      text = undefined;
    }
    if (text === undefined && legacy && !bytes.includes(0)) {
      // GBK and Big5 are both double-byte: the one that reads as common Chinese is the draft's.
      let gb: string | undefined;
      let big5: string | undefined;
      try {
        gb = legacy(bytes, 'gb18030');
      } catch {
        gb = undefined;
      }
      try {
        big5 = legacy(bytes, 'big5');
      } catch {
        big5 = undefined;
      }
      const gbShare = gb === undefined || gb.includes('\ufffd') ? -1 : Math.max(commonShare(gb, COMMON), commonShare(gb, COMMON_TRAD));
      const big5Share = big5 === undefined || big5.includes('\ufffd') ? -1 : commonShare(big5, COMMON_TRAD);
      if (gbShare >= big5Share && gbShare > 0.05) [text, encoding] = [gb, 'gb18030'];
      else if (big5Share > 0.05) [text, encoding] = [big5, 'big5'];
    }
    if (text === undefined) return binary(lang);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) return binary(lang);
  return { ok: true, text, encoding };
}

/** The message for a draft over the size limit (sizes in bytes). */
export function tooLargeMessage(size: number, maxSize: number, lang: Lang = 'zh'): string {
  return say(
    lang,
    `文件过大（${formatSize(size)}，上限 ${formatSize(maxSize)}），已跳过；可调高 maxFileSize 设置。`,
    `File too large (${formatSize(size)}, limit ${formatSize(maxSize)}); skipped. Raise the maxFileSize setting to review it.`,
  );
}

function binary(lang: Lang): DecodeResult {
  return {
    ok: false,
    reason: 'binary',
    message: say(
      lang,
      '不是可识别的文本文件（可能是二进制文件，或编码不是 UTF-8、UTF-16、GB 18030、Big5），已跳过；请另存为 UTF-8 文本。',
      'Not a text file in a known encoding (binary, or neither UTF-8, UTF-16, GB 18030 nor Big5); skipped. Save the draft as UTF-8 text.',
    ),
  };
}

/** True for editor buffers that look binary: NUL or many control characters. */
export function isBinaryText(text: string): boolean {
  const n = Math.min(text.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** UTF-8 byte length of a string without allocating. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
