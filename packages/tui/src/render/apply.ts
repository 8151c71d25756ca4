// What an apply did, one line per file and per command: `buildproxy apply` prints these, and the wizard shows the
// same lines after "write" and "run the commands now".
import { redactAll } from '@buildproxy/core';
import type { ApplyResult } from '@buildproxy/core/node';
import { shownCommand } from './plan.js';
import type { Style } from './style.js';

/** Plan paths are untrusted text: control characters are shown escaped, never sent to the terminal. */
export function printable(s: string): string {
  return s.replace(/[\0-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const NOTE_INDENT = ' '.repeat(11);

export function changeLines(changes: ApplyResult['changes'], st: Style): string[] {
  const out: string[] = [];
  for (const c of changes) {
    const path = printable(c.path);
    // plan --remove: a removal says so
    if (c.status === 'written')
      out.push(
        `${st.green(c.removed ? 'removed' : 'wrote')}${c.removed ? '    ' : '      '}${path}${c.backup ? st.dim(`  (backup: ${printable(c.backup)})`) : ''}`,
      );
    else if (c.status === 'would-write')
      out.push(`${st.cyan(c.removed ? 'would remove' : 'would write')} ${path}`);
    else if (c.status === 'unchanged') out.push(`${st.dim('unchanged')}  ${path}`);
    else
      out.push(
        `${st.red('refused')}    ${path}: ${printable(c.reason)}${/since the plan/.test(c.reason) ? '; plan again with: buildproxy plan' : ''}`,
      );
    if ((c.status === 'written' || c.status === 'would-write') && c.notes)
      for (const n of c.notes) out.push(`${NOTE_INDENT}${st.yellow(n)}`);
  }
  return out;
}

export function commandLines(commands: ApplyResult['commands'], st: Style): string[] {
  return commands.map(({ command, as, result: r }) => {
    const text = `${command.needsRoot ? 'sudo ' : ''}${shownCommand(command.argv)}${as ? st.dim(` (as ${as})`) : ''}`;
    if (r === null)
      return `${st.dim('to run:')}     ${text}${command.disruptive ? st.yellow('  (disruptive)') : ''}`;
    if (r.exitCode === 0) return `${st.green('ran')}        ${text}`;
    const why = redactAll((r.stderr || r.error || `exit ${r.exitCode}`).trim().split('\n')[0] ?? '');
    return `${st.red('failed')}     ${text}: ${why}`;
  });
}
