// What the wizard leaves in the scrollback once its screens are gone: plain text, complete and copyable. Print
// mode's files in full; after a write, the files written, the one line to run next and the rollback command.
// Secrets stay masked (with a note where to put them back) unless --reveal was given on a terminal, and only here.
import { type Plan, proxyShPath, redactAll, shQuote } from '@buildproxy/core';
import { commandText } from '../render/plan.js';
import type { ActOutcome, Ending } from './state.js';

export interface FinalInput {
  ended: Ending;
  plan: Plan | null;
  outcome: ActOutcome | null;
  commandsRun: boolean;
  buildCommand: string;
  root?: string;
  planFile: string;
  outDir: string;
  /** print mode's block shows passwords: --reveal, and stdout is a terminal (checked by the caller) */
  reveal: boolean;
}

const MASK_NOTE =
  'Passwords are shown as ***: put yours back where *** stands before you save, or run the wizard again with ' +
  '--reveal to print them (on a terminal only).';

/**
 * Whether every command of the plan ran and succeeded, from the lines runCommands returned ("ran …" each). After a
 * failure apply stops, so the rest did not run: the final block must print them all again, not only the build.
 */
export function commandsDone(lines: string[], plan: Plan): boolean {
  return lines.filter((l) => l.startsWith('ran')).length >= plan.commands.length;
}

/** The commands the plan still needs, joined for one paste, ending with the build. */
export function nextLine(plan: Plan, commandsRun: boolean, buildCommand: string): string {
  const cmds = commandsRun
    ? []
    : plan.commands.map((c) => `${c.needsRoot ? 'sudo ' : ''}${commandText(c.argv)}`);
  return [...cmds, buildCommand.trim().replace(/\s*\n\s*/g, ' ') || 'docker build .'].join(' && ');
}

function rootFlag(root: string | undefined): string {
  return root ? ` --root ${shQuote(root)}` : '';
}

/** The doctor for the same machine: under --root, the same tree. */
export function doctorCommand(root: string | undefined): string {
  return `buildproxy doctor${rootFlag(root)}`;
}

/** The command that applies a saved plan: one spelling for the act screen's label, the save's lines and this block. */
export function applyCommand(planFile: string, root: string | undefined): string {
  return `sudo buildproxy apply ${shQuote(planFile)}${rootFlag(root)}`;
}

export function finalBlock(i: FinalInput): string {
  const mask = (t: string) => (i.reveal ? t : redactAll(t));
  if (i.ended === 'cancelled') {
    const w = i.outcome?.written ?? [];
    return w.length
      ? `Cancelled. Already written: ${w.join(', ')}\nUndo: ${undoLine(i)}\n`
      : 'Cancelled — nothing written.\n';
  }
  if (i.ended === 'no-proxy-needed')
    return (
      'No proxy needed: nothing written.\n' +
      'If a build later fails on the network, read its error with: docker build . 2>&1 | buildproxy why\n'
    );
  const { plan, outcome } = i;
  if (!plan || !outcome) return '';
  const out: string[] = [];
  if (outcome.choice === 'print') {
    out.push('# buildproxy: nothing was written. Save each file at the path on its # line.', '');
    for (const c of plan.changes) {
      out.push(`# ${c.path}${c.needsRoot ? '  (needs root: sudo)' : ''}  mode ${c.mode}`);
      out.push(...mask(c.after).trimEnd().split('\n'), '');
    }
    if (plan.commands.length) {
      out.push('# then run');
      for (const c of plan.commands) out.push(`${c.needsRoot ? 'sudo ' : ''}${mask(commandText(c.argv))}`);
      out.push('');
    }
    for (const sn of plan.snippets) out.push(`# ${sn.title}`, ...mask(sn.text).trimEnd().split('\n'), '');
    if (plan.changes.some((c) => c.target === 'client-shell'))
      out.push(
        `# your shell, once ${proxyShPath('~')} is saved: open a new terminal, or run`,
        `. ${proxyShPath('~')}`,
        '',
      );
    const text = out.join('\n');
    return `${text}\n${!i.reveal && hasMask(plan) ? `${MASK_NOTE}\n` : ''}`;
  }
  if (outcome.choice === 'write' && outcome.ok) {
    if (outcome.written?.length) out.push('Files written:', ...outcome.written.map((p) => `  ${p}`));
    if (outcome.backups.length) out.push('Backups:', ...outcome.backups.map((p) => `  ${p}`));
    out.push('', 'Next, copy and run:', `  ${redactAll(nextLine(plan, i.commandsRun, i.buildCommand))}`);
    out.push(`Roll back: ${undoLine(i)}`);
  } else if (outcome.choice === 'save' && outcome.ok) {
    out.push(`Apply:     ${applyCommand(i.planFile, i.root)}`);
    out.push(`Roll back: sudo buildproxy undo ${shQuote(i.planFile)}${rootFlag(i.root)}`);
  } else if (outcome.choice === 'folder' && outcome.ok) {
    out.push(`The files are under ${i.outDir}: copy each into place (same path below that folder).`);
    if (plan.commands.length) out.push('Then run:', `  ${redactAll(nextLine(plan, false, i.buildCommand))}`);
  } else out.push(...outcome.lines.map((l) => redactAll(l)));
  out.push(`Check again any time with: ${doctorCommand(i.root)}`);
  return `${out.join('\n')}\n`;
}

/** A plan whose files or commands carry a password: the masked block needs the note. */
function hasMask(plan: Plan): boolean {
  const all = [
    ...plan.changes.map((c) => c.after),
    ...plan.commands.map((c) => commandText(c.argv)),
    ...plan.snippets.map((s) => s.text),
  ].join('\n');
  return redactAll(all) !== all;
}

function undoLine(i: FinalInput): string {
  const root = !i.root && (i.plan?.changes.some((c) => c.needsRoot) ?? false);
  return `${root ? 'sudo ' : ''}buildproxy undo --last${rootFlag(i.root)}`;
}
