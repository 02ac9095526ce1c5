/**
 * What is not prose: Markdown front matter, code, HTML comments, link targets and URLs. Those
 * ranges are never segmented or counted. Also reads the inline disable comments:
 *   <!-- policy-review-disable [id ...] -->                 whole document
 *   <!-- policy-review-disable-next-paragraph [id ...] -->  the next paragraph
 * (no ids: every relationship and rule). They work in .md and .txt alike.
 */
import type { LanguageKind, Range } from '../types';
import type { Lines } from './lines';

export interface Disable {
  /** Ids disabled; empty means all. */
  ids: string[];
  /** Absent: the whole document. */
  range?: Range;
}

export interface ProseScan {
  /** Sorted, non-overlapping. */
  excluded: Range[];
  disables: Disable[];
  /** Titles cited in 《》 (sorted): words in them are not discussion. */
  cited: Range[];
  /** Frameworks the draft asks to be reviewed against whatever its subject: <!-- policy-review-framework id --> */
  frameworks: string[];
}

const COMMENT = /<!--([\s\S]*?)(?:-->|$)/g;
const DIRECTIVE = /^\s*policy-review-disable(-next-paragraph)?\b([^]*)$/;
const FRAMEWORK = /^\s*policy-review-framework\b([^]*)$/;
/** A cited title, 《…》 (nested 〈〉 inside it included), on one line. */
const CITED = /《[^《》\n]{1,80}》/g;
const URL = /\bhttps?:\/\/[^\s<>()（）"'，。；、]+/g;
const INLINE_CODE = /(`+)[^`\n][^\n]*?\1/g;
const LINK_TARGET = /\]\([^)\n]*\)/g;
const AUTOLINK = /<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>/g;
const REFERENCE_DEF = /^ {0,3}\[[^\]\n]+\]:[^\n]*$/gm;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function scanProse(text: string, lines: Lines, language: LanguageKind): ProseScan {
  const excluded: Range[] = [];
  const disables: Disable[] = [];
  const frameworks: string[] = [];
  const cited: Range[] = [];
  const add = (start: number, end: number) => {
    if (end > start) excluded.push({ start, end });
  };
  // Cheap checks first: most drafts contain none of these characters.
  if (text.includes('<!--')) {
    for (const m of text.matchAll(COMMENT)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      add(start, end);
      const fw = FRAMEWORK.exec(m[1]);
      if (fw) frameworks.push(...fw[1].split(/[\s,，]+/).filter(Boolean));
      const d = DIRECTIVE.exec(m[1]);
      if (d) {
        const ids = d[2].split(/[\s,，]+/).filter(Boolean);
        disables.push(d[1] ? { ids, range: nextParagraph(text, lines, end, language) } : { ids });
      }
    }
  }
  if (text.includes('《')) for (const m of text.matchAll(CITED)) cited.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  if (text.includes('://')) for (const m of text.matchAll(URL)) add(m.index ?? 0, (m.index ?? 0) + m[0].length);
  if (language === 'markdown') scanMarkdown(text, lines, add);
  excluded.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of excluded) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return { excluded: merged, disables, cited, frameworks };
}

function scanMarkdown(text: string, lines: Lines, add: (s: number, e: number) => void): void {
  const n = lines.starts.length;
  let i = 0;
  // Front matter: --- (YAML) or +++ (TOML) on the first line.
  const first = text.slice(lines.starts[0], lines.ends[0]).trim();
  if (first === '---' || first === '+++') {
    for (let j = 1; j < n; j++) {
      const t = text.slice(lines.starts[j], lines.ends[j]).trim();
      if (t === first || (first === '---' && t === '...')) {
        add(0, lines.ends[j]);
        i = j + 1;
        break;
      }
    }
  }
  const hasFence = text.includes('```') || text.includes('~~~');
  if (hasFence) {
    for (; i < n; i++) {
      const line = text.slice(lines.starts[i], lines.ends[i]);
      const open = FENCE.exec(line);
      if (!open) continue;
      const fence = open[1];
      let j = i + 1;
      for (; j < n; j++) {
        const t = text.slice(lines.starts[j], lines.ends[j]);
        const close = FENCE.exec(t);
        if (close && close[1][0] === fence[0] && close[1].length >= fence.length && t.trim() === close[1]) break;
      }
      add(lines.starts[i], lines.ends[Math.min(j, n - 1)]);
      i = j;
    }
  }
  if (text.includes('`')) for (const m of text.matchAll(INLINE_CODE)) add(m.index ?? 0, (m.index ?? 0) + m[0].length);
  if (text.includes('](')) for (const m of text.matchAll(LINK_TARGET)) add((m.index ?? 0) + 1, (m.index ?? 0) + m[0].length);
  if (text.includes('<')) for (const m of text.matchAll(AUTOLINK)) add(m.index ?? 0, (m.index ?? 0) + m[0].length);
  if (text.includes(']:')) for (const m of text.matchAll(REFERENCE_DEF)) add(m.index ?? 0, (m.index ?? 0) + m[0].length);
}

/**
 * The paragraph after offset: from the next non-blank line to the next blank line in Markdown;
 * one line in plain text, where 公文 paragraphs are lines.
 */
function nextParagraph(text: string, lines: Lines, offset: number, language: LanguageKind): Range {
  const n = lines.starts.length;
  let i = 0;
  while (i < n - 1 && lines.ends[i] < offset) i++;
  // The rest of the comment's own line counts when it has text after the comment.
  const restOfLine = text.slice(offset, lines.ends[i]).trim();
  let start: number;
  if (restOfLine) start = offset;
  else {
    i++;
    while (i < n && !text.slice(lines.starts[i], lines.ends[i]).trim()) i++;
    if (i >= n) return { start: text.length, end: text.length };
    start = lines.starts[i];
  }
  let end = lines.ends[i];
  if (language === 'markdown') {
    while (i + 1 < n && text.slice(lines.starts[i + 1], lines.ends[i + 1]).trim()) end = lines.ends[++i];
  }
  return { start, end };
}
