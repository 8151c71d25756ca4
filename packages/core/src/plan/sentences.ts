// long because: every sentence a plan says (a file's or a command's reason, a snippet's title, a refusal), in
// English, by a typed id. The plan code writes them through sentence(id), so the text lives here once; a page in
// another language finds the id of a plan's sentence (sentenceOf) and shows its own template for that id
// (sentences-zh-cn.ts, typed by the same ids: a missing translation does not compile). {name}-style slots are
// values (a builder's name, a file): they stay verbatim in every language.

export const PLAN_SENTENCES = {
  'docker-daemon-json.dockerd-applies-over-environment':
    'dockerd applies these over its environment (Engine ≥ 23)',
  'buildkitd-toml.buildkitd-trusts-corporate-ca':
    'buildkitd trusts the corporate CA for these registries (restart buildkitd)',
  'client-shell.proxy-docker-buildx-your':
    'the proxy for docker and buildx in your shell (registry tokens are fetched by the CLI)',
  'buildkitd-toml.new-docker-container-builders':
    'new docker-container builders read this file; buildx copies the CA into the builder',
  'systemd.systemd-re-reads-unit': 'systemd re-reads the unit files',
  'systemd.dockerd-reads-environment-at':
    'dockerd reads its environment only at start; this stops running containers (live-restore is off)',
  'docker-daemon-json.dockerd-reads-daemon-json':
    'dockerd reads daemon.json proxies only at start; this stops running containers (live-restore is off)',
  'buildx-docker-container.builder-s-environment-fixed':
    "a builder's environment is fixed when its container is created; --keep-state keeps the build cache (without it the cache is lost)",
  'systemd.buildkitd-reads-environment-at':
    'buildkitd reads its environment only at start; running builds are interrupted',
  'ca-trust.host-ca-store-client':
    'the host CA store: the client (token fetch), dockerd and a host buildkitd read it',
  'ca-trust.rebuild-etc-ssl-certs': 'rebuild /etc/ssl/certs/ca-certificates.crt with it',
  'ca-trust.dockerd-reads-ca-store': 'dockerd reads the CA store when it starts',
  'build-command.docker-build-docker-buildx': 'docker build / docker buildx build',
  'build-command.buildctl-run-steps-get':
    'buildctl: RUN steps get only --opt build-arg: values (the client needs the proxy too, for registry tokens)',
  'build-command.docker-compose': 'docker compose',
  'build-command.docker-buildx-bake': 'docker buildx bake',
  'build-command.proxy-host-s-127': "A proxy on this host's 127.0.0.1: run RUN steps in the host network",
  'ca-trust.other-distributions-per-registry': 'Other distributions, and per registry for dockerd only',
  'ca-trust.run-steps-add-your': 'RUN steps: add to your Dockerfile (buildproxy never edits it)',
  'ca-trust.run-steps-without-baking':
    'RUN steps without baking the CA into the image: a secret mount per step',
  'build-command.buildkitd-started-without-systemd':
    'buildkitd started without systemd: stop it, then start it with the proxy in its environment',
  'kubernetes.buildkit-deployment-add-proxy': 'BuildKit Deployment: add the proxy to the buildkitd container',
  'kubernetes.apply-as-patch': 'Apply it as a patch',
  'kubernetes.buildx-kubernetes-driver-buildx':
    'buildx kubernetes driver (buildx ≥ 0.28 passes env.* to the pod)',
  'client-shell.or-let-builder-fetch': 'Or let the builder fetch registry tokens with its own proxy',
  'ci-github-actions.github-actions-whole-job': 'GitHub Actions: a whole job',
  'ci-gitlab.gitlab-ci-variables-reach': 'GitLab CI: variables reach the job, the dind daemon and build args',
  'desktop-settings.docker-desktop-settings-resources': 'In Docker Desktop: Settings > Resources > Proxies',
  'desktop-settings.docker-desktop-gives-engine':
    'Docker Desktop gives its engine the new proxy only when it restarts ("Apply & restart" does it too; the command needs Desktop 4.37+)',
  'desktop-settings.docker-desktop-reads-settings':
    'Docker Desktop reads its settings when it starts, and only then gives its engine the proxy (Desktop 4.37+; or open Docker Desktop)',
  'wslconfig.mirrored-networking-distro-shares':
    "mirrored networking: the distro shares Windows' 127.0.0.1, so its dockerd reaches the Windows proxy there",
  'wslconfig.restart-wsl-from-windows':
    'Restart WSL from Windows (PowerShell): it stops every distro, this one too',
  'wslconfig.check-distro-once-open': 'Check, in the distro once it is open again',
  'wslconfig.wsl-stops-copying-windows':
    "WSL stops copying the Windows loopback proxy into Docker Desktop's VM (where 127.0.0.1 is the VM); Desktop uses its own proxy settings",
  'buildkitd-toml.nothing-write-pass-ca':
    'nothing to write: pass --ca-cert FILE for a TLS-inspecting proxy, or --mirror HOST',
  'cntlm-relay.cntlm-relays-corporate-proxy':
    'cntlm relays to the corporate proxy with NTLM, for loopback and the docker bridge only',
  'cntlm-relay.debian-s-cntlm-package': "Debian's cntlm package",
  'cntlm-relay.start-relay-configuration-after':
    'start the relay with this configuration (after the hash is pasted)',
  'cntlm-relay.make-hash-then-point': 'Make the hash, then point every actor at the relay',
  'ca-trust.no-ca-install-pass':
    'no CA to install: pass --ca-cert FILE (save the one your proxy presents with doctor --network --save-ca FILE)',
  'containers-conf.podman-buildah-are-not': 'podman and buildah are not installed here',
  'podman-machine.no-podman-machine-here': 'no podman machine here (podman machine list shows none)',
  'colima-yaml.colima-not-use-here':
    'colima is not in use here (no colima context, colima.yaml or colima on PATH)',
  'lima-override.lima-not-use-here':
    'Lima is not in use here (no docker context in ~/.lima, no ~/.lima/_config files)',
  'rancher-desktop.rancher-desktop-not-use':
    'Rancher Desktop is not in use here (no settings.json, no Rancher Desktop docker endpoint)',
  'wslconfig.not-wsl-2-no': 'this is not WSL 2 (no WSL distro, and not Windows): .wslconfig configures WSL',
  'systemd.proxy-url-has-password': 'the proxy URL has a password: it goes in a file only root can read',
  'cntlm-relay.proxy-already-host-give':
    'the proxy is already on this host: give the corporate proxy (--proxy) that cntlm relays to',
  'buildx-docker-container.recreates': 'recreates "{name}" as it was, with the proxy in its environment',
  'buildx-docker-container.recreates-host':
    'recreates "{name}" as it was, with the proxy in its environment and host networking, so it can reach the proxy on 127.0.0.1',
  'buildx-docker-container.toml-ca':
    'the buildkitd.toml of builder "{name}" with the corporate CA, to recreate it with',
  'buildx-docker-container.toml': 'the buildkitd.toml of builder "{name}", to recreate it with',
  'client-shell.load-from': 'Load it from {rc}',
  'docker-cli-config.build-args':
    'docker build and docker buildx build pass these to RUN steps as build args',
  'systemd.gives-dockerd':
    "gives dockerd and its embedded BuildKit (the docker driver's builder) the proxy at start-up",
  'systemd.gives-buildkitd': 'gives buildkitd the proxy at start-up',
} as const;

export type PlanSentenceId = keyof typeof PLAN_SENTENCES;

/** The English of a sentence with its slots filled. */
export function sentence(id: PlanSentenceId, values: Record<string, string> = {}): string {
  return PLAN_SENTENCES[id].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}

/** The slots of a template, in order. */
export const slotsOf = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

const escapeRe = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
let matchers: { id: PlanSentenceId; re: RegExp }[] | null = null;

/** Which sentence an English text is, with its slots' values; null for a text no template says. */
export function sentenceOf(text: string): { id: PlanSentenceId; values: Record<string, string> } | null {
  matchers ??= (Object.keys(PLAN_SENTENCES) as PlanSentenceId[]).map((id) => ({
    id,
    re: new RegExp(
      `^${PLAN_SENTENCES[id]
        .split(/(\{\w+\})/)
        .map((p) => (/^\{\w+\}$/.test(p) ? `(?<${p.slice(1, -1)}>.+?)` : escapeRe(p)))
        .join('')}$`,
      's',
    ),
  }));
  for (const { id, re } of matchers) {
    const m = re.exec(text);
    if (m) return { id, values: { ...m.groups } };
  }
  return null;
}
