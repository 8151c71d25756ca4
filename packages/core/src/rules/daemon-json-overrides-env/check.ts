import { canonicalName } from '../../analyze/layers.js';
import { msg } from '../../messages/ref.js';
import type { Rule } from '../types.js';
import { shown } from '../util.js';

export const daemonJsonOverridesEnv: Rule = {
  id: 'daemon-json-overrides-env',
  title: 'daemon.json overrides the systemd proxy',
  severity: 'warning',
  actor: 'runtime',
  summary:
    'daemon.json proxies and the systemd environment disagree; dockerd silently uses daemon.json, so edits to the drop-in seem ignored.',
  targets: ['docker-systemd', 'docker-daemon-json'],
  references: [
    { title: 'Docker docs: Daemon proxy configuration', url: 'https://docs.docker.com/engine/daemon/proxy/' },
  ],
  check(state) {
    const dj = state.daemonJson;
    const engine = state.docker.engine;
    if (!dj?.proxies || state.docker.desktop || (engine && engine[0] < 23)) return [];
    const out = [];
    for (const [key, value] of Object.entries(dj.proxies)) {
      const canon = canonicalName(key)!;
      for (const name of [canon, canon.toLowerCase()]) {
        const env = state.systemd.fileVars.get(name);
        if (env && env.value !== value) {
          out.push({
            message: `${dj.path} sets ${key}=${shown(value)}, which overrides ${name}=${shown(env.value)} from ${env.path}:${env.line}`,
            msg: msg('daemon-json-overrides-env.overrides', {
              path: dj.path,
              set: `${key}=${shown(value)}`,
              env: `${name}=${shown(env.value)}`,
              at: `${env.path}:${env.line}`,
            }),
            evidence: [`${dj.path}:${dj.lines[key as 'http-proxy'] ?? 1}`, `${env.path}:${env.line}`],
          });
          break;
        }
      }
    }
    return out;
  },
};
