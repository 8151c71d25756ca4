// What the two founding-case suites (rootful and rootless buildkitd) share: the daemon's config and the user's
// buildctl command, which passes the proxy only as --opt build-arg: values (all buildctl has for RUN steps).
import { join } from 'node:path';
import { PROXY } from './harness.js';

export const CACHE = process.env.E2E_CACHE ?? '/var/cache/buildproxy-e2e';
/** buildkitd, buildctl and the dockerfile frontend compiled from Debian's sources by stretch/prepare.sh */
export const BIN = join(CACHE, 'buildkit/bin');

export const TOML = `[worker.oci]
  enabled = true
  snapshotter = "overlayfs"
  networkMode = "host"
[worker.containerd]
  enabled = false
[registry."registry.test:5000"]
  http = true
`;

/** FROM and the # syntax= frontend from the registry only squid reaches; RUN fetches from the web origin. */
export function foundingDockerfile(tag: string): string {
  return `# syntax=registry.test:5000/dockerfile:1\nFROM registry.test:5000/base:latest\nRUN wget -q -O- http://web.test:8080/${tag}\n`;
}

export function buildctlArgs(ctx: string): string[] {
  return [
    'build',
    '--frontend',
    'dockerfile.v0',
    '--local',
    `context=${ctx}`,
    '--local',
    `dockerfile=${ctx}`,
    '--opt',
    `build-arg:HTTPS_PROXY=${PROXY}`,
    '--opt',
    `build-arg:HTTP_PROXY=${PROXY}`,
    '--opt',
    'add-hosts=web.test=127.0.0.3',
    '--no-cache',
    '--progress=plain',
  ];
}

/** The command the user gives the doctor: the same build, as typed in a shell. */
export const USER_COMMAND = `buildctl build --frontend dockerfile.v0 --local context=. --local dockerfile=. --opt build-arg:HTTPS_PROXY=${PROXY} --opt build-arg:HTTP_PROXY=${PROXY}`;
