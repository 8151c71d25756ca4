import { type MsgRef, msg } from '../../messages/ref.js';
import { parseCIDR, parseIP } from '../../proxy/ip.js';
import { distinctValues } from '../layer-values.js';
import type { Rule } from '../types.js';
import { EVERY_LAYER } from '../util.js';

/** Problems with a NO_PROXY value, each as text and as a typed message; `forCurl` adds the entries curl (RUN
 * steps) never matches. */
export function noProxyProblems(value: string, forCurl: boolean): { text: string; msg: MsgRef }[] {
  const problems: { text: string; msg: MsgRef }[] = [];
  const add = (text: string, m: MsgRef) => problems.push({ text, msg: m });
  if (/^["']|["']$/.test(value.trim()))
    add(
      'the value is wrapped in quotes, which become part of the first and last entries',
      msg('no-proxy.quoted', {}),
    );
  if (value.includes(';'))
    add('";" is not a separator: Go splits on commas only', msg('no-proxy.semicolon', {}));
  for (const raw of value.split(',')) {
    const e = raw.trim().replace(/^["']|["']$/g, '');
    if (e === '') continue;
    if (/\s/.test(e)) {
      add(
        `"${e}" contains a space: Go splits on commas only, so this is one entry that never matches`,
        msg('no-proxy.space', { entry: e }),
      );
      continue;
    }
    if (/^[a-z]+:\/\//i.test(e))
      add(`"${e}" has a scheme: entries are host names, IPs or CIDRs`, msg('no-proxy.scheme', { entry: e }));
    else if (e.includes('/') && !parseCIDR(e.toLowerCase()))
      add(`"${e}" is not a valid CIDR or host`, msg('no-proxy.cidr', { entry: e }));
    else if (/\*/.test(e) && e !== '*' && !e.startsWith('*.')) {
      add(
        `"${e}" uses a wildcard that Go does not expand; write a CIDR (10.0.0.0/8) or a domain suffix (.corp)`,
        msg('no-proxy.wildcard', { entry: e }),
      );
    } else if (forCurl && e.startsWith('*.')) {
      add(
        `"${e}": curl in RUN steps does not expand "*."; write "${e.slice(1)}"`,
        msg('no-proxy.curl-wildcard', { entry: e, fixed: e.slice(1) }),
      );
    } else if (forCurl && /:\d+$/.test(e) && !parseIP(e)) {
      add(
        `"${e}": curl in RUN steps ignores entries with a port; list the host without it`,
        msg('no-proxy.curl-port', { entry: e }),
      );
    }
  }
  return problems;
}

export const noProxySyntax: Rule = {
  id: 'no-proxy-syntax',
  title: 'NO_PROXY has entries that never match',
  severity: 'warning',
  actor: 'builder',
  summary:
    'Spaces, semicolons, schemes or mid-string wildcards in NO_PROXY produce entries that match nothing, so the bypass silently does not happen.',
  targets: EVERY_LAYER,
  references: [
    {
      title: 'docker/buildx#1380: commas in --driver-opt env.no_proxy',
      url: 'https://github.com/docker/buildx/issues/1380',
    },
    {
      title: 'GitLab: We need to talk: Can we standardize NO_PROXY?',
      url: 'https://about.gitlab.com/blog/2021/01/27/we-need-to-talk-no-proxy/',
    },
  ],
  check(state) {
    return distinctValues(state, ['NO_PROXY']).flatMap((d) => {
      const curl = d.layers.some((l) => !l.go);
      const problems = noProxyProblems(d.value, curl);
      if (problems.length === 0) return [];
      return [
        {
          actor: d.layers[0]!.actor,
          message: `${d.names.join('/')}: ${problems.map((p) => p.text).join('; ')}`,
          msg: msg('no-proxy-syntax.problems', {
            names: d.names.join('/'),
            problems: problems.map((p) => p.msg),
          }),
          evidence: d.origins,
        },
      ];
    });
  },
};
