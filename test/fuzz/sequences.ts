/**
 * Random sessions against the real server: documents opened, edited (incremental ranges that
 * overlap, run past the end or backwards, full replacements), reopened, and asked for hover,
 * completion, code actions and commands, one at a time or in bursts that do not wait for answers.
 * Every request must be answered (a result, or for a command a RequestFailed error) within a
 * deadline, the server must stay up, and at the end what the server says about each document
 * must equal what a fresh server says about the reference copy: the client's TextDocument, to
 * which every change was applied with TextDocument.update.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LSPErrorCodes } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Hover, Position, PublishDiagnosticsParams, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { Commands, ServerCommands } from '../../shared/src/protocol';
import type { TestClient } from '../server/lspClient';
import { anyDraft, fraction, SMALL, type DraftSizes } from './drafts';

/** A position as a fraction of the document (resolved when the step runs) or as raw line/character, in range or not. */
export type Where = { frac: number } | { line: number; character: number };

export type Step =
  | { op: 'change'; doc: number; edits: ({ from: Where; to: Where; text: string } | { text: string })[] }
  | { op: 'reopen'; doc: number; text: string }
  | { op: 'hover' | 'completion'; doc: number; at: Where }
  | { op: 'codeAction'; doc: number; from: Where; to: Where }
  | { op: 'command'; doc: number; at: Where; command: string; id: string; side: number | string; heading?: number };

export interface Session {
  /** Initial texts and languages of the documents. */
  docs: { text: string; language: 'plaintext' | 'markdown' }[];
  /** Steps; an inner array is a burst, sent without waiting for answers in between. */
  steps: (Step | Step[])[];
}

const where: fc.Arbitrary<Where> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ frac: fraction }) },
  {
    weight: 1,
    arbitrary: fc.record({
      line: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(-1, 10_000, 2 ** 31 - 1)),
      character: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constantFrom(-1, 100_000)),
    }),
  },
);

const COMMANDS = [Commands.insertRelationshipSection, Commands.insertSideParagraph, ServerCommands.insertRelationshipSection, 'policyReview.nope'];

/** Sessions over `docCount` documents with up to `maxSteps` steps. */
export function sessions(terms: string[], ids: string[], docCount: number, maxSteps: number, sizes: DraftSizes = SMALL): fc.Arbitrary<Session> {
  const text = anyDraft(terms, sizes);
  const small = anyDraft(terms, { maxPieces: 8, maxLines: 3, maxRepeat: 60 });
  const doc = fc.integer({ min: 0, max: docCount - 1 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        op: fc.constant('change' as const),
        doc,
        edits: fc.array(fc.oneof({ weight: 9, arbitrary: fc.record({ from: where, to: where, text: small }) }, { weight: 1, arbitrary: fc.record({ text }) }), { minLength: 1, maxLength: 4 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('reopen' as const), doc, text }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('hover' as const, 'completion' as const), doc, at: where }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('codeAction' as const), doc, from: where, to: where }) },
    {
      weight: 2,
      arbitrary: fc.record(
        {
          op: fc.constant('command' as const),
          doc,
          at: where,
          command: fc.constantFrom(...COMMANDS),
          id: fc.constantFrom(...ids, 'no-such-relationship'),
          side: fc.constantFrom(0, 1, 2, '1', '数据安全'),
          heading: fc.integer({ min: -1, max: 30 }),
        },
        { requiredKeys: ['op', 'doc', 'at', 'command', 'id', 'side'] },
      ),
    },
  );
  return fc.record({
    docs: fc.array(fc.record({ text, language: fc.constantFrom('plaintext' as const, 'markdown' as const) }), { minLength: docCount, maxLength: docCount }),
    steps: fc.array(fc.oneof({ weight: 4, arbitrary: step }, { weight: 1, arbitrary: fc.array(step, { minLength: 2, maxLength: 6 }) }), { minLength: maxSteps >> 1, maxLength: maxSteps, size: 'max' }),
  });
}

let sessionCount = 0;

