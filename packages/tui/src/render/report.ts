// The doctor report for people: grouped by actor (✓ / ! / ✗), one line of why per finding, and where to read more.
import {
  ACTORS,
  type Actor,
  type Finding,
  markOf,
  notCapturedLines,
  type Report,
  type ReportActor,
} from '@buildproxy/core';
import type { Style } from './style.js';

const ACTOR_NAMES: Record<Actor, string> = {
  client: 'client',
  runtime: 'runtime',
  builder: 'builder',
  run: 'run',
};

function mark(verdict: ReportActor['verdict'] | Finding['severity'], st: Style): string {
  const m = markOf(verdict);
  return st[m.colour](m.glyph);
}

function proxyLine(name: string, v: ReportActor['httpProxy'], st: Style): string {
  return v ? `${name} ${v.value} ${st.dim(`(${v.source})`)}` : `${name} ${st.dim('not set')}`;
}

export function renderReport(r: Report, st: Style): string {
  const out: string[] = [];
  const p = r.profile;
  out.push(st.bold('buildproxy doctor'));
  out.push(
    p.httpsProxy || p.httpProxy
      ? `Proxy: ${p.httpsProxy ?? p.httpProxy} ${st.dim(`(from ${p.source})`)}${p.noProxy.length ? `  NO_PROXY: ${p.noProxy.join(',')}` : ''}`
      : `Proxy: ${st.dim('none found — pass --proxy URL to check against the proxy you need')}`,
  );
  const d = r.docker;
  const engine =
    d.daemon === 'absent'
      ? 'docker not installed'
      : `Docker Engine ${d.engine ?? 'unknown'} (daemon ${d.daemon === 'up' ? 'running' : d.daemon})`;
  out.push(
    st.dim(
      `${engine}${d.desktop ? ', Docker Desktop' : ''}${d.rootless ? ', rootless' : ''}${d.buildx ? '' : d.daemon === 'absent' ? '' : ', no buildx'}`,
    ),
  );
  // Without buildx there is no `docker buildx build` to name a builder for.
  if (d.daemon !== 'absent')
    out.push(
      st.dim(
        d.buildx
          ? `docker build → "${r.builders.docker}", docker buildx build → "${r.builders.buildx}"`
          : `docker build → "${r.builders.docker}" (docker buildx build is not available)`,
      ),
    );
  if (r.analysedUser)
    out.push(
      st.dim(
        `Analysed user: ${r.analysedUser.name} (via sudo; ${r.analysedUser.env === 'recovered' ? 'environment read from the sudo process' : 'environment unknown'})`,
      ),
    );
  // Under --root without DIR/proc: the verdicts below rest on the tree's files alone, so say what was not seen.
  for (const line of notCapturedLines(r.notCaptured ?? [])) out.push(`${st.yellow('Not captured:')} ${line}`);
  if (r.builders.buildctl) out.push(st.dim(`buildctl build → ${r.builders.buildctl}`));
  if (r.builders.buildctlNote) out.push(st.dim(`  ${r.builders.buildctlNote}`));
  out.push('');
  for (const actor of ACTORS) {
    const a = r.actors[actor];
    if (a.status === 'absent' && r.findings.every((f) => f.actor !== actor)) continue;
    out.push(`${mark(a.verdict, st)} ${st.bold(ACTOR_NAMES[actor].padEnd(8))} ${a.label}`);
    if (a.status === 'known') {
      out.push(`    ${proxyLine('HTTPS_PROXY', a.httpsProxy, st)}`);
      if (a.httpProxy && a.httpProxy.value !== a.httpsProxy?.value)
        out.push(`    ${proxyLine('HTTP_PROXY', a.httpProxy, st)}`);
      if (a.noProxy) out.push(`    ${proxyLine('NO_PROXY', a.noProxy, st)}`);
    } else if (a.status === 'unknown' && !a.label.startsWith('no builder')) {
      // "no builder found" says it all; "could not be inspected" would contradict it
      out.push(`    ${st.dim('could not be inspected')}`);
    }
    for (const f of r.findings.filter((x) => x.actor === actor)) {
      out.push(`  ${mark(f.severity, st)} ${f.title}`);
      out.push(`      ${f.message}`);
      out.push(`      ${st.dim(`→ buildproxy explain ${f.rule}`)}`);
    }
    out.push('');
  }
  const n = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s).length;
  const errors = n('error');
  const warnings = n('warning');
  if (r.findings.length === 0) out.push(st.green('No problems found.'));
  else
    out.push(
      `${errors ? st.red(`${errors} error${errors > 1 ? 's' : ''}`) : '0 errors'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${n('info')} note${n('info') === 1 ? '' : 's'}.`,
    );
  if (errors) out.push(st.dim('Next: buildproxy plan — preview the config changes that fix the errors.'));
  return `${out.join('\n')}\n`;
}
