// What every target generator receives, and the small helpers they share.

import type { Profile, State } from '../analyze/types.js';
import type { Evidence } from '../evidence/schema.js';
import { lineColumn, parseStrictJson } from '../formats/json-file.js';
import { findRule } from '../rules/index.js';
import type { Finding } from '../rules/types.js';
import type { Target } from '../targets.js';
import type { TargetDeclaration } from './declare.js';
import { jsonEditProblem } from './json-edit.js';
import type { FileChange, PlanCommand, PlanSnippet, TargetResult } from './types.js';

export interface ProxyValues {
  http: string;
  https: string;
  noProxy: string[];
}

export interface PlanContext {
  state: State;
  profile: Profile;
  evidence: Evidence;
  proxy: ProxyValues;
  findings: Finding[];
  /** current content of a file as planned so far (earlier targets' edits included); undefined: not captured */
  read(path: string): string | null | undefined;
}

/**
 * One plan target, in plan/targets/<id>.ts: its generator, and the place to declare what it may produce on a
 * machine (the paths, modes and commands apply will accept from it).
 */
export interface TargetDefinition<T extends Target = Target> {
  id: T;
  generate(ctx: PlanContext, target: T): TargetResult;
  /** what apply accepts from a plan file for this target (declare.ts) */
  declares: TargetDeclaration;
}

export function rulesFor(ctx: PlanContext, target: Target): string[] {
  return [
    ...new Set(ctx.findings.filter((f) => findRule(f.rule)?.targets.includes(target)).map((f) => f.rule)),
  ];
}

/** The six variables, both cases, in the order they are written everywhere. */
export function proxyVars(p: ProxyValues): [string, string][] {
  const no = p.noProxy.join(',');
  return [
    ['HTTP_PROXY', p.http],
    ['HTTPS_PROXY', p.https],
    ['NO_PROXY', no],
    ['http_proxy', p.http],
    ['https_proxy', p.https],
    ['no_proxy', no],
  ];
}

export function change(
  ctx: PlanContext,
  c: Omit<FileChange, 'before' | 'rules'> & { rules?: string[] },
): FileChange | null {
  const before = ctx.read(c.path) ?? null;
  if (before === c.after) return null;
  return { ...c, before, rules: c.rules ?? rulesFor(ctx, c.target) };
}

export function ok(
  changes: (FileChange | null)[],
  commands: PlanCommand[] = [],
  snippets: PlanSnippet[] = [],
): TargetResult {
  return { ok: true, changes: changes.filter((c): c is FileChange => c !== null), commands, snippets };
}

export function refuse(reason: string): TargetResult {
  return { ok: false, reason };
}

export const HEADER = '# Written by buildproxy. Check with: buildproxy doctor';

/**
 * A JSON file that does not parse, or that an edit along `edits` could not change safely (top level not an object,
 * duplicate keys, wrong types), is never rewritten: the reason to refuse with line:column, or null when it is fine.
 */
export function malformedJson(
  path: string,
  text: string | null,
  edits: readonly (readonly string[])[] = [],
): string | null {
  if (text === null) return null;
  const parsed = parseStrictJson(path, text);
  if (!parsed.ok) {
    const e = parsed.error;
    return `${path}:${e.line}:${e.column}: ${e.message} — fix the file first; buildproxy never rewrites a file it cannot parse`;
  }
  for (const edit of edits) {
    const problem = jsonEditProblem(text, edit);
    if (!problem) continue;
    const { line, column } = lineColumn(text, problem.offset);
    return `${path}:${line}:${column}: ${problem.message} — fix the file first; buildproxy never rewrites a file it cannot edit safely`;
  }
  return null;
}
