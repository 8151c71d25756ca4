// Plan target ids: the vocabulary rules name (Rule.targets, their fix text) and plan/targets/<id>.ts implements.
// A leaf module, so that rules can name a target without importing the planner.

export const TARGETS = [
  'docker-systemd',
  'docker-systemd-rootless',
  'docker-daemon-json',
  'docker-cli-config',
  'buildx-docker-container',
  'buildkitd-systemd',
  'buildkitd-toml',
  'kubernetes',
  'client-shell',
  'build-command',
  'ci-github-actions',
  'ci-gitlab',
  'cntlm-relay',
  'ca-trust',
  'desktop-settings',
  'containers-conf',
  'podman-machine',
  'colima-yaml',
  'lima-override',
  'rancher-desktop',
  'wslconfig',
] as const;
export type Target = (typeof TARGETS)[number];

export function isTarget(t: string): t is Target {
  return (TARGETS as readonly string[]).includes(t);
}
