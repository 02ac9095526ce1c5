/**
 * Server-side commands. Both insert text through workspace/applyEdit with a versioned
 * WorkspaceEdit: if the document changed since the edit was planned, the client refuses it and
 * the command fails with a message instead of overwriting anything.
 */
import { t } from '../../shared/src/lang';
import {
  LSPErrorCodes,
  ResponseError,
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type Position,
} from 'vscode-languageserver';
import { planSectionInsertion, planSideParagraph, type TextEditPlan } from '../../core/src';
import type { RelationshipDef } from '../../core/src/types';
import { Commands, ServerCommands } from '../../shared/src/protocol';
import { toOffset } from '../../shared/src/positions';
import type { Outcome, Snapshot } from './analysis';
import { versionedEdit } from './edits';
import { isRelationship, sectionTitle } from './labels';

export interface CommandDeps {
  current(uri: string): Promise<Outcome | undefined>;
  applyEdit(params: ApplyWorkspaceEditParams): Promise<ApplyWorkspaceEditResult>;
}

/**
 * Command ids the server advertises. A client that registers its own palette commands under the
 * public ids (the VS Code client) asks for the server-only ids instead, so the two never clash.
 */
export function advertisedCommands(clientHandlesCommands: boolean): string[] {
  return clientHandlesCommands
    ? [ServerCommands.insertRelationshipSection, ServerCommands.insertSideParagraph]
    : [Commands.insertRelationshipSection, Commands.insertSideParagraph];
}

function fail(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

function isPosition(v: unknown): v is Position {
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger((v as Position).line) &&
    Number.isInteger((v as Position).character)
  );
}

async function reviewed(deps: CommandDeps, uri: unknown): Promise<Snapshot> {
  if (typeof uri !== 'string') throw fail(t('缺少文档 URI', 'Missing document URI'));
  const outcome = await deps.current(uri);
  if (!outcome) throw fail(t(`文档未打开：${uri}`, `Document not open: ${uri}`));
  if (outcome.kind !== 'reviewed') {
    throw fail(outcome.message || t(`该文档不在审校范围内：${uri}`, `This document is not reviewed: ${uri}`));
  }
  return outcome;
}

async function apply(deps: CommandDeps, snap: Snapshot, plans: TextEditPlan[], label: string): Promise<null> {
  if (!plans.length) throw fail(t(`没有可插入的内容：${label}`, `Nothing to insert: ${label}`));
  let result: ApplyWorkspaceEditResult;
  try {
    result = await deps.applyEdit({ label, edit: versionedEdit(snap, plans) });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw fail(t(`编辑器未能执行插入：${detail}`, `The editor could not apply the insertion: ${detail}`));
  }
  if (!result.applied) {
    const reason = result.failureReason ? `：${result.failureReason}` : '';
    throw fail(
      t(
        `未能插入，文档可能已被修改或编辑器拒绝了修改，请重试${reason}`,
        `Could not insert: the document may have changed or the editor refused the edit; try again${result.failureReason ? `: ${result.failureReason}` : ''}`,
      ),
    );
  }
  return null;
}

/** [uri, position, relationshipId]: inserts a whole section after the section at position. */
async function insertRelationshipSection(deps: CommandDeps, args: unknown[]): Promise<null> {
  const [uri, position, id] = args;
  const snap = await reviewed(deps, uri);
  if (!isPosition(position)) throw fail(t('参数 position 无效', 'Invalid argument: position'));
  if (typeof id !== 'string') throw fail(t('缺少关系标识', 'Missing relationship id'));
  const def = snap.analyzer.find(id);
  if (!def) throw fail(t(`未知的关系：${id}`, `Unknown relationship: ${id}`));
  const plans = planSectionInsertion(snap.text, snap.result, def, toOffset(snap.doc, position), snap.language === 'markdown');
  return apply(deps, snap, plans, t(`插入“${sectionTitle(def)}”`, `Insert “${sectionTitle(def)}”`));
}

function sideIndex(def: RelationshipDef, side: unknown): 0 | 1 | undefined {
  if (side === 0 || side === 1) return side;
  if (side === '0' || side === '1') return side === '0' ? 0 : 1;
  if (typeof side === 'string') {
    const i = def.sides.findIndex((s) => s.label === side);
    if (i === 0 || i === 1) return i;
  }
  return undefined;
}

/** [uri, relationshipId, side, headingIndex?] (or [uri, position, relationshipId, side]). */
async function insertSideParagraph(deps: CommandDeps, args: unknown[]): Promise<null> {
  const [uri, ...rest] = args;
  const [id, side, heading] = isPosition(rest[0]) ? rest.slice(1) : rest;
  const snap = await reviewed(deps, uri);
  if (typeof id !== 'string') throw fail(t('缺少关系标识', 'Missing relationship id'));
  const def = snap.analyzer.find(id);
  if (!def || !isRelationship(def)) throw fail(t(`未知的关系：${id}`, `Unknown relationship: ${id}`));
  const s = sideIndex(def, side);
  if (s === undefined) throw fail(t('参数 side 应为 0 或 1', 'Argument side must be 0 or 1'));
  let h: number | undefined;
  if (heading !== undefined && heading !== null) {
    if (!Number.isInteger(heading) || (heading as number) < 0 || (heading as number) >= snap.result.outline.length) {
      throw fail(t(`标题序号无效：${String(heading)}`, `Invalid heading index: ${String(heading)}`));
    }
    h = heading as number;
  }
  const plans = planSideParagraph(snap.text, snap.result, def, s, h);
  const label = def.sides[s].label;
  return apply(deps, snap, plans, t(`补充“${label}”段落`, `Add a paragraph on ${label}`));
}

function run(deps: CommandDeps, command: string, args: unknown[]): Promise<null> {
  switch (command) {
    case Commands.insertRelationshipSection:
    case ServerCommands.insertRelationshipSection:
      return insertRelationshipSection(deps, args);
    case Commands.insertSideParagraph:
    case ServerCommands.insertSideParagraph:
      return insertSideParagraph(deps, args);
    default:
      throw fail(t(`未知命令：${command}`, `Unknown command: ${command}`));
  }
}

/**
 * Runs a command by either of its ids. Resolves to null once the client applied the edit; any
 * failure, expected or not, reaches the client as a ResponseError with a bilingual message.
 */
export async function executeCommand(
  deps: CommandDeps & { log(message: string): void },
  command: string,
  args: unknown[] | undefined,
): Promise<null> {
  try {
    return await run(deps, command, args ?? []);
  } catch (err) {
    if (err instanceof ResponseError) throw err;
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    const brief = err instanceof Error ? err.message : String(err);
    deps.log(t(`命令 ${command} 出错：${detail}`, `Command ${command} failed: ${detail}`));
    throw fail(t(`命令执行出错（见输出日志）：${brief}`, `The command failed (see the output log): ${brief}`));
  }
}
