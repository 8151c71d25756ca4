// long because: one synthesizer prints every part of a machine (docker, builders, buildkitd, engines, network) consistently.
// Synthesise a consistent evidence bundle from a short machine description. Rule examples, the docs and the
// tests all describe machines this way, so a documented example is exactly what the test runs.
import { unitConfig } from '../analyze/daemon-config.js';
import { daemonJsonProxies, dockerInfoProxies } from '../analyze/daemon-info.js';
import {
  buildxInspectNamed,
  buildxInstancePath,
  CMD,
  containerInspect,
  daemonJsonPath,
  type FileContext,
  systemctlShow,
} from '../evidence/canonical.js';
import type { NetworkEvidence } from '../evidence/network.js';
import type { WslHost } from '../evidence/platforms.js';
import { type CommandResult, EVIDENCE_FORMAT, type Evidence } from '../evidence/schema.js';
import { encodeBase64 } from '../formats/base64.js';
import { hostOf } from './host.js';
import {
  buildxInspectText,
  DOCKER_CE_UNIT,
  defaultBuilderInspectText,
  envFromDriverOpts,
  commandFailed as fail,
  commandMissing as missing,
  commandOk as ok,
  systemctlEnvironment,
} from './printers.js';

export interface BuilderSpec {
  name: string;
  driver: 'docker-container' | 'remote' | 'kubernetes';
  driverOpts?: Record<string, string>;
  /** container env when it differs from the env.* driver options (e.g. created before a change) */
  containerEnv?: Record<string, string>;
  buildkit?: string;
  flags?: string[];
  config?: string;
  endpoint?: string;
  /** chosen with --platform at creation, e.g. ["linux/amd64", "linux/arm64"] */
  platforms?: string[];
}

export interface MachineSpec {
  home?: string;
  /** the platforms contract: host.platform (default linux), host.wsl, more commands (scutil, reg, wslinfo …) */
  platform?: string;
  wsl?: WslHost | null;
  commands?: CommandResult[];
  uid?: number;
  /** analysed through sudo: who, and what sudo's env_reset dropped */
  sudo?: import('../evidence/sudo.js').SudoEvidence;
  env?: Record<string, string>;
  files?: Record<string, string | null>;
  /** false: docker is not installed */
  docker?:
    | false
    | {
        engine?: string;
        daemon?: 'up' | 'down';
        desktop?: boolean;
        rootless?: boolean;
        /** false: no systemd (containers, WSL without systemd) */
        systemd?: boolean;
        /** what systemd has loaded, when it lags the files (no daemon-reload yet) */
        loadedEnv?: Record<string, string>;
        /** dockerd's environ, when it lags what systemd has loaded (no restart yet) */
        processEnv?: Record<string, string>;
        buildx?: string | false;
        builders?: BuilderSpec[];
        /** the builder chosen with `docker buildx use` */
        current?: string;
        execStart?: string[];
        unitFile?: string;
        buildkitVersion?: string;
      };
  /** a standalone buildkitd; rootless listens under /run/user/UID/buildkit, as rootlesskit starts it */
  buildkitd?: { env: Record<string, string>; rootless?: boolean };
  dockerfile?: string;
  /** files that exist but the doctor may not read (a non-root user and a 0600 file) */
  unreadable?: string[];
  /** what `doctor --network` found (evidence.network as is) */
  network?: NetworkEvidence;
  /** what the PAC file answered (evidence.pac as is) */
  pac?: import('../evidence/pac.js').PacEvidence;
  /** the build command given with --command, run in the home folder */
  commandLine?: string;
}

export type { DOCKER_CE_UNIT };

