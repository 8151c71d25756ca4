// The fleet report for people: the most common failures first (how many machines, which), then one row per
// machine with a mark per actor. Every name here was already made safe by core's merge (fleetText).
import { type FleetReport, markOf } from '@buildproxy/core/report';
import type { Style } from './style.js';

/** Machines named after a failure before "and N more": the table below lists every machine anyway. */
const NAMED = 8;

function mark(kind: string, st: Style): string {
  const m = markOf(kind);
  return st[m.colour](m.glyph);
}

export function renderFleet(r: FleetReport, st: Style): string {
  const out: string[] = [st.bold('buildproxy report')];
  const withErrors = r.machines.filter((m) => m.errors > 0).length;
  const withWarnings = r.machines.filter((m) => m.errors === 0 && m.warnings > 0).length;
  out.push(
    `${r.machines.length} machine${r.machines.length === 1 ? '' : 's'}: ${withErrors} with errors, ${withWarnings} with warnings only` +
      (r.skipped.length
        ? `; ${r.skipped.length} file${r.skipped.length === 1 ? '' : 's'} skipped (see above)`
        : ''),
  );
  out.push('', st.bold('Most common failures'));
  if (r.failures.length === 0) out.push(`  ${st.green('none')}`);
  for (const f of r.failures) {
    const names =
      f.machines.slice(0, NAMED).join(', ') +
      (f.machines.length > NAMED ? `, and ${f.machines.length - NAMED} more` : '');
    out.push(
      `  ${mark(f.severity, st)} ${f.rule} ${st.dim(`(${f.actor})`)}  ${f.machines.length}/${r.machines.length}  ${f.title}`,
      `      ${st.dim(names)}`,
    );
  }
  if (r.machines.length > 0) {
    const width = Math.min(40, Math.max(7, ...r.machines.map((m) => m.name.length)));
    const cols = r.actors.map((a) => Math.max(a.length, 1));
    out.push('', st.bold(['machine'.padEnd(width), ...r.actors, 'rules'].join('  ')));
    for (const m of r.machines) {
      const cells = r.actors.map((a, i) => {
        const v = m.actors[a];
        return (v ? mark(v, st) : st.dim('-')) + ' '.repeat(cols[i]! - 1);
      });
      const name = m.name.length > width ? `${m.name.slice(0, width - 1)}…` : m.name.padEnd(width);
      out.push([name, ...cells, m.rules.length ? m.rules.join(', ') : st.dim('none')].join('  '));
    }
  }
  return `${out.join('\n')}\n`;
}
