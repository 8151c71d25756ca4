// Evidence → State: a pure function, so a captured bundle gives the same diagnosis on any machine.
import { parse as parseToml, TomlError } from 'smol-toml';
import {
  CMD,
  daemonJsonPath,
  dockerConfigDir,
  type FileContext,
  systemctlShow,
} from '../evidence/canonical.js';
import { type Evidence, findCommand } from '../evidence/schema.js';
import {
  type DockerInfo,
  jsonText,
  parseBuildxVersion,
  parseDockerInfo,
  parseDockerVersion,
  parsePluginVersion,
} from '../formats/docker-output.js';
import { type FileError, parseStrictJson } from '../formats/json-file.js';
import { parseSystemctlShow, type SystemctlUnit } from '../formats/systemctl.js';
import { type EnvVarAssignment, parseShellAssignments } from '../formats/systemd.js';
import { parseVersion } from '../formats/version.js';
import { analyzeBuilders } from './builders.js';
import { proxyFlags, readDaemonJson, unitConfig } from './daemon-config.js';
import { analyzeDockerfile } from './dockerfile.js';
import { canonicalName, effectiveOf, envEntries, makeLayer, NO_PROXY_SET } from './layers.js';
import type { Actor, ActorState, Layer, Netns, Origin, State } from './types.js';

function daemonStatus(ev: Evidence): {
  status: State['docker']['daemon'];
  error: string | null;
  cli: boolean;
  info: DockerInfo | null;
} {
  const version = findCommand(ev, CMD.dockerVersion);
  const infoCmd = findCommand(ev, CMD.dockerInfo);
  const cli = !!(version || infoCmd) && !(version?.error === 'not-found' || infoCmd?.error === 'not-found');
  if (!cli) return { status: 'absent', error: null, cli: false, info: null };
  const info = infoCmd?.exitCode === 0 ? parseDockerInfo(infoCmd.stdout) : null;
  if (version?.timedOut || infoCmd?.timedOut) {
    return { status: 'timeout', error: 'the docker daemon did not answer in time', cli, info: null };
  }
  if (info && info.serverErrors.length === 0 && info.serverVersion)
    return { status: 'up', error: null, cli, info };
  if (infoCmd?.exitCode === 0 && !info) {
    return {
      status: 'down',
      error: infoCmd.via
        ? `the daemon answered ${infoCmd.via} with something that is not JSON (is that socket really dockerd?)`
        : 'docker info answered with output that is not JSON (an unusual docker CLI or wrapper?)',
      cli,
      info: null,
    };
  }
  const err = (info?.serverErrors[0] ?? infoCmd?.stderr ?? version?.stderr ?? '').trim().split('\n')[0] ?? '';
  return { status: 'down', error: err || 'the docker daemon is not reachable', cli, info: null };
}

function buildkitdTomls(ev: Evidence, paths: string[], errors: FileError[]): State['buildkitd']['tomls'] {
  const out: State['buildkitd']['tomls'] = [];
  for (const path of paths) {
    const content = ev.files[path];
    if (content == null) continue;
    try {
      const t = parseToml(content) as Record<string, unknown>;
      const registries: Record<string, { ca: string[]; mirrors: string[] }> = {};
      const reg = (t.registry ?? {}) as Record<string, Record<string, unknown>>;
      for (const [host, cfg] of Object.entries(reg)) {
        registries[host] = {
          ca: Array.isArray(cfg.ca) ? cfg.ca.map(jsonText) : [],
          mirrors: Array.isArray(cfg.mirrors) ? cfg.mirrors.map(jsonText) : [],
        };
      }
      const proxyNetwork = JSON.stringify(t).includes('"proxyNetwork":true');
      out.push({ path, proxyNetwork, registries });
    } catch (e) {
      const te = e instanceof TomlError ? e : null;
      errors.push({
        path,
        line: te?.line ?? 1,
        column: te?.column ?? 1,
        message: (te?.message ?? String(e)).split('\n')[0]!.replace(/^Invalid TOML document: /, ''),
      });
    }
  }
  return out;
}

