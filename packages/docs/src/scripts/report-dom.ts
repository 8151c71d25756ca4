// The doctor report as the CLI prints it (packages/tui/src/render/report.ts), built as DOM for the capture analyzer:
// the same lines in the same order (proxy header, engine, builders, per actor its proxy with where it came from,
// its findings, the summary), so the page and `buildproxy doctor --from` read alike. Every value came from a
// capture someone dropped here: it only ever becomes textContent, never markup.
import { ACTORS, type Finding, markOf, type Report, type ReportActor } from '@buildproxy/core';

type Kid = Node | string;
const el = (tag: string, props: Record<string, string> = {}, ...kids: Kid[]) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
};

const mark = (v: ReportActor['verdict'] | Finding['severity']) => {
  const { glyph, word } = markOf(v);
  return el('span', { class: `bp-mark bp-${word}`, title: word, 'aria-label': word }, glyph);
};
const dim = (s: string) => el('span', { class: 'bp-dim' }, s);
const proxyLine = (name: string, v: ReportActor['httpProxy']) =>
  el('li', {}, `${name} `, ...(v ? [v.value, ' ', dim(`(${v.source})`)] : [dim('not set')]));

export function reportDom(r: Report, rules = '/rules/'): HTMLElement {
  const p = r.profile;
  const d = r.docker;
  const head: Kid[] = [el('p', { class: 'bp-rh' }, el('strong', {}, 'buildproxy doctor'))];
  head.push(
    el(
      'p',
      {},
      ...(p.httpsProxy || p.httpProxy
        ? [
            `Proxy: ${p.httpsProxy ?? p.httpProxy} `,
            dim(`(from ${p.source})`),
            ...(p.noProxy.length ? [`  NO_PROXY: ${p.noProxy.join(',')}`] : []),
          ]
        : ['Proxy: ', dim('none found — pass --proxy URL to check against the proxy you need')]),
    ),
  );
  const engine =
    d.daemon === 'absent'
      ? 'docker not installed'
      : `Docker Engine ${d.engine ?? 'unknown'} (daemon ${d.daemon === 'up' ? 'running' : d.daemon})`;
  head.push(
    el(
      'p',
      { class: 'bp-dim' },
      `${engine}${d.desktop ? ', Docker Desktop' : ''}${d.rootless ? ', rootless' : ''}${d.buildx ? '' : d.daemon === 'absent' ? '' : ', no buildx'}`,
    ),
  );
  if (d.daemon !== 'absent')
    head.push(
      el(
        'p',
        { class: 'bp-dim' },
        `docker build → "${r.builders.docker}", docker buildx build → "${r.builders.buildx}"`,
      ),
    );
  const actors: Kid[] = [];
  for (const actor of ACTORS) {
    const a = r.actors[actor];
    if (a.status === 'absent' && r.findings.every((f) => f.actor !== actor)) continue;
    const lines: Node[] = [];
    if (a.status === 'known') {
      lines.push(proxyLine('HTTPS_PROXY', a.httpsProxy));
      if (a.httpProxy && a.httpProxy.value !== a.httpsProxy?.value)
        lines.push(proxyLine('HTTP_PROXY', a.httpProxy));
      if (a.noProxy) lines.push(proxyLine('NO_PROXY', a.noProxy));
    } else if (a.status === 'unknown') lines.push(el('li', {}, dim('could not be inspected')));
    const findings = r.findings
      .filter((x) => x.actor === actor)
      .map((f) =>
        el(
          'li',
          { 'data-rule': f.rule },
          mark(f.severity),
          ` ${f.title}`,
          el('br'),
          f.message,
          el('br'),
          '→ ',
          el('a', { href: `${rules}${encodeURIComponent(f.rule)}/` }, `buildproxy explain ${f.rule}`),
        ),
      );
    actors.push(
      el(
        'section',
        { class: 'bp-actor', 'data-actor': actor },
        el('h3', {}, mark(a.verdict), ' ', actor, ' ', el('span', { class: 'bp-label' }, a.label)),
        ...(lines.length ? [el('ul', { class: 'bp-proxies' }, ...lines)] : []),
        ...(findings.length ? [el('ul', { class: 'bp-findings' }, ...findings)] : []),
      ),
    );
  }
  const n = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s).length;
  const errors = n('error');
  const warnings = n('warning');
  const summary =
    r.findings.length === 0
      ? 'No problems found.'
      : `${errors ? `${errors} error${errors > 1 ? 's' : ''}` : '0 errors'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${n('info')} note${n('info') === 1 ? '' : 's'}.`;
  const tail: Kid[] = [el('p', { class: 'bp-summary' }, summary)];
  if (errors)
    tail.push(
      el('p', { class: 'bp-dim' }, 'Next: buildproxy plan — preview the config changes that fix the errors.'),
    );
  return el('div', { class: 'bp-report' }, ...head, ...actors, ...tail);
}
