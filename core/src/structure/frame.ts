/**
 * The frame of a 公文: what surrounds the body and is neither prose to review nor a heading. At the
 * top: 发文机关标志 (…文件), 文号, the title (wrapped over up to three lines), （征求意见稿）, the
 * ——在……上的讲话 subtitle, the speaker and date lines, 主送机关 and salutations (同志们：). At the
 * end of each run: 落款 (agency lines and date), （此件公开发布）, 联系人, 抄送 and 印发 lines. Also
 * the 附件： list, attachment starts (附件 / 附件1 and the attachment's title), the 目录 block and
 * table rows.
 */
import type { Range } from '../types';
import type { Lines } from '../text/lines';
import { matchMarker } from './markers';

/** What each line is, before headings are read. */
export const enum LineRole {
  Prose = 0,
  Blank,
  /** Title, 文号, subtitle, 主送机关, 落款 …: not reviewed, not a heading. */
  Frame,
  /** An entry (or the word) of a table of contents. */
  Toc,
  /** A row of a table: its numbering belongs to the table. */
  Table,
  /** The line that starts an attachment (附件 / 附件2). */
  AttachmentStart,
  /** A line inside code or front matter. */
  Skipped,
}

export interface AttachmentStart {
  /** Line of the 附件 marker, or of the title of a document that follows a notice's 落款. */
  line: number;
  /** No 附件 line: the run starts with the attached document's title. */
  implicit?: boolean;
  /** The attachment's own title, when it carries one. */
  title?: Range;
}

export interface FrameScan {
  roles: LineRole[];
  /** The document title (all its lines), if any. */
  title?: Range;
  attachments: AttachmentStart[];
}

