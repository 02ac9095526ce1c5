/** Decoding draft files: BOM, binary detection and the size limit. Never throws. */

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'binary' | 'too-large'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Decodes UTF-8 file bytes (with or without BOM); refuses binary data and files over maxSize. */
export function decodeDraft(bytes: Uint8Array, maxSize: number): DecodeResult {
  if (bytes.length > maxSize) return { ok: false, reason: 'too-large', message: tooLargeMessage(bytes.length, maxSize) };
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (sample.includes(0)) return binary();
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return binary();
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** The message for a draft over the size limit (sizes in bytes). */
export function tooLargeMessage(size: number, maxSize: number): string {
  return `文件过大（${formatSize(size)}，上限 ${formatSize(maxSize)}），已跳过；可调高 maxFileSize 设置。/ File too large (${formatSize(size)}, limit ${formatSize(maxSize)}); skipped. Raise the maxFileSize setting to review it.`;
}

function binary(): DecodeResult {
  return {
    ok: false,
    reason: 'binary',
    message: '不是 UTF-8 文本文件（可能是二进制文件），已跳过；请另存为 UTF-8 文本。/ Not a UTF-8 text file (binary?); skipped. Save the draft as UTF-8 text.',
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
