// Every plan target, by id: one file per target in this folder, named by its id.
import type { Target } from '../../targets.js';
import type { TargetDefinition } from '../context.js';
import { buildCommandTarget } from './build-command.js';
import { buildkitdSystemdTarget } from './buildkitd-systemd.js';
import { buildkitdTomlTarget } from './buildkitd-toml.js';
import { buildxDockerContainerTarget } from './buildx-docker-container.js';
import { caTrustTarget } from './ca-trust.js';
import { ciGithubActionsTarget } from './ci-github-actions.js';
import { ciGitlabTarget } from './ci-gitlab.js';
import { clientShellTarget } from './client-shell.js';
import { cntlmRelayTarget } from './cntlm-relay.js';
import { colimaYamlTarget } from './colima-yaml.js';
import { containersConfTarget } from './containers-conf.js';
import { desktopSettingsTarget } from './desktop-settings.js';
import { dockerCliConfigTarget } from './docker-cli-config.js';
import { dockerDaemonJsonTarget } from './docker-daemon-json.js';
import { dockerSystemdTarget } from './docker-systemd.js';
import { dockerSystemdRootlessTarget } from './docker-systemd-rootless.js';
import { kubernetesTarget } from './kubernetes.js';
import { limaOverrideTarget } from './lima-override.js';
import { podmanMachineTarget } from './podman-machine.js';
import { rancherDesktopTarget } from './rancher-desktop.js';
import { wslconfigTarget } from './wslconfig.js';

export const TARGET_DEFINITIONS: { readonly [T in Target]: TargetDefinition<T> } = {
  'docker-systemd': dockerSystemdTarget,
  'docker-systemd-rootless': dockerSystemdRootlessTarget,
  'docker-daemon-json': dockerDaemonJsonTarget,
  'docker-cli-config': dockerCliConfigTarget,
  'buildx-docker-container': buildxDockerContainerTarget,
  'buildkitd-systemd': buildkitdSystemdTarget,
  'buildkitd-toml': buildkitdTomlTarget,
  kubernetes: kubernetesTarget,
  'client-shell': clientShellTarget,
  'build-command': buildCommandTarget,
  'ci-github-actions': ciGithubActionsTarget,
  'ci-gitlab': ciGitlabTarget,
  'cntlm-relay': cntlmRelayTarget,
  'ca-trust': caTrustTarget,
  'desktop-settings': desktopSettingsTarget,
  'containers-conf': containersConfTarget,
  'podman-machine': podmanMachineTarget,
  'colima-yaml': colimaYamlTarget,
  'lima-override': limaOverrideTarget,
  'rancher-desktop': rancherDesktopTarget,
  wslconfig: wslconfigTarget,
};
