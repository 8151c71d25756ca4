// Example machines for the other engines, printed in the real formats of their commands and files. Podman 4.3.1
// and Buildah 1.28.2 outputs were captured on Debian 12 (the e2e machine); podman machine, Colima, Lima and Rancher
// Desktop cannot run there, so their outputs follow the sources named at each printer.

import { CMD } from '../evidence/canonical.js';
import {
  colimaSshArgv,
  ENGINE_CMD,
  podmanMachineCatArgv,
  podmanMachineInspectArgv,
} from '../evidence/engines-cmd.js';
import type { CommandResult } from '../evidence/schema.js';
import { HOME, PROXY } from './fixtures.js';
import { machineInspectJson } from './podman-machine.js';
import { commandFailed as fail, commandMissing as missing, commandOk as ok } from './printers.js';
import type { MachineSpec } from './synth.js';

/** `podman version --format json` (captured, 4.3.1); a remote client also prints Server. */
export function podmanVersionJson(client: string, server?: string): string {
  const side = (v: string) => ({
    APIVersion: v,
    Version: v,
    GoVersion: 'go1.19.8',
    GitCommit: '',
    BuiltTime: 'Thu Jan  1 00:00:00 1970',
    Built: 0,
    OsArch: 'linux/amd64',
    Os: 'linux',
  });
  return JSON.stringify({ Client: side(client), ...(server ? { Server: side(server) } : {}) });
}

/** `podman info --format json`, the fields the analysis reads (captured shape, 4.3.1). */
export function podmanInfoJson(o: { remote: boolean; rootless: boolean; version: string }): string {
  return JSON.stringify({
    host: {
      arch: 'amd64',
      os: 'linux',
      remoteSocket: { path: o.rootless ? '/run/user/1000/podman/podman.sock' : '/run/podman/podman.sock' },
      serviceIsRemote: o.remote,
      security: { rootless: o.rootless, seccompEnabled: true },
    },
    version: { APIVersion: o.version, Version: o.version },
  });
}

/** `buildah version --json` (captured, 1.28.2). */
export const BUILDAH_VERSION_JSON = `{\n    "version": "1.28.2",\n    "goVersion": "go1.19.8",\n    "imageSpec": "1.1.0-rc2",\n    "runtimeSpec": "1.0.2-dev",\n    "cniSpec": "1.0.0",\n    "libcniVersion": "",\n    "imageVersion": "5.23.1",\n    "gitCommit": "",\n    "built": "Thu Jan  1 00:00:00 1970",\n    "osArch": "linux/amd64",\n    "buildPlatform": "linux/amd64"\n}\n`;

/** Local podman on Linux (client = runtime = builder), optionally with buildah. */
export function podmanLocal(
  o: { version?: string; rootless?: boolean; buildah?: boolean } = {},
): CommandResult[] {
  const v = o.version ?? '4.3.1';
  return [
    ok(ENGINE_CMD.podmanVersion, podmanVersionJson(v)),
    ok(ENGINE_CMD.podmanInfo, podmanInfoJson({ remote: false, rootless: o.rootless ?? true, version: v })),
    ok(ENGINE_CMD.podmanConnections, '[]\n'),
    // captured as root: `Error: cannot run command "podman machine list" as root`, exit 125; as a user: []
    o.rootless === false
      ? fail(ENGINE_CMD.podmanMachines, 125, 'Error: cannot run command "podman machine list" as root\n')
      : ok(ENGINE_CMD.podmanMachines, '[]\n'),
    o.buildah ? ok(ENGINE_CMD.buildahVersion, BUILDAH_VERSION_JSON) : missing(ENGINE_CMD.buildahVersion),
  ];
}

/**
 * podman on macOS/Windows with a running machine: the CLI is remote, pulls and RUN happen in the VM with the
 * environment podman wrote to its systemd manager. default-env.conf is `[Manager]` + `DefaultEnvironment="K=V" …`
 * (containers/podman pkg/machine/proxyenv/env.go; podman 4.0–4.x wrote it via envset-fwcfg.service).
 * `podman machine list --format json` fields: containers/podman pkg/domain/entities/machine.go@v5.4.0.
 */
export function podmanMachine(o: {
  client: string;
  server?: string;
  name?: string;
  vmEnv: Record<string, string> | null;
  /** print `podman machine inspect NAME` (podman 5 shape, docs/source/markdown/podman-machine-inspect.1.md) */
  inspect?: { provider: string; lastUp: string };
}): CommandResult[] {
  const name = o.name ?? 'podman-machine-default';
  const server = o.server ?? o.client;
  const env = o.vmEnv
    ? `[Manager]\n${Object.entries(o.vmEnv)
        .map(([k, v]) => `DefaultEnvironment="${k}=${v}"`)
        .join('\n')}\n`
    : null;
  return [
    ok(ENGINE_CMD.podmanVersion, podmanVersionJson(o.client, server)),
    ok(ENGINE_CMD.podmanInfo, podmanInfoJson({ remote: true, rootless: true, version: server })),
    ok(
      ENGINE_CMD.podmanMachines,
      JSON.stringify([
        {
          Name: name,
          Default: true,
          Created: '2026-11-20T09:00:00Z',
          Running: true,
          Starting: false,
          LastUp: '2026-11-28T04:55:00Z',
          VMType: 'applehv',
          CPUs: 4,
          Memory: '2147483648',
          DiskSize: '107374182400',
          Port: 51907,
          RemoteUsername: 'core',
          UserModeNetworking: true,
        },
      ]),
    ),
    ...(o.inspect ? [ok(podmanMachineInspectArgv(name), machineInspectJson(name, o.inspect))] : []),
    env
      ? ok(podmanMachineCatArgv(name, '/etc/systemd/system.conf.d/default-env.conf'), env)
      : fail(
          podmanMachineCatArgv(name, '/etc/systemd/system.conf.d/default-env.conf'),
          1,
          'cat: /etc/systemd/system.conf.d/default-env.conf: No such file or directory\n',
        ),
  ];
}

