// A reading of a pasted error, as text: who asked, what went wrong, the fragment it was read from, the rules.
// Subpath imports: the doctor loads this with the analysis (dist/report.cjs), not with its probes.
import { redactAll } from '@buildproxy/core/proxy';
import type { ErrorReading } from '@buildproxy/core/report';
import { findRule } from '@buildproxy/core/report';
import type { Style } from './style.js';

export function renderReading(r: ErrorReading, st: Style): string {
  if (!r.recognised)
    return 'No known build-network failure in that text. Run buildproxy doctor to check every actor.\n';
  let out = `${st.bold(r.requester ?? 'unknown requester')}: ${r.title}${r.proxyProblem ? '' : ' (not a proxy problem)'}\n`;
  out += `  ${r.explanation}\n`;
  out += st.dim(`  read from: ${redactAll(r.excerpt)}\n`);
  for (const id of r.rules)
    out += `  → ${id}: ${findRule(id)?.title ?? ''}  ${st.dim(`(buildproxy explain ${id})`)}\n`;
  if (r.also.length) out += st.dim(`  also in the text: ${r.also.join(', ')}\n`);
  return out;
}