/** What one session tried, for the fuzz report. */
export interface SessionStats {
  requests: number;
  changes: number;
  commandErrors: number;
}

function position(d: TextDocument, w: Where): Position {
  return 'frac' in w ? d.positionAt(Math.floor(w.frac * (d.getText().length + 1))) : { line: w.line, character: w.character };
}

/** Whether an LSP range names real places of the document as the client has it, start before end. */
function inside(c: TestClient, uri: string, r: Range): boolean {
  const d = c.doc(uri);
  const real = (p: Position) =>
    p.line >= 0 && p.line < d.lineCount && p.character >= 0 && p.character <= d.offsetAt({ line: p.line, character: Number.MAX_SAFE_INTEGER }) - d.offsetAt({ line: p.line, character: 0 });
  return real(r.start) && real(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

/**
 * Runs one step and returns the promise of its answer, checked. `settled` says whether no other
 * step is in flight, so that ranges in the answer can be checked against the reference copy.
 */
function run(c: TestClient, uris: string[], languages: string[], s: Step, settled: boolean, stats: SessionStats, timeoutMs: number): Promise<unknown> {
  const uri = uris[s.doc];
  const textDocument = { uri };
  switch (s.op) {
    case 'change': {
      stats.changes++;
      // Each edit's positions are resolved against the text the edits before it left, as an editor computes them.
      let tmp = TextDocument.create(uri, 'plaintext', 0, c.text(uri));
      const events: TextDocumentContentChangeEvent[] = [];
      for (const e of s.edits) {
        const event = 'from' in e ? { range: { start: position(tmp, e.from), end: position(tmp, e.to) }, text: e.text } : { text: e.text };
        events.push(event);
        TextDocument.update(tmp, [event], 1);
        tmp = TextDocument.create(uri, 'plaintext', 0, tmp.getText());
      }
      return c.change(uri, events);
    }
    case 'reopen':
      stats.changes++;
      // Closed and opened again at once (a burst may hold other steps on it); versions keep growing.
      const version = c.version(uri) + 1;
      return Promise.all([c.close(uri), c.open(uri, s.text, languages[s.doc], version)]);
    case 'hover':
    case 'completion': {
      stats.requests++;
      const method = s.op === 'hover' ? 'textDocument/hover' : 'textDocument/completion';
      return c.request<Hover | CompletionItem[] | CompletionList | null>(method, { textDocument, position: position(c.doc(uri), s.at) }, timeoutMs).then((r) => {
        if (s.op === 'hover') {
          const h = r as Hover | null;
          assert.ok(h === null || typeof h.contents === 'object', 'hover: null or a Hover');
          if (settled && h?.range) assert.ok(inside(c, uri, h.range), `hover range ${JSON.stringify(h.range)} inside the document`);
        } else {
          const items = Array.isArray(r) ? r : (r as CompletionList | null)?.items;
          assert.ok(Array.isArray(items), 'completion: a list');
          if (settled) {
            for (const it of items) {
              const te = it.textEdit;
              if (te && 'range' in te) assert.ok(inside(c, uri, te.range), `completion edit ${JSON.stringify(te.range)} inside the document`);
            }
          }
        }
      });
    }
    case 'codeAction': {
      stats.requests++;
      const range = { start: position(c.doc(uri), s.from), end: position(c.doc(uri), s.to) };
      const latest = [...c.diagnostics].reverse().find((p) => p.uri === uri);
      const version = c.version(uri);
      return c.request<CodeAction[]>('textDocument/codeAction', { textDocument, range, context: { diagnostics: latest?.diagnostics ?? [] } }, timeoutMs).then((actions) => {
        assert.ok(Array.isArray(actions), 'codeAction: a list');
        if (!settled) return;
        for (const a of actions) {
          for (const ch of a.edit?.documentChanges ?? []) {
            if (!('textDocument' in ch)) continue;
            assert.equal(ch.textDocument.version, version, `code action “${a.title}” names the current version`);
            for (const e of ch.edits) assert.ok(inside(c, uri, (e as { range: Range }).range), `code action “${a.title}” edits inside the document`);
          }
        }
      });
    }
    case 'command': {
      stats.requests++;
      const args =
        s.command === Commands.insertSideParagraph ? [uri, s.id, s.side, ...(s.heading === undefined ? [] : [s.heading])] : [uri, position(c.doc(uri), s.at), s.id];
      return c.request<null>('workspace/executeCommand', { command: s.command, arguments: args }, timeoutMs).then(
        (r) => assert.equal(r, null, 'a command answers null once applied'),
        (err: unknown) => {
          // A refusal (unknown id, document changed, nothing to insert) is a RequestFailed error with a message.
          // (Duck-typed: the client's vscode-jsonrpc may be another copy than the protocol package's.)
          const e = err as { code?: unknown; message?: unknown };
          if (e.code === LSPErrorCodes.RequestFailed && typeof e.message === 'string' && e.message) {
            stats.commandErrors++;
            return;
          }
          throw err;
        },
      );
    }
  }
}


/** What a server says about one document: diagnostics, symbols, folding ranges, coverage, hovers. */
async function observe(c: TestClient, uri: string, version: number, timeoutMs: number): Promise<unknown> {
  const pub: PublishDiagnosticsParams = await c.waitForDiagnostics(uri, version, timeoutMs);
  const textDocument = { uri };
  const diagnostics = pub.diagnostics.map((d) => ({ ...d, data: { ...(d.data as object), version: undefined } }));
  const symbols = await c.request('textDocument/documentSymbol', { textDocument }, timeoutMs);
  const folding = await c.request('textDocument/foldingRange', { textDocument }, timeoutMs);
  const coverage = { ...(await c.request<{ version: number }>('policyReview/coverage', textDocument, timeoutMs)), version: undefined };
  const d = c.doc(uri);
  const hovers = [];
  for (let k = 0; k < 6; k++) hovers.push(await c.request('textDocument/hover', { textDocument, position: d.positionAt(Math.floor((k / 5) * d.getText().length)) }, timeoutMs));
  return { lineCount: d.lineCount, diagnostics, symbols, folding, coverage, hovers };
}

/**
 * Plays a session on `c`, then compares each document with the same text opened fresh on `ref`.
 * Throws on the first request that fails or times out, on a server that exits, or on a document
 * the server sees otherwise than the reference copy.
 */
export async function playSession(c: TestClient, ref: TestClient, s: Session, timeoutMs = 10_000): Promise<SessionStats> {
  const n = ++sessionCount;
  const uris = s.docs.map((d, i) => `untitled:session-${n}-${i}.${d.language === 'markdown' ? 'md' : 'txt'}`);
  const languages = s.docs.map((d) => d.language);
  const stats: SessionStats = { requests: 0, changes: 0, commandErrors: 0 };
  for (const [i, d] of s.docs.entries()) await c.open(uris[i], d.text, d.language);
  for (const step of s.steps) {
    if (Array.isArray(step)) await Promise.all(step.map((x) => run(c, uris, languages, x, false, stats, timeoutMs)));
    else await run(c, uris, languages, step, true, stats, timeoutMs);
    assert.ok(!c.exited, `the server is still running\n${c.stderr}`);
  }
  for (const uri of uris) {
    const text = c.text(uri);
    const language = languages[uris.indexOf(uri)];
    await ref.open(uri, text, language);
    const mine = await observe(c, uri, c.version(uri), timeoutMs);
    const theirs = await observe(ref, uri, 1, timeoutMs);
    await ref.close(uri);
    await c.close(uri);
    assert.deepEqual(mine, theirs, `${uri}: the server's document after the session equals the reference copy`);
  }
  return stats;
}

/** Log lines that say a handler or an analysis failed (slow analyses are logged too, and are no failure). */
export function failures(c: TestClient): string[] {
  return c.logs.filter((l) => l.type === 1 && !/分析耗时|Analysis took/.test(l.message)).map((l) => l.message);
}