/** `docker context inspect` (JSON array; shape captured with docker CLI 28.2.2) for an endpoint. */
export function contextInspect(name: string, host: string): CommandResult {
  return ok(
    ['docker', 'context', 'inspect'],
    `${JSON.stringify(
      [
        {
          Name: name,
          Metadata: { Description: name },
          Endpoints: { docker: { Host: host, SkipTLSVerify: false } },
          TLSMaterial: {},
          Storage: {
            MetadataPath: `${HOME}/.docker/contexts/meta/x`,
            TLSPath: `${HOME}/.docker/contexts/tls/x`,
          },
        },
      ],
      null,
      4,
    )}\n`,
  );
}

/**
 * Colima on a Mac (profile default): `colima version` as printed in abiosoft/colima#1144 (0.7.5), `colima status
 * --json` fields from app/app.go statusInfo (≥ 0.8.1), and the VM's daemon.json / /etc/environment as `colima ssh
 * -- cat` prints them (#1144: daemon.json kept 127.0.0.1 while the VM env had 192.168.5.2).
 */
export function colimaMachine(o: {
  version: string;
  daemonJsonProxy: string | null;
  vmEnvProxy: string | null;
}): CommandResult[] {
  const sock = `unix://${HOME.replace('/home/', '/Users/')}/.colima/default/docker.sock`;
  const modern = Number(o.version.split('.')[1]) >= 8;
  return [
    contextInspect('colima', sock),
    // docker info reports the daemon in the VM: its daemon.json proxies (captured JSON shape, docker CLI 28.2.2)
    ok(
      CMD.dockerInfo,
      JSON.stringify({
        ServerVersion: '27.1.1',
        OperatingSystem: 'Ubuntu 24.04.1 LTS',
        Name: 'colima',
        HttpProxy: o.daemonJsonProxy ?? '',
        HttpsProxy: o.daemonJsonProxy ?? '',
        NoProxy: '',
        SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
      }),
    ),
    ok(
      ENGINE_CMD.colimaVersion,
      `colima version ${o.version}\ngit commit: 1588c066b9ab9dae8205ef265929c7eb43dca473\n\nruntime: docker\narch: aarch64\nclient: v27.3.1\nserver: v27.1.1\n`,
    ),
    ...(modern
      ? [
          ok(
            ENGINE_CMD.colimaStatus,
            `${JSON.stringify({ display_name: 'colima', driver: 'macOS Virtualization.Framework', arch: 'aarch64', runtime: 'docker', mount_type: 'virtiofs', docker_socket: sock, containerd_socket: `${sock.replace('docker.sock', 'containerd.sock')}`, kubernetes: false, cpu: 2, memory: 2147483648, disk: 107374182400 })}\n`,
          ),
        ]
      : []),
    ok(
      colimaSshArgv('default', '/etc/docker/daemon.json'),
      `${JSON.stringify(
        {
          features: { buildkit: true },
          'exec-opts': ['native.cgroupdriver=cgroupfs'],
          ...(o.daemonJsonProxy
            ? { proxies: { 'http-proxy': o.daemonJsonProxy, 'https-proxy': o.daemonJsonProxy } }
            : {}),
        },
        null,
        2,
      )}\n`,
    ),
    ok(
      colimaSshArgv('default', '/etc/environment'),
      `PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n${
        o.vmEnvProxy
          ? `#LIMA-START\nHTTP_PROXY=${o.vmEnvProxy}\nHTTPS_PROXY=${o.vmEnvProxy}\nhttp_proxy=${o.vmEnvProxy}\nhttps_proxy=${o.vmEnvProxy}\n#LIMA-END\n`
          : ''
      }`,
    ),
  ];
}

/** A podman-only Linux machine (no docker): shell proxy, podman 4.3.1 rootless. */
export const GOOD_PODMAN: MachineSpec = {
  home: HOME,
  env: {
    HTTP_PROXY: PROXY,
    HTTPS_PROXY: PROXY,
    NO_PROXY: 'localhost,127.0.0.1',
    http_proxy: PROXY,
    https_proxy: PROXY,
  },
  docker: false,
  commands: podmanLocal({ buildah: true }),
};

/**
 * colima.yaml as colima writes it on first start (abiosoft/colima embedded/defaults/colima.yaml, abridged: the keys
 * around the proxy, with their comments), plus the user's `env`.
 */
export function colimaYaml(env: Record<string, string> = {}): string {
  const envText = Object.keys(env).length
    ? `env:\n${Object.entries(env)
        .map(([k, v]) => `  ${k}: ${v}`)
        .join('\n')}\n`
    : 'env: {}\n';
  return `# Number of CPUs to be allocated to the virtual machine.
# Default: 2
cpu: 2

# Size of the disk in GiB to be allocated to the virtual machine.
# Default: 100
disk: 100

# Size of the memory in GiB to be allocated to the virtual machine.
# Default: 2
memory: 2

# Container runtime to be used (docker, containerd).
# Default: docker
runtime: docker

# Docker daemon configuration that maps directly to daemon.json.
# https://docs.docker.com/engine/reference/commandline/dockerd/#daemon-configuration-file.
# NOTE: some settings may affect Colima's ability to start docker. e.g. \`hosts\`.
#
# Default: {}
docker: {}

# Custom provision scripts for the virtual machine.
# Default: []
provision: []

# Environment variables for the virtual machine.
#
# EXAMPLE
# env:
#   KEY: value
#   ANOTHER_KEY: another value
#
# Default: {}
${envText}`;
}
