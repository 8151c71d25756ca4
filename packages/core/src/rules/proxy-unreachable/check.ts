import { msg } from '../../messages/ref.js';
import { redactValue } from '../../proxy/redact.js';
import { asActors, dialText, NETWORK_EVIDENCE, proxyRoutes } from '../network.js';
import type { FindingDraft, Rule } from '../types.js';

export const proxyUnreachable: Rule = {
  id: 'proxy-unreachable',
  title: 'The proxy an actor uses does not answer',
  severity: 'error',
  actor: 'runtime',
  summary:
    'doctor --network could not open a TCP connection to the proxy: a dead port, a name this host cannot resolve, or a filtered address. Every request of the actors using it fails, whatever their configuration says.',
  targets: [],
  references: [
    {
      title: 'docker/for-win#7935: proxyconnect tcp: dial tcp :0: connect: connection refused',
      url: 'https://github.com/docker/for-win/issues/7935',
    },
  ],
  check(state) {
    const out: FindingDraft[] = [];
    for (const r of proxyRoutes(state)) {
      if (!r.dial || r.dial.result === 'ok') continue;
      const what = `${redactValue(r.proxy!)} ${dialText(r.dial.result)}${r.dial.detail ? ` (${r.dial.detail}, ${r.dial.ms} ms)` : ''}`;
      const dial = {
        proxy: redactValue(r.proxy!),
        result: r.dial.result,
        detail: r.dial.detail ? r.dial.detail : null,
        ms: String(r.dial.ms),
      };
      const actors = asActors(r.actors);
      if (actors.length === 0 && r.intended)
        out.push({
          actor: 'client',
          message: `the proxy you gave, ${what}`,
          msg: msg('proxy-unreachable.given', dial),
          evidence: [NETWORK_EVIDENCE],
        });
      for (const actor of actors)
        out.push({
          actor,
          message: `${state.actors[actor].label} uses ${what}`,
          msg: msg('proxy-unreachable.uses', { ...dial, actor: state.actors[actor].label }),
          evidence: [NETWORK_EVIDENCE],
        });
    }
    return out;
  },
};
