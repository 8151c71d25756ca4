// ca-trust: the corporate CA of a TLS-inspecting proxy (--ca-cert FILE), per actor. The host store for the client,
// dockerd (and its docker-driver builder) and a host buildkitd, then the daemons that read it restarted; RUN steps
// get a Dockerfile snippet and a --secret form — the user's Dockerfile is never edited. docker-container builders
// are recreated with the CA by buildx-docker-container, a standalone buildkitd's toml is buildkitd-toml's.
import { HOST_CA_COPY } from '../../evidence/canonical.js';
import { shQuote } from '../../formats/encode.js';
import type { Target } from '../../targets.js';
import { ok, type PlanContext, refuse, type TargetDefinition } from '../context.js';
import { exactly } from '../declare.js';
import { daemonTarget } from '../select.js';
import { sentence } from '../sentences.js';
import type { PlanCommand, PlanSnippet, TargetResult } from '../types.js';

const INSTALL = ['install', '-m', '0644'];

function caTrust(ctx: PlanContext, target: Target): TargetResult {
  const ca = ctx.profile.caCert;
  if (!ca) return refuse(sentence('ca-trust.no-ca-install-pass'));
  if (!ca.startsWith('/')) return refuse(`--ca-cert must be an absolute path (${ca})`);
  const commands: PlanCommand[] = [
    {
      argv: [...INSTALL, ca, HOST_CA_COPY],
      why: sentence('ca-trust.host-ca-store-client'),
      needsRoot: true,
      disruptive: false,
      target,
    },
    {
      argv: ['update-ca-certificates'],
      why: sentence('ca-trust.rebuild-etc-ssl-certs'),
      needsRoot: true,
      disruptive: false,
      target,
    },
  ];
  const daemon = daemonTarget(ctx.state);
  if (daemon === 'docker-systemd')
    commands.push({
      argv: ['systemctl', 'restart', 'docker'],
      why: sentence('ca-trust.dockerd-reads-ca-store'),
      needsRoot: true,
      disruptive: true,
      target,
    });
  if (ctx.state.buildkitd.service?.loaded && ctx.state.buildctl?.unitScope !== 'user')
    commands.push({
      argv: ['systemctl', 'restart', 'buildkit'],
      why: 'buildkitd reads the CA store when it starts',
      needsRoot: true,
      disruptive: true,
      target,
    });
  const snippets: PlanSnippet[] = [
    {
      title: sentence('ca-trust.other-distributions-per-registry'),
      language: 'sh',
      target,
      text: `# Fedora, RHEL: the anchors folder and update-ca-trust
sudo install -m 0644 ${shQuote(ca)} /etc/pki/ca-trust/source/anchors/buildproxy-corporate-ca.crt && sudo update-ca-trust
# dockerd only, per registry (does not cover the token and CDN hosts a redirect goes to):
sudo install -D -m 0644 ${shQuote(ca)} /etc/docker/certs.d/registry-1.docker.io/ca.crt`,
    },
    {
      title: sentence('ca-trust.run-steps-add-your'),
      language: 'dockerfile',
      target,
      text: `# Copy corp-ca.crt next to the Dockerfile first: cp ${shQuote(ca)} corp-ca.crt
COPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt
RUN update-ca-certificates`,
    },
    {
      title: sentence('ca-trust.run-steps-without-baking'),
      language: 'dockerfile',
      target,
      text: `# Dockerfile: the CA is mounted only while this step runs
RUN --mount=type=secret,id=corp-ca,target=/etc/ssl/certs/ca-certificates.crt \\
    apt-get update && apt-get install -y --no-install-recommends curl
# build with:
docker buildx build --secret id=corp-ca,src=${shQuote(ca)} .`,
    },
  ];
  return ok([], commands, snippets);
}

export const caTrustTarget: TargetDefinition<'ca-trust'> = {
  id: 'ca-trust',
  generate: caTrust,
  declares: {
    files: [],
    commands: [
      (argv) =>
        argv.length === 5 &&
        argv.slice(0, 3).join(' ') === INSTALL.join(' ') &&
        argv[3]!.startsWith('/') &&
        !argv[3]!.startsWith('-') &&
        argv[4] === HOST_CA_COPY
          ? null
          : `not "install -m 0644 FILE ${HOST_CA_COPY}"`,
      exactly('update-ca-certificates'),
      exactly('systemctl', 'restart', 'docker'),
      exactly('systemctl', 'restart', 'buildkit'),
    ],
  },
};