export function synthesize(spec: MachineSpec): Evidence {
  const home = spec.home ?? '/home/alice';
  const env = spec.env ?? {};
  const files: Record<string, string | null> = {
    '/etc/docker/daemon.json': null,
    [`${home}/.docker/config.json`]: null,
    ...spec.files,
  };
  const commands: CommandResult[] = [];
  const processes: Evidence['processes'] = [];
  const d = spec.docker;
  const ctx: FileContext = { home, env };
  if (d === false) {
    for (const argv of [
      CMD.dockerVersion,
      CMD.dockerInfo,
      CMD.dockerdVersion,
      CMD.buildxVersion,
      CMD.buildxLs,
      CMD.buildxInspect,
    ]) {
      commands.push(missing(argv));
    }
  } else {
    const dd = d ?? {};
    const engine = dd.engine ?? '26.1.5';
    const up = (dd.daemon ?? 'up') === 'up';
    const rootless = dd.rootless ?? false;
    const unitPath = rootless
      ? `${home}/.config/systemd/user/docker.service`
      : '/lib/systemd/system/docker.service';
    if (dd.systemd !== false && files[unitPath] === undefined)
      files[unitPath] = dd.unitFile ?? DOCKER_CE_UNIT;
    const uc = unitConfig({ files } as Evidence, 'docker', rootless, ctx, null);
    // systemctl show -p Environment lists Environment= lines only; EnvironmentFile= contents reach the process.
    const loaded = dd.loadedEnv ?? Object.fromEntries([...uc.environmentVars].map(([k, v]) => [k, v.value]));
    const fileEnv = Object.fromEntries([...uc.fileVars].map(([k, v]) => [k, v.value]));
    const procEnv = dd.processEnv ?? (dd.loadedEnv ? { ...fileEnv, ...dd.loadedEnv } : fileEnv);
    if (dd.systemd !== false) {
      const showArgv = systemctlShow('docker', rootless);
      commands.push(
        ok(
          showArgv,
          [
            systemctlEnvironment(loaded),
            ...uc.environmentFiles.map((f) => `EnvironmentFiles=${f} (ignore_errors=yes)`),
            `ExecStart={ path=/usr/bin/dockerd ; argv[]=${(dd.execStart ?? uc.execStart ?? ['/usr/bin/dockerd']).join(' ')} ; ignore_errors=no }`,
            `ActiveEnterTimestamp=${up ? 'Sat 2026-11-28 05:00:00 UTC' : 'n/a'}`,
            `FragmentPath=${unitPath}`,
            `DropInPaths=${uc.dropIns.join(' ')}`,
          ].join('\n'),
        ),
      );
      commands.push(fail(systemctlShow('docker', !rootless), 0, ''));
    } else {
      commands.push(missing(systemctlShow('docker', false)));
    }
    // As docker.service starts it: -H fd:// on the socket docker.socket listens on (the resolver ties it there).
    const sock = rootless ? `/run/user/${spec.uid ?? 1000}/docker.sock` : '/run/docker.sock';
    if (up)
      processes.push({
        name: 'dockerd',
        pid: 812,
        env: procEnv,
        argv: dd.execStart ?? uc.execStart ?? ['/usr/bin/dockerd', '-H', 'fd://'],
        sockets: [sock],
      });
    const djPath = daemonJsonPath(home, { desktop: dd.desktop, rootless });
    const djProxies = daemonJsonProxies(djPath, files[djPath]);
    const useDj = Number(engine.split('.')[0]) >= 23 && !dd.desktop;
    const os = dd.desktop ? 'Docker Desktop' : 'Debian GNU/Linux 12 (bookworm)';
    const security = ['name=seccomp,profile=builtin', ...(rootless ? ['name=rootless'] : [])];
    if (up) {
      commands.push(
        ok(
          CMD.dockerInfo,
          JSON.stringify({
            ServerVersion: engine,
            OperatingSystem: os,
            ...dockerInfoProxies(procEnv, djProxies, useDj),
            SecurityOptions: security,
            Name: 'buildhost',
          }),
        ),
      );
      commands.push(
        ok(CMD.dockerVersion, JSON.stringify({ Client: { Version: '28.2.2' }, Server: { Version: engine } })),
      );
    } else {
      const err =
        'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
      commands.push(fail(CMD.dockerInfo, 1, err, '{}'));
      commands.push(
        fail(CMD.dockerVersion, 1, err, JSON.stringify({ Client: { Version: '28.2.2' }, Server: null })),
      );
    }
    commands.push(ok(CMD.dockerdVersion, `Docker version ${engine}, build 5d6db84\n`));
    const buildx = dd.buildx ?? 'github.com/docker/buildx 0.13.1 0.13.1';
    if (buildx === false) {
      const err = "docker: 'buildx' is not a docker command.\nSee 'docker --help'";
      for (const argv of [CMD.buildxVersion, CMD.buildxLs, CMD.buildxInspect])
        commands.push(fail(argv, 1, err));
    } else {
      commands.push(ok(CMD.buildxVersion, `${buildx}\n`));
      const builders = dd.builders ?? [];
      const current = dd.current ?? 'default';
      const bkDefault = dd.buildkitVersion ?? 'v0.13.2';
      const lsLines = [
        JSON.stringify({
          Name: 'default',
          Driver: 'docker',
          Current: current === 'default',
          Nodes: [
            { Name: 'default', Endpoint: 'default', Status: up ? 'running' : 'error', Version: bkDefault },
          ],
        }),
        ...builders.map((b) =>
          JSON.stringify({
            Name: b.name,
            Driver: b.driver,
            Current: current === b.name,
            Nodes: [
              {
                Name: `${b.name}0`,
                Endpoint: b.endpoint ?? 'unix:///var/run/docker.sock',
                Status: 'running',
                DriverOpts: b.driverOpts ?? {},
                Version: b.buildkit ?? 'v0.17.3',
                Flags: b.flags ?? [],
              },
            ],
          }),
        ),
      ];
      commands.push(ok(CMD.buildxLs, `${lsLines.join('\n')}\n`));
      const inspectText = (b: BuilderSpec | null) =>
        b ? buildxInspectText(b) : defaultBuilderInspectText(up ? 'running' : 'error', bkDefault);
      // buildx's own record of each builder it created (platforms as OCI objects, the config base64-encoded).
      for (const b of builders) {
        files[buildxInstancePath(ctx, b.name)] = JSON.stringify({
          Name: b.name,
          Driver: b.driver,
          Nodes: [
            {
              Name: `${b.name}0`,
              Endpoint: b.endpoint ?? 'unix:///var/run/docker.sock',
              Platforms: b.platforms?.length
                ? b.platforms.map((p) => {
                    const [os, architecture, variant] = p.split('/');
                    return { architecture, os, ...(variant ? { variant } : {}) };
                  })
                : null,
              Flags: b.flags ?? [],
              DriverOpts: b.driverOpts ?? {},
              Files: b.config ? { 'buildkitd.toml': encodeBase64(b.config) } : null,
            },
          ],
          Dynamic: false,
        });
      }
      const cur = builders.find((b) => b.name === current) ?? null;
      commands.push(ok(CMD.buildxInspect, inspectText(cur)));
      commands.push(ok(buildxInspectNamed('default'), inspectText(null)));
      for (const b of builders) {
        commands.push(ok(buildxInspectNamed(b.name), inspectText(b)));
        if (b.driver !== 'docker-container') continue;
        const optEnv = envFromDriverOpts(b.driverOpts ?? {});
        const cEnv = b.containerEnv ? Object.entries(b.containerEnv).map(([k, v]) => `${k}=${v}`) : optEnv;
        commands.push(
          ok(
            containerInspect(`${b.name}0`),
            JSON.stringify([
              {
                Created: '2026-11-27T09:00:00Z',
                Config: {
                  Env: [...cEnv, 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
                },
                HostConfig: { NetworkMode: b.driverOpts?.network ?? 'bridge' },
                State: { Running: true },
              },
            ]),
          ),
        );
      }
    }
  }
  for (const u of spec.unreadable ?? []) files[u] = null;
  // A rootful buildkitd at its default address, as its systemd unit starts it: buildctl's default reaches it.
  // A rootless one at $XDG_RUNTIME_DIR/buildkit/buildkitd.sock, which BUILDKIT_HOST must then name.
  if (spec.buildkitd) {
    const userSock = `/run/user/${spec.uid ?? 1000}/buildkit/buildkitd.sock`;
    processes.push({
      name: 'buildkitd',
      pid: 900,
      env: spec.buildkitd.env,
      argv: spec.buildkitd.rootless ? ['rootlesskit', 'buildkitd'] : ['/usr/local/bin/buildkitd'],
      sockets: [spec.buildkitd.rootless ? userSock : '/run/buildkit/buildkitd.sock'],
    });
  }
  for (const c of spec.commands ?? []) {
    // a recorded command replaces the synthesized one with the same argv (colima's docker info)
    const same = commands.findIndex((x) => x.argv.join('\0') === c.argv.join('\0'));
    if (same !== -1) commands.splice(same, 1);
    commands.push(c);
  }
  return {
    format: EVIDENCE_FORMAT,
    capturedAt: '2026-11-28T05:00:00Z',
    host: { ...hostOf(spec, home), ...(spec.sudo ? { sudo: spec.sudo } : {}) },
    env,
    files,
    commands, // spec.commands were merged above: one with a synthesized argv replaces it
    processes,
    dockerfile: spec.dockerfile !== undefined ? { path: 'Dockerfile', content: spec.dockerfile } : null,
    ...(spec.commandLine !== undefined ? { buildCommand: { text: spec.commandLine, cwd: home } } : {}),
    ...(spec.unreadable ? { unreadable: spec.unreadable } : {}),
    ...(spec.network ? { network: spec.network } : {}),
    ...(spec.pac ? { pac: spec.pac } : {}),
  };
}
