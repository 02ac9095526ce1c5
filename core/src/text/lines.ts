/**
 * Line table of a text: start and end (before the line break) offsets of every line. \r\n, \r
 * and \n each end a line, exactly as the LSP's TextDocument counts lines, so the core's line
 * numbers and the editor's agree on CR-only (old Mac, some Word exports) and mixed files.
 */
export interface Lines {
  starts: number[];
  ends: number[];
}

const BREAK = /\r\n?|\n/g;

export function splitLines(text: string): Lines {
  const starts: number[] = [0];
  const ends: number[] = [];
  if (!text.includes('\r')) {
    // Only \n ends lines: found by indexOf, without the regular expression.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      ends.push(i);
      starts.push(i + 1);
    }
    ends.push(text.length);
    return { starts, ends };
  }
  BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BREAK.exec(text))) {
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
  ends.push(text.length);
  return { starts, ends };
}

/** 0-based line (or any span of a sorted `starts` table) containing offset (binary search). */
export function lineOf(lines: { starts: number[] }, offset: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * lineOf for offsets asked mostly in increasing order (mentions, matches): remembers its last
 * answer and looks one entry ahead of it before searching. Same answers as lineOf.
 */
export class Locator {
  private last = 0;
  constructor(readonly starts: number[]) {}

  at(offset: number): number {
    const s = this.starts;
    const i = this.last;
    if (s[i] <= offset) {
      if (i + 1 >= s.length || offset < s[i + 1]) return i;
      if (i + 2 >= s.length || offset < s[i + 2]) return (this.last = i + 1);
    }
    return (this.last = lineOf(this, offset));
  }
}

/** The text of line i, without its line break. */
export function lineText(text: string, lines: Lines, i: number): string {
  return text.slice(lines.starts[i], lines.ends[i]);
}
