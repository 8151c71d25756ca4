// How to name the requester, with the analysed machine when there is one: `builder "ci" (docker-container)`
// rather than "the builder". Reads only what the state already says.
import type { Actor, BuilderState, State } from '../analyze/types.js';

export interface RequesterFacts {
  label: string;
  /** the requester has its own network namespace: 127.0.0.1 there is not the host's */
  ownNetns: boolean | null;
  /** the builder is a standalone buildkitd (BUILDKIT_HOST, a buildkitd service or process) */
  standaloneBuildkitd: boolean;
  builder: BuilderState | null;
}

const GENERIC: Record<Actor, string> = {
  client: 'the build client (docker/buildx or buildctl)',
  builder: 'the builder (BuildKit: dockerd for the docker driver, buildkitd otherwise)',
  runtime: 'the runtime (dockerd, containerd or podman pulling the image)',
  run: 'a tool inside a RUN step',
};

function standalone(state: State): string | null {
  const host = state.client.BUILDKIT_HOST;
  if (host) return `buildkitd at ${host} (BUILDKIT_HOST)`;
  if (state.buildkitd.service || state.buildkitd.processEnv) return 'the standalone buildkitd';
  return null;
}

export function requesterFacts(actor: Actor, state?: State | null, buildkitHost?: string): RequesterFacts {
  // No machine, but BUILDKIT_HOST in the shell: the builder buildctl reaches is that buildkitd, not dockerd.
  if (!state && actor === 'builder' && buildkitHost)
    return {
      label: `buildkitd at ${buildkitHost} (BUILDKIT_HOST)`,
      ownNetns: null,
      standaloneBuildkitd: true,
      builder: null,
    };
  if (!state) return { label: GENERIC[actor], ownNetns: null, standaloneBuildkitd: false, builder: null };
  const desktopOrRootless = state.docker.desktop || state.docker.rootless;
  switch (actor) {
    case 'builder': {
      const bk = standalone(state);
      if (bk) return { label: bk, ownNetns: null, standaloneBuildkitd: true, builder: null };
      const b = state.buildxBuilder ?? state.buildBuilder;
      if (!b) return { label: GENERIC.builder, ownNetns: null, standaloneBuildkitd: false, builder: null };
      if (b.driver === 'docker')
        return {
          label: `dockerd (builder "${b.name}", docker driver)`,
          ownNetns: desktopOrRootless,
          standaloneBuildkitd: false,
          builder: b,
        };
      return {
        label: `builder "${b.name}" (${b.driver})`,
        ownNetns: b.driver === 'docker-container' ? !b.networkHost : null,
        standaloneBuildkitd: false,
        builder: b,
      };
    }
    case 'runtime':
      return {
        label: state.docker.desktop
          ? "dockerd in Docker Desktop's VM"
          : state.docker.rootless
            ? 'rootless dockerd'
            : 'dockerd',
        ownNetns: desktopOrRootless,
        standaloneBuildkitd: false,
        builder: null,
      };
    case 'client':
      return {
        label: GENERIC.client,
        ownNetns: false,
        standaloneBuildkitd: false,
        builder: null,
      };
    case 'run':
      return { label: GENERIC.run, ownNetns: true, standaloneBuildkitd: false, builder: null };
  }
}
