/** Line table of a text: start and end (before the line break) offsets of every line. */
export interface Lines {
  starts: number[];
  ends: number[];
}

export function splitLines(text: string): Lines {
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  for (;;) {
    starts.push(pos);
    const nl = text.indexOf('\n', pos);
    if (nl < 0) {
      ends.push(text.length);
      break;
    }
    ends.push(nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    pos = nl + 1;
  }
  return { starts, ends };
}

/** 0-based line containing offset (binary search). */
export function lineOf(lines: Lines, offset: number): number {
  let lo = 0;
  let hi = lines.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
