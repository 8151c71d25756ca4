import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import { shown } from '../util.js';

export const podmanEngineEnvInRun: Rule = {
  id: 'podman-engine-env-in-run',
  title: 'containers.conf [engine] env reaches RUN steps, and loses to the shell',
  severity: 'info',
  actor: 'run',
  summary:
    "Proxy variables in [engine] env drive podman's pulls and — although containers.conf says they stay out of containers — reach build RUN steps; a variable the shell sets wins over them, one by one.",
  targets: ['containers-conf'],
  references: [
    {
      title: 'containers.conf(5): [engine] env',
      url: 'https://github.com/containers/common/blob/main/docs/containers.conf.5.md',
    },
    {
      title: 'containers/container-libs#484: engine env leaks into containers',
      url: 'https://github.com/containers/container-libs/issues/484',
    },
  ],
  check(state) {
    const p = state.engines.podman;
    if (!p || p.engineEnv.length === 0) return [];
    const shadowed = p.engineEnv.filter((e) => {
      const s = p.processEnv.find((v) => v.name === e.name);
      return s && s.origin.kind === 'env' && s.value !== e.value;
    });
    const used = p.engineEnv.filter((e) => !shadowed.includes(e));
    const parts: string[] = [];
    if (used.length)
      parts.push(
        `${used.map((e) => e.name).join(', ')} from [engine] env ${p.remote ? 'set the service environment' : 'are what podman pulls with and what build RUN steps get'}`,
      );
    if (shadowed.length)
      parts.push(
        `the shell's ${shadowed.map((e) => `${e.name}=${shown(p.processEnv.find((v) => v.name === e.name)!.value)}`).join(', ')} win${shadowed.length === 1 ? 's' : ''} over [engine] env's ${shadowed.map((e) => shown(e.value)).join(', ')}`,
      );
    return [
      {
        message: `${p.engineEnv[0]!.origin.ref}: ${parts.join('; ')}`,
        msg: msg('podman-engine-env-in-run.env', {
          at: p.engineEnv[0]!.origin.ref,
          used: used.map((e) => e.name),
          remote: p.remote,
          shell: shadowed.map(
            (e) => `${e.name}=${shown(p.processEnv.find((v) => v.name === e.name)!.value)}`,
          ),
          engine: shadowed.map((e) => shown(e.value)),
        }),
        evidence: [...new Set(p.engineEnv.map((e) => e.origin.ref))],
      },
    ];
  },
};
