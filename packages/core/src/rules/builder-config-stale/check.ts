import { canonicalName } from '../../analyze/layers.js';
import { msg } from '../../messages/ref.js';
import type { FindingDraft, Rule } from '../types.js';
import { shown } from '../util.js';

function proxyVars(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(([k]) => canonicalName(k) && k !== 'ALL_PROXY' && k !== 'all_proxy'),
  );
}

function diff(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => (a[k] ?? '') !== (b[k] ?? '')).sort();
}

/** docker info masks credentials (http://xxxxx:xxxxx@host); compare without the userinfo. */
const bare = (v: string | null | undefined) => (v ?? '').replace(/\/\/[^/@\s]*@/, '//').trim();

/**
 * daemon.json edited, dockerd not restarted: Engine ≥ 23 applies `proxies` at start and reports them in docker
 * info, so a file that says one thing while docker info says another means the running daemon predates the file.
 */
function staleDaemonJson(state: Parameters<Rule['check']>[0]): FindingDraft | null {
  const dj = state.daemonJson;
  const info = state.docker.info;
  const engine = state.docker.engine;
  if (!dj?.proxies || !info || state.docker.desktop || !engine || engine[0] < 23) return null;
  if (Object.keys(state.systemd.flags).length) return null; // dockerd refuses to start: daemon-json-flag-conflict
  const pairs: [string, string | undefined, string | null][] = [
    ['http-proxy', dj.proxies['http-proxy'], info.httpProxy],
    ['https-proxy', dj.proxies['https-proxy'], info.httpsProxy],
    ['no-proxy', dj.proxies['no-proxy'], info.noProxy],
  ];
  const differ = pairs.filter(([, file, running]) => file !== undefined && bare(file) !== bare(running));
  if (differ.length === 0) return null;
  const sysctl = state.systemd.user ? 'systemctl --user' : 'sudo systemctl';
  return {
    message: `${dj.path} sets ${differ.map(([k, v]) => `${k}=${shown(v ?? '')}`).join(', ')}, but the running dockerd reports ${differ.map(([k, , r]) => `${k}=${r ? shown(r) : '(none)'}`).join(', ')} (docker info): daemon.json changed after dockerd started; restart dockerd (\`${sysctl} restart docker\`)`,
    msg: msg('builder-config-stale.daemon-json', {
      path: dj.path,
      file: differ.map(([k, v]) => `${k}=${shown(v ?? '')}`),
      running: differ.map(([k, , r]) => `${k}=${r ? shown(r) : '(none)'}`),
      restart: `${sysctl} restart docker`,
    }),
    evidence: [dj.path, 'docker info'],
  };
}

export const builderConfigStale: Rule = {
  id: 'builder-config-stale',
  title: 'The proxy configuration is not loaded yet',
  severity: 'warning',
  actor: 'runtime',
  summary:
    'The files say one thing and the running daemon or builder another: systemd was not reloaded, dockerd not restarted, or the builder not recreated.',
  targets: ['docker-systemd', 'docker-systemd-rootless', 'buildx-docker-container'],
  references: [
    {
      title: 'Docker docs: Daemon proxy configuration (systemd)',
      url: 'https://docs.docker.com/engine/daemon/proxy/#systemd-unit-file',
    },
  ],
  check(state) {
    const out: FindingDraft[] = [];
    const unit = state.systemd.unit;
    const values = (m: Map<string, { value: string }>) =>
      proxyVars(Object.fromEntries([...m].map(([k, v]) => [k, v.value])));
    // What the process gets: Environment= lines, then EnvironmentFile= contents (systemd reads those at start).
    const onDisk = values(state.systemd.fileVars);
    const sysctl = state.systemd.user ? 'systemctl --user' : 'sudo systemctl';
    // An EnvironmentFile= we may not read (0600, doctor not run as root): the process side cannot be compared.
    const blind = state.systemd.environmentFiles.some((f) => state.unreadable.includes(f));
    if (unit?.loaded) {
      // `systemctl show -p Environment` lists Environment= lines only; EnvironmentFile= paths separately.
      const loaded = proxyVars(unit.environment);
      const d = diff(values(state.systemd.environmentVars), loaded);
      const loadedFiles = unit.environmentFiles
        .map((f) => f.path)
        .sort()
        .join('\n');
      const filesDiffer = [...state.systemd.environmentFiles].sort().join('\n') !== loadedFiles;
      if (d.length || filesDiffer) {
        out.push({
          message: `the drop-in files set ${d.length ? d.join(', ') : 'EnvironmentFile='} differently from what systemd has loaded: run \`${sysctl} daemon-reload\` and restart docker`,
          msg: msg('builder-config-stale.reload', { names: d, sysctl }),
          evidence: [
            ...new Set(
              d.map((k) => state.systemd.environmentVars.get(k)?.path).filter((p): p is string => !!p),
            ),
            'systemctl show docker',
          ],
        });
      } else if (state.dockerdEnv?.env && !blind) {
        const running = proxyVars(state.dockerdEnv.env);
        const d2 = diff(onDisk, running);
        if (d2.length) {
          out.push({
            message: `dockerd (pid ${state.dockerdEnv.pid}) started before the proxy change (${d2.join(', ')} differ): restart it with \`${sysctl} restart docker\``,
            msg: msg('builder-config-stale.started-before', {
              pid: String(state.dockerdEnv.pid),
              names: d2,
              restart: `${sysctl} restart docker`,
            }),
            evidence: ['systemctl show docker', `/proc/${state.dockerdEnv.pid}/environ`],
          });
        }
      }
    }
    if (
      !unit?.loaded &&
      !blind &&
      state.dockerdEnv?.env &&
      Object.keys(onDisk).length > 0 &&
      !state.docker.desktop
    ) {
      // No systemd to ask (not PID 1, or not readable): compare the drop-ins with the running dockerd directly.
      const d = diff(onDisk, proxyVars(state.dockerdEnv.env));
      if (d.length) {
        out.push({
          message: `dockerd (pid ${state.dockerdEnv.pid}) runs with different ${d.join(', ')} than the drop-ins say: it was started before they changed, or not from them; restart it`,
          msg: msg('builder-config-stale.not-from-drop-ins', { pid: String(state.dockerdEnv.pid), names: d }),
          evidence: [
            ...new Set(d.map((k) => state.systemd.fileVars.get(k)?.path).filter((p): p is string => !!p)),
            `/proc/${state.dockerdEnv.pid}/environ`,
          ],
        });
      }
    }
    const stale = staleDaemonJson(state);
    if (stale) out.push(stale);
    for (const b of state.builders) {
      if (b.driver !== 'docker-container') continue;
      const node = b.nodes[0];
      if (!node?.container) continue;
      const opts = proxyVars(
        Object.fromEntries(
          Object.entries(node.driverOpts)
            .filter(([k]) => k.startsWith('env.'))
            .map(([k, v]) => [k.slice(4), v]),
        ),
      );
      const d = diff(opts, proxyVars(node.container.env));
      if (d.length) {
        out.push({
          actor: 'builder',
          message: `builder "${b.name}": its container runs with different ${d.join(', ')} than its driver options (${d.map((k) => `${k}=${shown(opts[k] ?? '')}`).join(', ')}): recreate it`,
          msg: msg('builder-config-stale.builder', {
            name: b.name,
            names: d,
            opts: d.map((k) => `${k}=${shown(opts[k] ?? '')}`),
          }),
          evidence: [
            `docker buildx inspect ${b.name}`,
            `docker container inspect buildx_buildkit_${node.name}`,
          ],
        });
      }
    }
    return out;
  },
};
