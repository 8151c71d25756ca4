// A plan for people: each file as a coloured unified diff, each command with why / root / disruptive,
// the snippets, and which findings it resolves. Passwords are redacted everywhere here.
import { type Plan, redactAll, shQuote } from '@buildproxy/core';
import { structuredPatch } from 'diff';
import type { Style } from './style.js';

export function renderDiff(
  path: string,
  before: string | null,
  after: string,
  st: Style,
  removed = false,
): string {
  const to = removed ? '/dev/null' : path;
  const patch = structuredPatch(before === null ? '/dev/null' : path, to, before ?? '', after, '', '', {
    context: 3,
  });
  const out = [st.bold(`--- ${before === null ? '/dev/null' : path}`), st.bold(`+++ ${to}`)];
  for (const h of patch.hunks) {
    out.push(st.cyan(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`));
    for (const l of h.lines) {
      if (l.startsWith('\\')) continue;
      out.push(l.startsWith('+') ? st.green(l) : l.startsWith('-') ? st.red(l) : l);
    }
  }
  return out.join('\n');
}

export function commandText(argv: string[]): string {
  return argv.map(shQuote).join(' ');
}

/** A command as shown to a person: quoted for a shell, passwords redacted. */
export function shownCommand(argv: string[]): string {
  return redactAll(commandText(argv));
}

/** What apply will really do to the mode: a new file gets the plan's; an existing one keeps its own, except that a
 * file holding the credentials (0600) loses any group/other bits. */
function modeText(c: Plan['changes'][number]): string {
  if (c.remove) return 'removed (backed up first)';
  if (c.before === null) return `new, mode ${c.mode}`;
  if (c.mode === '0600') return 'mode 0600 (a looser mode is tightened: it holds the credentials)';
  return 'keeps its mode';
}

export function renderPlan(plan: Plan, st: Style): string {
  const out: string[] = [];
  if (plan.changes.length === 0 && plan.commands.length === 0 && plan.snippets.length === 0) {
    out.push(st.green('Nothing to change: the configuration already matches.'));
  }
  for (const c of plan.changes) {
    out.push(
      `${st.bold(c.path)}  ${st.dim(`${c.target}${c.needsRoot ? ', needs root' : ''}, ${modeText(c)}`)}`,
    );
    out.push(st.dim(`  ${c.why}${c.rules.length ? ` — fixes ${c.rules.join(', ')}` : ''}`));
    out.push(redactAll(renderDiff(c.path, c.before, c.after, st, c.remove === true)));
    out.push('');
  }
  if (plan.commands.length) {
    out.push(st.bold('Then run:'));
    for (const c of plan.commands) {
      const tags = [c.needsRoot ? 'needs root' : null, c.disruptive ? st.yellow('disruptive') : null]
        .filter(Boolean)
        .join(', ');
      out.push(`  ${c.needsRoot ? 'sudo ' : ''}${redactAll(commandText(c.argv))}`);
      out.push(st.dim(`      ${c.why}${tags ? ` [${tags}]` : ''}`));
    }
    out.push('');
  }
  for (const s of plan.snippets) {
    out.push(`${st.bold(s.title)} ${st.dim(`(${s.target})`)}`);
    out.push(
      redactAll(s.text)
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n'),
    );
    out.push('');
  }
  for (const r of plan.refused ?? []) out.push(st.yellow(`! ${r.target}: ${redactAll(r.reason)}`));
  if (plan.resolves) {
    const { now, afterCommands, remaining } = plan.resolves;
    if (now.length) out.push(`${st.green('Resolves once written:')} ${now.join(', ')}`);
    if (afterCommands.length)
      out.push(`${st.green('Resolves after the commands run:')} ${afterCommands.join(', ')}`);
    // a rule split by actor is said once: what is fixed for whom, and what its open finding still asks for
    for (const p of plan.resolves.partly ?? []) {
      const when = p.when === 'now' ? 'once written' : 'after the commands run';
      out.push(
        `${st.yellow('Partly resolved:')} ${p.rule}: fixed for ${p.fixed.join(', ')} ${when}; not for:`,
      );
      for (const o of p.open) out.push(`    ${o.actor}: ${redactAll(o.message)}`);
    }
    if (remaining.length)
      out.push(`${st.yellow('Still open:')} ${remaining.join(', ')} ${st.dim('(buildproxy explain RULE)')}`);
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The plan as JSON for a terminal or a pipe: secrets redacted (use -o FILE for an applicable plan). */
export function redactedPlanJson(plan: Plan): string {
  return redactAll(JSON.stringify(plan, null, 2));
}
