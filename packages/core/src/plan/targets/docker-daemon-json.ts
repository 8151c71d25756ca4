import { sentence } from '../sentences.js';
// docker-daemon-json: `proxies` in daemon.json (Engine ≥ 23, never Docker Desktop), edited surgically.

import { daemonJsonPath } from '../../evidence/canonical.js';
import type { Target } from '../../targets.js';
import { change, malformedJson, ok, type PlanContext, refuse, type TargetDefinition } from '../context.js';
import { DAEMON_JSON, exactly } from '../declare.js';
import { setJsonPath } from '../json-edit.js';
import type { PlanCommand, TargetResult } from '../types.js';

function daemonJson(ctx: PlanContext, target: Target): TargetResult {
  const { state } = ctx;
  if (state.docker.desktop)
    return refuse('Docker Desktop ignores daemon.json proxies: set them in Settings > Resources > Proxies');
  const engine = state.docker.engine;
  if (engine && engine[0] < 23) {
    return refuse(
      `Docker Engine ${state.docker.engineText} does not know daemon.json "proxies" (needs 23.0+); use the docker-systemd target`,
    );
  }
  const path = daemonJsonPath(state.host.home, { rootless: state.docker.rootless });
  const text = ctx.read(path) ?? null;
  const proxies = {
    'http-proxy': ctx.proxy.http,
    'https-proxy': ctx.proxy.https,
    'no-proxy': ctx.proxy.noProxy.join(','),
  };
  const malformed = malformedJson(
    path,
    text,
    Object.keys(proxies).map((k) => ['proxies', k]),
  );
  if (malformed) return refuse(malformed);
  let after = text;
  for (const [k, v] of Object.entries(proxies)) after = setJsonPath(after, ['proxies', k], v);
  const user = state.docker.rootless;
  const sc = user ? ['systemctl', '--user'] : ['systemctl'];
  const liveRestore = /"live-restore"\s*:\s*true/.test(text ?? '');
  const commands: PlanCommand[] = [
    {
      argv: [...sc, 'restart', 'docker'],
      why: liveRestore
        ? 'dockerd reads daemon.json proxies only at start (live-restore keeps containers running)'
        : sentence('docker-daemon-json.dockerd-reads-daemon-json'),
      needsRoot: !user,
      disruptive: !liveRestore,
      target,
    },
  ];
  return ok(
    [
      change(ctx, {
        path,
        mode: '0644',
        needsRoot: !user,
        after: after!,
        target,
        why: sentence('docker-daemon-json.dockerd-applies-over-environment'),
      }),
    ],
    commands,
  );
}

export const dockerDaemonJsonTarget: TargetDefinition<'docker-daemon-json'> = {
  id: 'docker-daemon-json',
  generate: daemonJson,
  declares: {
    files: DAEMON_JSON,
    commands: [
      exactly('systemctl', 'restart', 'docker'),
      exactly('systemctl', '--user', 'restart', 'docker'),
    ],
  },
};