const DOC_TYPE = /(?:意见|通知|方案|办法|规划|纲要|讲话|报告|函|决定|规定|细则|计划|要点|批复|答复|通报|公告|通告|总结|条例|规范|指南|标准|预案|制度|守则|章程|决议|请示|建议|提案|清单|指引|说明|纪要|简报|通讯|致辞|发言|实施意见|行动计划)(?:[（(][^）)]{1,12}[）)])?$/;
const DATE_LINE = /^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇一二三四五六七八九十]{1,3}\s*月\s*[\d〇一二三四五六七八九十]{1,3}\s*日$/;
const DATE_NOTE = /^[（(]?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇一二三四五六七八九十]{1,3}\s*月(?:\s*[\d〇一二三四五六七八九十]{1,3}\s*日)?\s*[）)]?$/;
const DOC_NUMBER = /^[^\s，。]{0,16}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号$/;
const ISSUER_MARK = /^[^\s，。]{2,30}文件$/;
const SUBTITLE = /^(?:——|--|—|－－)/;
const NOTE = /^[（(][^（）()]{1,30}[）)]$/;
const COPY_TO = /^(?:抄送|抄报|分送|发至|印发|主题词|关键词|联系人|联系电话|（联系人|\(联系人)/;
const PRINTED = /印发$|印制$/;
const RULE_LINE = /^[─—\-_=＝━–]{3,}$/;
const SALUTATION = /^[^，。；！？]{1,40}[：:]$/;
const NOT_ADDRESSEE = /如下|现将|现就|为了|为进一步|为深入|为加快|为贯彻|根据|按照|经研究|经.{1,10}同意|特此|主要是|包括|是：|有：/;
const ATTACHMENT_LIST = /^附(?:件|表)\s*[0-9０-９一二三四五六七八九十]*\s*[：:]/;
const ATTACHMENT_START = /^附\s*(?:件|表|录)\s*[0-9０-９一二三四五六七八九十]{0,3}\s*$/;
const TOC_WORD = /^目\s*录$/;
const PAGE_LEADER = /[\s.．…·•\-—_]*\d{0,4}$/;

function trimmed(text: string, lines: Lines, i: number): string {
  // trim() removes exactly what \s matches (\u3000 included), at both ends.
  return text.slice(lines.starts[i], lines.ends[i]).trim();
}

/** Whether a UTF-16 unit is one that \s matches. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether a unit may lead to a page number: what PAGE_LEADER's class holds. */
function isLeader(c: number): boolean {
  return isSpace(c) || c === 0x2e || c === 0xff0e || c === 0x2026 || c === 0xb7 || c === 0x2022 || c === 0x2d || c === 0x2014 || c === 0x5f;
}

/**
 * A title's words without dot leaders and page numbers, for comparing a 目录 entry with its heading.
 * One pass, the same as removing ^ {0,3}#{1,6}[ \t]+, then PAGE_LEADER, then every \s: it runs
 * on every line of a draft.
 */
export function normalTitle(s: string): string {
  const n = s.length;
  const from = markdownPrefixEnd(s);
  // The page number (the last four digits at most) and the leader before it.
  let to = n;
  while (to > from && n - to < 4 && s.charCodeAt(to - 1) >= 0x30 && s.charCodeAt(to - 1) <= 0x39) to--;
  if (!(n - to === 4 && to > from && s.charCodeAt(to - 1) >= 0x30 && s.charCodeAt(to - 1) <= 0x39)) {
    while (to > from && isLeader(s.charCodeAt(to - 1))) to--;
  }
  let out = '';
  let run = from;
  for (let i = from; i < to; i++) {
    if (!isSpace(s.charCodeAt(i))) continue;
    if (i > run) out += s.slice(run, i);
    run = i + 1;
  }
  return run === from ? s.slice(from, to) : out + s.slice(run, to);
}

/** Where a Markdown heading prefix ends (up to three spaces, one to six #, then spaces or tabs), or 0. */
function markdownPrefixEnd(s: string): number {
  let k = 0;
  while (k < 3 && s.charCodeAt(k) === 0x20) k++;
  let h = k;
  while (h < k + 6 && s.charCodeAt(h) === 0x23) h++;
  if (h === k) return 0;
  let t = h;
  while (t < s.length && (s.charCodeAt(t) === 0x20 || s.charCodeAt(t) === 0x09)) t++;
  return t > h ? t : 0;
}

/**
 * The first unit of normalTitle(s), or -1 for any when that may be empty: without reading the rest
 * of s. Lines whose normalised titles differ in it cannot be the same title.
 */
function normalFirst(s: string): number {
  const n = s.length;
  const from = markdownPrefixEnd(s);
  let i = from;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  if (i >= n) return -1;
  const c = s.charCodeAt(i);
  // Leaders and digits may all be cut off the end: then the title is shorter, or empty.
  if (isLeader(c) || (c >= 0x30 && c <= 0x39)) return -1;
  return c;
}

/**
 * Whether a Markdown line is a table row, or a plain line holds tab-separated cells (a Word
 * table saved as text: 一、申请主体信息→　→　). A tab after a bare marker (一、→总体要求, as Word
 * writes list numbering) is not a cell.
 */
function isTableRow(raw: string): boolean {
  // Every test below needs a | or a tab.
  if (!raw.includes('|') && !raw.includes('\t')) return false;
  const t = raw.replace(/^[ \u3000]+|[\s\u3000]+$/g, '');
  if (t.startsWith('|')) return true;
  if ((t.match(/\|/g) ?? []).length >= 2) return true;
  if (!t.includes('\t')) return false;
  const cells = t.split('\t');
  const first = cells[0].replace(/[\s\u3000]+/g, '');
  const mk = matchMarker(first);
  if (mk && mk.length === first.length) cells.splice(0, 2, cells[0] + cells[1]);
  if (cells.length >= 3) return true;
  return cells.length === 2 && cells.every((c) => c.replace(/[\s\u3000]+/g, '') !== '');
}

/** A short line that could be part of a title: no sentence punctuation, not a heading. */
function titleLike(t: string): boolean {
  return t.length > 0 && t.length <= 60 && !/[。；;！!？?]/.test(t) && !/[：:，,]$/.test(t) && !matchMarker(t);
}

/** The line of an 落款 agency: short, a name, no sentence punctuation. */
function agencyLike(t: string): boolean {
  return t.length <= 40 && !/[。，；,;：:！？]/.test(t) && !matchMarker(t);
}

/**
 * Reads the frame. `skipped(i)` tells lines inside code or front matter; `markdownTitle` is the
 * line of a Markdown document's single H1, which is its title.
 */
export function scanFrame(text: string, lines: Lines, skipped: (i: number) => boolean, markdown: boolean): FrameScan {
  const n = lines.starts.length;
  const roles: LineRole[] = new Array<LineRole>(n);
  const texts: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    if (skipped(i)) {
      roles[i] = LineRole.Skipped;
      texts[i] = '';
      continue;
    }
    const t = trimmed(text, lines, i);
    texts[i] = t;
    if (!t || (markdown && /^ {0,3}(=+|-+|\*{3,}|_{3,})[ \t]*$/.test(t))) roles[i] = LineRole.Blank;
    else if (isTableRow(text.slice(lines.starts[i], lines.ends[i]))) roles[i] = LineRole.Table;
    else roles[i] = LineRole.Prose;
  }
  // A row that starts with empty cells (\t\t2.出院人次数) belongs to the table around it.
  for (let i = 0; i < n; i++) {
    if (roles[i] !== LineRole.Prose || !text.slice(lines.starts[i], lines.ends[i]).includes('\t')) continue;
    if ((i > 0 && roles[i - 1] === LineRole.Table) || (i + 1 < n && roles[i + 1] === LineRole.Table)) roles[i] = LineRole.Table;
  }
  const content = (i: number) => roles[i] !== LineRole.Blank && roles[i] !== LineRole.Skipped;
  const nextContent = (i: number) => {
    while (i < n && !content(i)) i++;
    return i;
  };
  const prevContent = (i: number) => {
    while (i >= 0 && !content(i)) i--;
    return i;
  };
  const bare = (t: string) => (t.charCodeAt(0) === 0x23 ? t.replace(/^#{1,6}[ \t]+/, '') : t);

  // Attachment starts: 附件 / 附件1 alone on a line, after some body.
  const attachments: AttachmentStart[] = [];
  const runStarts: number[] = [0];
  for (let i = 1; i < n; i++) {
    if (roles[i] === LineRole.Prose && ATTACHMENT_START.test(bare(texts[i]))) {
      roles[i] = LineRole.AttachmentStart;
      attachments.push({ line: i });
      runStarts.push(i);
    }
  }
  // A notice that 印发 a 方案 without a 附件 line: 落款 (agency, date, notes), then the 方案's own title.
  for (let i = 1; i < n; i++) {
    if (roles[i] !== LineRole.Prose || !DATE_LINE.test(texts[i])) continue;
    const above = prevContent(i - 1);
    if (above < 0 || roles[above] !== LineRole.Prose || !agencyLike(texts[above])) continue;
    let k = nextContent(i + 1);
    while (k < n && roles[k] === LineRole.Prose && (NOTE.test(texts[k]) || COPY_TO.test(texts[k]))) k = nextContent(k + 1);
    if (k >= n || roles[k] !== LineRole.Prose || !titleLike(bare(texts[k]))) continue;
    // The title may wrap: it ends with the kind of document within three lines.
    let t = k;
    let found = -1;
    for (let c = 0; c < 3 && t < n && roles[t] === LineRole.Prose && titleLike(bare(texts[t])); c++, t++) if (DOC_TYPE.test(bare(texts[t]))) found = t;
    if (found < 0) continue;
    if (runStarts.some((r) => r > i && r <= k)) continue;
    runStarts.push(k);
    attachments.push({ line: k, implicit: true });
  }
  // A second document printed after the first without a 附件 line (a notice that 印发 two 规定):
  // a title line of its own, after a blank line, whose numbering starts again at 一、 or 第一章.
  const highest = new Map<string, number>();
  let runStart = 0;
  for (let i = 0; i < n; i++) {
    if (runStarts.includes(i) && i > 0) {
      highest.clear();
      runStart = i;
    }
    if (roles[i] !== LineRole.Prose) continue;
    const u = bare(texts[i]);
    const mk = matchMarker(u);
    if (mk) {
      if (mk.family === 'cn-dun' || mk.family === 'chapter') highest.set(mk.family, Math.max(highest.get(mk.family) ?? 0, mk.number));
      continue;
    }
    if (i === runStart || u.length > 40 || !titleLike(u) || !DOC_TYPE.test(u) || (i > 0 && content(i - 1))) continue;
    let k = i + 1;
    let next: ReturnType<typeof matchMarker>;
    for (; k < n && k < i + 40; k++) if (roles[k] === LineRole.Prose && (next = matchMarker(bare(texts[k])))) break;
    if (!next || next.number !== 1 || (next.family !== 'cn-dun' && next.family !== 'chapter') || (highest.get(next.family) ?? 0) < 2) continue;
    runStarts.push(i);
    attachments.push({ line: i, implicit: true });
    highest.clear();
    runStart = i;
  }
  runStarts.sort((a, b) => a - b);
  attachments.sort((a, b) => a.line - b.line);
  runStarts.push(n);

  let title: Range | undefined;
  for (let r = 0; r + 1 < runStarts.length; r++) {
    const from = r === 0 || attachments[r - 1].implicit ? runStarts[r] : runStarts[r] + 1;
    const to = runStarts[r + 1];
    const t = readTop(from, to, r === 0);
    if (r === 0) title = t;
    else if (t) attachments[r - 1].title = t;
    readEnd(from, to);
  }
  readAttachmentLists();
  readToc();
  return { roles, title, attachments };

  /** The top of a run: issuer mark, 文号, title lines, notes, subtitle, speaker, 主送机关. */
  function readTop(from: number, to: number, body: boolean): Range | undefined {
    let i = nextContent(from);
    if (i >= to || roles[i] !== LineRole.Prose) return undefined;
    let guard = 0;
    while (i < to && guard++ < 3 && (ISSUER_MARK.test(texts[i]) || DOC_NUMBER.test(texts[i]))) {
      roles[i] = LineRole.Frame;
      i = nextContent(i + 1);
    }
    if (i >= to || roles[i] !== LineRole.Prose) return undefined;
    const first = bare(texts[i]);
    if (!titleLike(first) && !(markdown && /^#\s/.test(texts[i]))) return undefined;
    // A title may wrap over up to three lines; it ends with the kind of document it is.
    const candidates: number[] = [i];
    let j = i + 1;
    while (candidates.length < 3 && j < to && content(j) && roles[j] === LineRole.Prose && titleLike(bare(texts[j])) && !SUBTITLE.test(texts[j]) && !NOTE.test(texts[j]) && !DATE_NOTE.test(texts[j]) && !DOC_NUMBER.test(texts[j])) {
      candidates.push(j);
      j++;
    }
    let last = candidates.length - 1;
    while (last > 0 && !DOC_TYPE.test(bare(texts[candidates[last]]))) last--;
    // Two short lines where the first does not finish a title (国务院办公厅关于 / ……的意见).
    const titleLines = candidates.slice(0, last + 1);
    for (const k of titleLines) roles[k] = LineRole.Frame;
    const range = { start: lines.starts[titleLines[0]], end: lines.ends[titleLines[titleLines.length - 1]] };
    i = nextContent(titleLines[titleLines.length - 1] + 1);
    // Notes, 文号, subtitle, speaker and date lines, in any order, a few at most.
    let extra = 0;
    while (i < to && extra < 5 && roles[i] === LineRole.Prose) {
      const u = bare(texts[i]);
      const speaker = body && u.length <= 30 && !/[。，；,;：:！!？?]/.test(u) && !matchMarker(u) && /\s|\u3000|、/.test(u) && looksLikeFrameAhead(i + 1, to);
      if (SUBTITLE.test(u) || NOTE.test(u) || DATE_NOTE.test(u) || DOC_NUMBER.test(u) || speaker) {
        roles[i] = LineRole.Frame;
        i = nextContent(i + 1);
        extra++;
        continue;
      }
      break;
    }
    // 主送机关 (may be long: 各省、自治区、直辖市人民政府，国务院各部委、各直属机构：) or a salutation.
    if (body && i < to && roles[i] === LineRole.Prose) {
      const u = texts[i];
      if (u.length <= 200 && /[：:]$/.test(u) && !/[。；;！？]/.test(u) && !NOT_ADDRESSEE.test(u) && !matchMarker(u)) roles[i] = LineRole.Frame;
    }
    return range;
  }

  /** Whether the lines after a short line are still frame (a date, a salutation, a subtitle). */
  function looksLikeFrameAhead(i: number, to: number): boolean {
    const k = nextContent(i);
    if (k >= to) return false;
    const u = texts[k];
    return DATE_NOTE.test(u) || SALUTATION.test(u) || SUBTITLE.test(u);
  }

  /** The end of a run: 落款 and what follows it (公开 note, 联系人, 抄送, 印发). */
  function readEnd(from: number, to: number): void {
    let k = to - 1;
    const trailing: number[] = [];
    while (k >= from) {
      if (!content(k)) {
        k--;
        continue;
      }
      if (roles[k] !== LineRole.Prose) break;
      const u = texts[k];
      if (NOTE.test(u) || COPY_TO.test(u) || PRINTED.test(u) || RULE_LINE.test(u)) {
        trailing.push(k);
        k--;
        continue;
      }
      break;
    }
    // 抄送 and 印发 lines are frame wherever they are found.
    for (const t of trailing) if (COPY_TO.test(texts[t]) || PRINTED.test(texts[t]) || RULE_LINE.test(texts[t])) roles[t] = LineRole.Frame;
    if (k < from || !DATE_LINE.test(texts[k]) || roles[k] !== LineRole.Prose) return;
    for (const t of trailing) roles[t] = LineRole.Frame;
    roles[k] = LineRole.Frame;
    let a = k - 1;
    let count = 0;
    while (a >= from && count < 3) {
      if (!content(a)) {
        a--;
        if (a >= from && !content(a)) break;
        continue;
      }
      if (roles[a] !== LineRole.Prose || !agencyLike(texts[a])) break;
      roles[a] = LineRole.Frame;
      a--;
      count++;
    }
  }

  /** 附件：1.……方案 and the numbered lines that go on listing attachments. */
  function readAttachmentLists(): void {
    for (let i = 0; i < n; i++) {
      if (roles[i] !== LineRole.Prose || !ATTACHMENT_LIST.test(texts[i])) continue;
      roles[i] = LineRole.Frame;
      for (let j = i + 1; j < n && roles[j] === LineRole.Prose; j++) {
        const u = texts[j];
        if (!(/^[0-9０-９]{1,2}\s*[.．、]/.test(u) && u.length <= 80 && !/。$/.test(u))) break;
        roles[j] = LineRole.Frame;
      }
    }
  }

  /**
   * A table of contents: the lines after 目录, or a run of three or more consecutive headings
   * whose first recurs later, up to where the body starts.
   */
  function readToc(): void {
    // Where each normalised title occurs, to see whether a 目录 entry comes again in the body: the
    // prose lines (as they are at the first question) by the first unit of their normalised title,
    // which takes a glance per line; a line's whole normalised title only when it is compared.
    let byFirst: Map<number, number[]> | undefined;
    const normal = new Map<number, string>();
    const normalOf = (k: number) => {
      let t = normal.get(k);
      if (t === undefined) normal.set(k, (t = normalTitle(bare(texts[k]))));
      return t;
    };
    const recursAfter = (key: string, from: number) => {
      if (!byFirst) {
        byFirst = new Map();
        for (let k = 0; k < n; k++) {
          if (roles[k] !== LineRole.Prose) continue;
          const c = normalFirst(bare(texts[k]));
          const list = byFirst.get(c);
          if (list) list.push(k);
          else byFirst.set(c, [k]);
        }
      }
      const same = (k: number) => k >= from && normalOf(k) === key;
      // Lines filed under -1 may have any first unit, or none.
      if ((byFirst.get(-1) ?? []).some(same)) return true;
      return key.length > 0 && (byFirst.get(key.charCodeAt(0)) ?? []).some(same);
    };
    for (let i = 0; i < n; i++) {
      if (roles[i] !== LineRole.Prose) continue;
      const word = TOC_WORD.test(bare(texts[i]));
      const mk = matchMarker(bare(texts[i]));
      if (!word && !mk) continue;
      // Candidate entries: consecutive content lines that are headings or short titles.
      const entries: number[] = [];
      let j = word ? i + 1 : i;
      while (j < n) {
        if (!content(j)) {
          j++;
          continue;
        }
        if (roles[j] !== LineRole.Prose) break;
        const u = bare(texts[j]);
        const isEntry = u.length <= 80 && !/[。；;]$/.test(u) && !/。/.test(u) && (matchMarker(u) !== undefined || (word && titleLike(u.replace(PAGE_LEADER, ''))));
        if (!isEntry) break;
        // The body starts where the first entry comes again.
        if (entries.length && normalTitle(u) === normalTitle(bare(texts[entries[0]]))) break;
        entries.push(j);
        j++;
      }
      if (!entries.length) continue;
      const recurs = recursAfter(normalTitle(bare(texts[entries[0]])), j);
      if (word ? entries.length >= 1 && (recurs || entries.length >= 2) : entries.length >= 3 && recurs) {
        if (word) roles[i] = LineRole.Toc;
        for (const e of entries) roles[e] = LineRole.Toc;
        i = j - 1;
      } else if (!word) {
        i = Math.max(i, j - 1);
      }
    }
  }
}
