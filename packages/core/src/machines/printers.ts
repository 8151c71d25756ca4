// Docker's and systemd's output formats as buildproxy's example machines print them, shared by the synthesizer
// and by plan/simulate.ts (which rewrites captured output to show the machine after a plan).
import type { CommandResult } from '../evidence/schema.js';
import type { BuilderSpec } from './synth.js';

/** The line `systemctl show -p Environment` prints: assignments separated by spaces, quoted when they hold one. */
export function systemctlEnvironment(env: Record<string, string>): string {
  const word = (s: string) => (/\s/.test(s) ? `"${s}"` : s);
  return `Environment=${Object.entries(env)
    .map(([k, v]) => word(`${k}=${v}`))
    .join(' ')}`;
}

/** `docker buildx inspect`'s "Driver Options:" value: key="value" pairs. */
export function driverOptionsText(opts: Record<string, string>): string {
  return Object.entries(opts)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');
}

/** The environment a docker-container builder gets from its env.* driver options, as KEY=value. */
export function envFromDriverOpts(opts: Record<string, string>): string[] {
  return Object.entries(opts)
    .filter(([k]) => k.startsWith('env.'))
    .map(([k, v]) => `${k.slice(4)}=${v}`);
}

/** `docker buildx inspect` of dockerd's own builder. */
export function defaultBuilderInspectText(status: string, buildkit: string): string {
  return `Name:          default\nDriver:        docker\n\nNodes:\nName:             default\nEndpoint:         default\nStatus:           ${status}\nBuildKit version: ${buildkit}\n`;
}

/** `docker buildx inspect NAME` of a builder buildx created. */
export function buildxInspectText(b: BuilderSpec): string {
  const opts = driverOptionsText(b.driverOpts ?? {});
  return [
    `Name:          ${b.name}`,
    `Driver:        ${b.driver}`,
    '',
    'Nodes:',
    `Name:                  ${b.name}0`,
    `Endpoint:              ${b.endpoint ?? 'unix:///var/run/docker.sock'}`,
    ...(opts ? [`Driver Options:        ${opts}`] : []),
    'Status:                running',
    ...(b.flags?.length ? [`BuildKit daemon flags: ${b.flags.join(' ')}`] : []),
    `BuildKit version:      ${b.buildkit ?? 'v0.17.3'}`,
    ...(b.config ? ['', 'File#buildkitd.toml:', ...b.config.split('\n').map((l) => ` > ${l}`)] : []),
    '',
  ].join('\n');
}

/** docker-ce's docker.service, as Debian's docker-ce package installs it. */
export const DOCKER_CE_UNIT = `[Unit]
Description=Docker Application Container Engine
After=network-online.target containerd.service

[Service]
Type=notify
ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock
Restart=always
`;

/** A probe that ran and exited 0 / non-zero, or whose program is not installed. */
export const commandOk = (argv: readonly string[], stdout: string): CommandResult => ({
  argv: [...argv],
  exitCode: 0,
  stdout,
  stderr: '',
  timedOut: false,
  durationMs: 5,
});
export const commandFailed = (
  argv: readonly string[],
  exitCode: number,
  stderr: string,
  stdout = '',
): CommandResult => ({
  argv: [...argv],
  exitCode,
  stdout,
  stderr,
  timedOut: false,
  durationMs: 5,
});
export const commandMissing = (argv: readonly string[]): CommandResult => ({
  argv: [...argv],
  exitCode: null,
  stdout: '',
  stderr: '',
  timedOut: false,
  error: 'not-found',
  durationMs: 1,
});