/** A unit's variables as layer entries, each traced to its file and line. */
function unitEntries(vars: Map<string, EnvVarAssignment>) {
  return [...vars.values()].map((v) => ({
    name: v.name,
    value: v.value,
    origin: { kind: 'file' as const, ref: `${v.path}:${v.line}` },
  }));
}

function loopbackNetns(desktop: boolean, rootless: boolean, fallback: Netns): Netns {
  if (desktop) return 'vm';
  if (rootless) return 'rootless';
  return fallback;
}

/** From `docker buildx version`, or the plugin's metadata when the doctor asked the plugin directly. */
function buildxVersionOf(ev: Evidence): string | null {
  const v = findCommand(ev, CMD.buildxVersion);
  if (v?.exitCode === 0) return parseBuildxVersion(v.stdout);
  const meta = findCommand(ev, CMD.buildxMetadata);
  return meta?.exitCode === 0 ? parsePluginVersion(meta.stdout) : null;
}

export function analyze(ev: Evidence): State {
  const home = ev.host.home;
  const ctx: FileContext = { home, env: ev.env };
  const fileErrors: FileError[] = [];
  const { status, error, cli, info } = daemonStatus(ev);
  const versionOut = parseDockerVersion(findCommand(ev, CMD.dockerVersion)?.stdout ?? '');
  const dockerdVersion = findCommand(ev, CMD.dockerdVersion);
  const engineText =
    info?.serverVersion ??
    versionOut?.server ??
    (dockerdVersion?.exitCode === 0
      ? (/version\s+([^\s,]+)/i.exec(dockerdVersion.stdout)?.[1] ?? null)
      : null);
  const desktop =
    /Docker Desktop/i.test(info?.operatingSystem ?? '') || /desktop/i.test(ev.env.DOCKER_HOST ?? '');
  const shows = {
    system: findCommand(ev, systemctlShow('docker', false)),
    user: findCommand(ev, systemctlShow('docker', true)),
  };
  const parsedShow = (c: typeof shows.system): SystemctlUnit | null =>
    c?.exitCode === 0 ? parseSystemctlShow(c.stdout) : null;
  const sysUnit = parsedShow(shows.system);
  const userUnit = parsedShow(shows.user);
  const rootless =
    (info?.securityOptions.some((s) => s.includes('rootless')) ?? false) ||
    /\/run\/user\/\d+\/docker\.sock/.test(ev.env.DOCKER_HOST ?? '') ||
    (!!userUnit?.loaded && !sysUnit?.loaded);
  const unit = rootless ? userUnit : sysUnit;
  const uc = unitConfig(ev, 'docker', rootless, ctx, unit);

  // daemon.json: rootless and Docker Desktop read their own copy.
  const djPath = daemonJsonPath(home, { desktop, rootless });
  const dj = readDaemonJson(djPath, ev.files[djPath]);
  if (dj.error) fileErrors.push(dj.error);
  const dockerdProc = ev.processes.find((p) => p.name === 'dockerd') ?? null;

  // Layers, in the order the profile inference should consult them.
  const layers: Layer[] = [];
  const clientOrigin: Origin = { kind: 'env', ref: 'your shell' };
  layers.push(
    makeLayer(
      { id: 'client-env', actor: 'client', label: 'your shell environment', go: true, effective: true },
      envEntries(ev.env, clientOrigin),
    ),
  );
  const djEntries = Object.entries(dj.config?.proxies ?? {}).map(([k, v]) => ({
    name: k,
    value: v,
    origin: { kind: 'file' as const, ref: `${djPath}:${dj.config!.lines[k as 'http-proxy'] ?? 1}` },
  }));
  const engine = parseVersion(engineText);
  const djSupported = engine ? engine[0] >= 23 : true;
  layers.push(
    makeLayer(
      { id: 'daemon-json', actor: 'runtime', label: djPath, go: true, effective: djSupported && !desktop },
      djEntries,
    ),
  );
  const unitLabel = rootless ? 'the rootless docker systemd unit' : 'the docker systemd unit';
  layers.push(
    makeLayer(
      { id: 'systemd', actor: 'runtime', label: `${unitLabel} (drop-ins)`, go: true, effective: true },
      unitEntries(uc.fileVars),
    ),
  );
  const flags = proxyFlags(uc.execStart);
  layers.push(
    makeLayer(
      {
        id: 'dockerd-flags',
        actor: 'runtime',
        label: 'dockerd command-line flags',
        go: true,
        effective: true,
      },
      Object.entries(flags).map(([k, v]) => ({
        name: k,
        value: v,
        origin: { kind: 'file' as const, ref: 'ExecStart' },
      })),
    ),
  );
  if (dockerdProc?.env) {
    layers.push(
      makeLayer(
        {
          id: 'dockerd-process',
          actor: 'runtime',
          label: `dockerd (pid ${dockerdProc.pid}) environment`,
          go: true,
          effective: true,
        },
        envEntries(dockerdProc.env, { kind: 'process', ref: `dockerd (pid ${dockerdProc.pid})` }),
      ),
    );
  }

  // What dockerd actually uses: docker info when it answers, else config beats env.
  let dockerdEnv: Record<string, string> | null = null;
  let dockerdOrigin: Origin | null = null;
  if (info) {
    dockerdEnv = {};
    if (info.httpProxy) dockerdEnv.HTTP_PROXY = info.httpProxy;
    if (info.httpsProxy) dockerdEnv.HTTPS_PROXY = info.httpsProxy;
    if (info.noProxy) dockerdEnv.NO_PROXY = info.noProxy;
    dockerdOrigin = { kind: 'command', ref: 'docker info' };
  } else if (cli || unit || dockerdProc) {
    const env: Record<string, string> = {
      ...(dockerdProc?.env ??
        unit?.environment ??
        Object.fromEntries([...uc.fileVars].map(([k, v]) => [k, v.value]))),
    };
    const fromConfig = { ...(djSupported && !desktop ? dj.config?.proxies : {}), ...flags };
    for (const [k, v] of Object.entries(fromConfig)) {
      const c = canonicalName(k)!;
      env[c] = v;
      env[c.toLowerCase()] = v;
    }
    dockerdEnv = env;
    dockerdOrigin = dockerdProc
      ? { kind: 'process', ref: `dockerd (pid ${dockerdProc.pid})` }
      : { kind: 'file', ref: unitLabel };
  }
  const up = status === 'up';
  const b = analyzeBuilders(ev, ctx, {
    env: up ? dockerdEnv : null,
    origin: dockerdOrigin,
    engine,
    up,
    buildxInstalled: buildxVersionOf(ev) !== null,
  });

  // ~/.docker/config.json proxies: the per-daemon entry replaces "default" entirely.
  const cfgPath = `${dockerConfigDir(ctx)}/config.json`;
  let configJson: State['configJson'] = null;
  const cfgText = ev.files[cfgPath];
  if (cfgText != null) {
    const parsed = parseStrictJson(cfgPath, cfgText);
    if (!parsed.ok) fileErrors.push(parsed.error);
    else {
      const proxies =
        ((parsed.value ?? {}) as { proxies?: Record<string, Record<string, string>> }).proxies ?? {};
      const hostKey = ev.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
      const chosen = proxies[hostKey] ? hostKey : proxies.default ? 'default' : null;
      configJson = {
        path: cfgPath,
        default: chosen ? (proxies[chosen] ?? null) : null,
        perHost: chosen === hostKey ? hostKey : null,
      };
    }
  }
  if (configJson?.default) {
    const line = (key: string) =>
      (cfgText ?? '').slice(0, Math.max(0, (cfgText ?? '').indexOf(`"${key}"`))).split('\n').length;
    layers.push(
      makeLayer(
        { id: 'config-json', actor: 'run', label: `${cfgPath} proxies`, go: false, effective: true },
        Object.entries(configJson.default).map(([k, v]) => ({
          name: k,
          value: jsonText(v),
          origin: { kind: 'file' as const, ref: `${cfgPath}:${line(k)}` },
        })),
      ),
    );
  }
  for (const builder of b.builders) {
    if (builder.driver === 'docker' || !builder.env) continue;
    layers.push(
      makeLayer(
        {
          id: `builder:${builder.name}`,
          actor: 'builder',
          label: `builder "${builder.name}" (${builder.driver})`,
          go: true,
          effective: true,
        },
        envEntries(builder.env, builder.envOrigin ?? { kind: 'driver-opt', ref: builder.name }),
      ),
    );
  }
  const bkProc = ev.processes.find((p) => p.name === 'buildkitd') ?? null;
  const bkShow = findCommand(ev, systemctlShow('buildkit', false));
  const bkUnit = bkShow?.exitCode === 0 ? parseSystemctlShow(bkShow.stdout) : null;
  if (bkProc?.env) {
    layers.push(
      makeLayer(
        {
          id: 'buildkitd-process',
          actor: 'builder',
          label: `buildkitd (pid ${bkProc.pid}) environment`,
          go: true,
          effective: true,
        },
        envEntries(bkProc.env, { kind: 'process', ref: `buildkitd (pid ${bkProc.pid})` }),
      ),
    );
  }
  const bkUc = unitConfig(ev, 'buildkit', false, ctx, bkUnit);
  if (bkUc.fileVars.size > 0) {
    layers.push(
      makeLayer(
        {
          id: 'buildkit-systemd',
          actor: 'builder',
          label: 'the buildkit systemd unit (drop-ins)',
          go: true,
          effective: true,
        },
        unitEntries(bkUc.fileVars),
      ),
    );
  }

  // Files people put proxies in that the daemon never reads.
  const ignoredFiles: State['ignoredFiles'] = [];
  for (const path of ['/etc/default/docker', '/etc/sysconfig/docker']) {
    const content = ev.files[path];
    if (content == null) continue;
    const vars = parseShellAssignments(path, content).filter((v) => canonicalName(v.name));
    if (vars.length === 0) continue;
    if (!uc.environmentFiles.includes(path)) ignoredFiles.push({ path, vars, why: 'not-read' });
  }
  const exportProblems = uc.problems.filter((p) => p.kind === 'export-line');
  for (const p of exportProblems) {
    if (!canonicalName(p.variable)) continue;
    const existing = ignoredFiles.find((f) => f.path === p.path && f.why === 'export');
    const v = { path: p.path, line: p.line, name: p.variable, value: '' };
    if (existing) existing.vars.push(v);
    else ignoredFiles.push({ path: p.path, vars: [v], why: 'export' });
  }

  const tomlPaths = [
    '/etc/buildkit/buildkitd.toml',
    `${home}/.config/buildkit/buildkitd.toml`,
    `${dockerConfigDir(ctx)}/buildx/buildkitd.default.toml`,
  ];
  const tomls = buildkitdTomls(ev, tomlPaths, fileErrors);
  for (const builder of b.builders) {
    const conf = builder.nodes.find((n) => n.buildkitdConfig)?.buildkitdConfig;
    if (conf && /proxyNetwork\s*=\s*true/.test(conf))
      tomls.push({ path: `builder ${builder.name}: buildkitd.toml`, proxyNetwork: true, registries: {} });
    if (builder.nodes.some((n) => n.flags.includes('--proxy-network')))
      tomls.push({ path: `builder ${builder.name}: --proxy-network`, proxyNetwork: true, registries: {} });
  }

  const dockerfile = ev.dockerfile ? analyzeDockerfile(ev.dockerfile.path, ev.dockerfile.content) : null;

  // Actors.
  const clientLayer = layers.find((l) => l.id === 'client-env');
  const runtimeProxy = dockerdEnv
    ? effectiveOf(
        makeLayer(
          { id: 'x', actor: 'runtime', label: '', go: true, effective: true },
          envEntries(dockerdEnv, dockerdOrigin!),
        ),
      )
    : NO_PROXY_SET;
  const bx = b.buildx;
  const builderProxy = bx?.env
    ? effectiveOf(
        makeLayer(
          { id: 'x', actor: 'builder', label: '', go: true, effective: true },
          envEntries(bx.env, bx.envOrigin!),
        ),
      )
    : NO_PROXY_SET;
  const runLayer = layers.find((l) => l.id === 'config-json');
  const builderNetns: Netns = !bx
    ? 'unknown'
    : bx.driver === 'docker'
      ? loopbackNetns(desktop, rootless, 'host')
      : bx.driver === 'docker-container'
        ? bx.networkHost
          ? loopbackNetns(desktop, rootless, 'host')
          : 'builder-container'
        : bx.driver === 'kubernetes'
          ? 'pod'
          : 'remote';
  const runNetns: Netns = !bx
    ? 'unknown'
    : bx.driver === 'docker'
      ? loopbackNetns(desktop, rootless, 'bridge')
      : builderNetns;
  const builderLabel = bx
    ? `${bx.driver === 'docker' ? "dockerd's BuildKit" : 'buildkitd'} — builder "${bx.name}" (${bx.driver} driver)`
    : 'no builder found';
  const actors: Record<Actor, ActorState> = {
    client: {
      actor: 'client',
      status: 'known',
      label: 'docker CLI + buildx in your shell',
      proxy: effectiveOf(clientLayer),
      netns: 'host',
      notes: [],
    },
    runtime: {
      actor: 'runtime',
      status: dockerdEnv ? 'known' : cli ? 'unknown' : 'absent',
      label: rootless ? 'dockerd (rootless)' : desktop ? 'dockerd (Docker Desktop)' : 'dockerd',
      proxy: runtimeProxy,
      netns: loopbackNetns(desktop, rootless, 'host'),
      notes: [],
    },
    builder: {
      actor: 'builder',
      status: bx?.env ? 'known' : bx ? 'unknown' : cli ? 'unknown' : 'absent',
      label: builderLabel,
      proxy: builderProxy,
      netns: builderNetns,
      notes: [],
    },
    run: {
      actor: 'run',
      status: cli ? 'known' : 'absent',
      label: 'RUN steps (build args, from ~/.docker/config.json proxies)',
      proxy: effectiveOf(runLayer),
      netns: runNetns,
      notes: [],
    },
  };

  return {
    host: ev.host,
    docker: {
      cli,
      daemon: status,
      daemonError: error,
      engine,
      engineText,
      desktop,
      rootless,
      info,
      buildx: buildxVersionOf(ev),
    },
    systemd: {
      unit,
      user: rootless,
      fileVars: uc.fileVars,
      environmentVars: uc.environmentVars,
      problems: uc.problems,
      flags,
      environmentFiles: uc.environmentFiles,
    },
    daemonJson: dj.config,
    dockerdEnv: dockerdProc ? { pid: dockerdProc.pid, env: dockerdProc.env } : null,
    builders: b.builders,
    buildBuilder: b.build,
    buildxBuilder: b.buildx,
    builderSelection: b.why,
    configJson,
    buildkitd: { tomls, processEnv: bkProc?.env ?? null, service: bkUnit },
    dockerfile,
    fileErrors,
    unreadable: ev.unreadable ?? [],
    ignoredFiles,
    layers,
    actors,
    client: ev.env,
  };
}
