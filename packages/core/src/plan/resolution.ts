// Which findings a plan resolves, said once per rule. A rule is counted per finding (rule + message), so one rule
// can be fixed for some actors and stay open for another: `plan --ca-cert` fixes tls-inspection-ca for the host
// store and the builder, while its RUN finding stays open because only the user's Dockerfile can fix it. Such a rule
// used to be listed as both "resolves" and "still open"; it now goes to `partly`, with the actors on each side and
// what the open finding asks for, and to no other list.
import type { Actor } from '../analyze/types.js';
import type { Finding } from '../rules/types.js';
import type { PartialResolution, Plan } from './types.js';

type Resolves = NonNullable<Plan['resolves']>;

const key = (f: Finding) => `${f.rule}\0${f.message}`;

/**
 * before: the findings now; afterFiles: with the plan's files written; afterAll: with its commands run too.
 * A finding is open when it is still there after everything, or new and not informational.
 */
export function resolution(before: Finding[], afterFiles: Finding[], afterAll: Finding[]): Resolves {
  const filesSet = new Set(afterFiles.map(key));
  const allSet = new Set(afterAll.map(key));
  const beforeSet = new Set(before.map(key));
  const fixed = before.filter((f) => !allSet.has(key(f)));
  const open = afterAll.filter((f) => beforeSet.has(key(f)) || f.severity !== 'info');
  const rules = [...new Set([...fixed, ...open].map((f) => f.rule))];
  const out: Resolves = { now: [], afterCommands: [], remaining: [] };
  const partly: PartialResolution[] = [];
  for (const rule of rules) {
    const done = fixed.filter((f) => f.rule === rule);
    const left = open.filter((f) => f.rule === rule);
    // fully resolved only once the commands ran if any of its findings waits for them
    const when = done.some((f) => filesSet.has(key(f))) ? 'afterCommands' : 'now';
    if (!left.length) out[when].push(rule);
    else if (!done.length) out.remaining.push(rule);
    else
      partly.push({
        rule,
        fixed: actorsOf(done),
        when,
        open: left.map((f) => ({ actor: f.actor, message: f.message })),
      });
  }
  if (partly.length) out.partly = partly;
  return out;
}

function actorsOf(fs: Finding[]): Actor[] {
  return [...new Set(fs.map((f) => f.actor))];
}
