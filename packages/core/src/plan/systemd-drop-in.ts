import { sentence } from './sentences.js';
// The systemd drop-in `http-proxy.conf` three targets write: docker-systemd, docker-systemd-rootless and
// buildkitd-systemd (plan/targets/<id>.ts choose the unit and whether it is a user unit).

import { canonicalName } from '../analyze/layers.js';
import { dropInDirs } from '../evidence/canonical.js';
import { envFileLine, systemdAssignment } from '../formats/encode.js';
import { parseStrictJson } from '../formats/json-file.js';
import { parseUnitFile, splitWords } from '../formats/systemd.js';
import { parseProxyUrl } from '../proxy/url.js';
import type { Target } from '../targets.js';
import { change, HEADER, ok, type PlanContext, proxyVars, refuse } from './context.js';
import { removeJsonPath } from './json-edit.js';
import type { FileChange, PlanCommand, TargetResult } from './types.js';

function hasCredentials(ctx: PlanContext): boolean {
  return [ctx.proxy.http, ctx.proxy.https].some((v) => {
    const p = parseProxyUrl(v);
    return p.ok && p.url.password !== null;
  });
}

/** Comment out proxy assignments in drop-ins we did not write, so ours is the only source. */
function neutraliseOtherDropIns(
  ctx: PlanContext,
  unit: 'docker' | 'buildkit',
  user: boolean,
  ours: string,
  target: Target,
): FileChange[] {
  const dirs = dropInDirs(unit, { home: ctx.state.host.home, env: ctx.state.client })[
    user ? 'user' : 'system'
  ];
  const out: FileChange[] = [];
  for (const [path, content] of Object.entries(ctx.evidence.files)) {
    if (
      content == null ||
      path === ours ||
      !path.endsWith('.conf') ||
      !dirs.some((d) => path.startsWith(`${d}/`))
    )
      continue;
    const proxyLines = new Set(
      parseUnitFile(path, content)
        .filter(
          (a) =>
            a.key === 'Environment' && splitWords(a.value).some((w) => canonicalName(w.split('=')[0] ?? '')),
        )
        .map((a) => a.line),
    );
    if (proxyLines.size === 0) continue;
    const lines = content.split('\n');
    const after = lines
      .map((l, i) => (proxyLines.has(i + 1) ? `# disabled by buildproxy (now in ${ours}): ${l}` : l))
      .join('\n');
    const c = change(ctx, {
      path,
      mode: '0644',
      needsRoot: !user,
      after,
      target,
      why: 'another drop-in sets proxy variables too; the one later in name order would win',
    });
    if (c) out.push(c);
  }
  return out;
}

export function systemdDropIn(
  ctx: PlanContext,
  unit: 'docker' | 'buildkit',
  user: boolean,
  target: Target,
): TargetResult {
  const { state } = ctx;
  if (unit === 'docker' && state.docker.desktop)
    return refuse('Docker Desktop manages its own daemon: set the proxy in Settings > Resources > Proxies');
  const systemdMissing = ctx.evidence.commands.some(
    (c) => c.argv[0] === 'systemctl' && c.error === 'not-found',
  );
  if (systemdMissing)
    return refuse(
      'systemd is not running here (no systemctl): set the proxy in the environment that starts the daemon',
    );
  const home = state.host.home;
  const dir = user
    ? `${home}/.config/systemd/user/${unit}.service.d`
    : `/etc/systemd/system/${unit}.service.d`;
  const path = `${dir}/http-proxy.conf`;
  const needsRoot = !user;
  const vars = proxyVars(ctx.proxy);
  const changes: (FileChange | null)[] = [];
  const purpose =
    unit === 'docker' ? "dockerd and its embedded BuildKit (the docker driver's builder)" : 'buildkitd';
  if (hasCredentials(ctx)) {
    // Environment= is world-readable through systemctl show; a 0600 EnvironmentFile= is not.
    const envPath = `${dir}/http-proxy.env`;
    changes.push(
      change(ctx, {
        path: envPath,
        mode: '0600',
        needsRoot,
        after: `${HEADER}\n${vars.map(([k, v]) => envFileLine(k, v)).join('\n')}\n`,
        target,
        why: sentence('systemd.proxy-url-has-password'),
      }),
    );
    changes.push(
      change(ctx, {
        path,
        mode: '0644',
        needsRoot,
        after: `${HEADER}\n# Proxy for ${purpose}.\n[Service]\nEnvironmentFile=${envPath.replace(/%/g, '%%')}\n`,
        target,
        why: sentence(unit === 'docker' ? 'systemd.gives-dockerd' : 'systemd.gives-buildkitd'),
      }),
    );
  } else {
    changes.push(
      change(ctx, {
        path,
        mode: '0644',
        needsRoot,
        after: `${HEADER}\n# Proxy for ${purpose}.\n[Service]\n${vars.map(([k, v]) => `Environment=${systemdAssignment(k, v)}`).join('\n')}\n`,
        target,
        why: sentence(unit === 'docker' ? 'systemd.gives-dockerd' : 'systemd.gives-buildkitd'),
      }),
    );
  }
  changes.push(...neutraliseOtherDropIns(ctx, unit, user, path, target));
  // daemon.json proxies override the environment: remove them so the drop-in is the single source.
  if (unit === 'docker' && state.daemonJson?.proxies) {
    const djPath = state.daemonJson.path;
    const text = ctx.read(djPath);
    if (text != null) {
      if (!parseStrictJson(djPath, text).ok)
        return refuse(`${djPath} is not valid JSON; fix it first (buildproxy doctor shows where)`);
      changes.push(
        change(ctx, {
          path: djPath,
          mode: '0644',
          needsRoot,
          after: removeJsonPath(text, ['proxies']),
          target,
          why: 'daemon.json proxies override the drop-in (and stop Engine < 23 from starting)',
        }),
      );
    }
  }
  const sc = user ? ['systemctl', '--user'] : ['systemctl'];
  const liveRestore = /"live-restore"\s*:\s*true/.test(
    ctx.read(state.daemonJson?.path ?? '/etc/docker/daemon.json') ?? '',
  );
  const commands: PlanCommand[] = [
    {
      argv: [...sc, 'daemon-reload'],
      why: sentence('systemd.systemd-re-reads-unit'),
      needsRoot,
      disruptive: false,
      target,
    },
    {
      argv: [...sc, 'restart', unit],
      why:
        unit === 'docker'
          ? liveRestore
            ? 'dockerd reads its environment only at start (live-restore is on: containers keep running)'
            : sentence('systemd.dockerd-reads-environment-at')
          : sentence('systemd.buildkitd-reads-environment-at'),
      needsRoot,
      disruptive: unit !== 'docker' || !liveRestore,
      target,
    },
  ];
  return ok(changes, commands);
}
