// Evidence → State: a pure function, so a captured bundle gives the same diagnosis on any machine. Each actor is
// analysed in its own module (client.ts, runtime.ts, builder.ts, run.ts); this file only assembles them.

import { parseEngineCommand } from '../command/engines.js';
import type { FileContext } from '../evidence/canonical.js';
import { HOST_CA_COPY } from '../evidence/canonical.js';
import type { Evidence } from '../evidence/schema.js';
import { hostNetFrom } from '../formats/proc-net.js';
import { analyzeBuildctl, buildctlRelevant, buildkitdActor, buildkitdNetns } from './buildctl.js';
import { analyzeBuilder } from './builder.js';
import { analyzeClient } from './client.js';
import { builderKindOf, commandOf, runFromCommand } from './command.js';
import { analyzeDockerfile } from './dockerfile.js';
import { analyzePac } from './pac.js';
import { analyzeDesktop, analyzeWsl, desktopLayer, systemProxies } from './platform.js';
import { analyzePodman } from './podman.js';
import { analyzeRun } from './run.js';
import { analyzeRuntime } from './runtime.js';
import type { ActorState, Layer, State } from './types.js';
import { analyzeVmEngines, rancherTransparentLayer } from './vm-engines.js';

/** Rancher Desktop's transparent proxy: said on the actors whose traffic it carries (dockerd, BuildKit, RUN). */
function transparentNotes(actors: State['actors'], layer: Layer | null): State['actors'] {
  if (!layer) return actors;
  const note = `TCP 80/443 go through Rancher Desktop's transparent proxy ${layer.vars.HTTPS_PROXY?.[0]?.value ?? ''} (moproxy in its VM): no proxy variable is needed or shown`;
  const add = (a: ActorState): ActorState => ({ ...a, notes: [...a.notes, note] });
  return { ...actors, runtime: add(actors.runtime), builder: add(actors.builder), run: add(actors.run) };
}

/** The argv of the dockerd whose environment was read (or the only dockerd), for its --bridge and --bip. */
function dockerdArgv(ev: Evidence, pid: number | undefined): string[] | undefined {
  const ds = ev.processes.filter((p) => p.name === 'dockerd');
  return (ds.find((p) => p.pid === pid) ?? (ds.length === 1 ? ds[0] : undefined))?.argv;
}

export function analyze(ev: Evidence): State {
  const ctx: FileContext = { home: ev.host.home, env: ev.env };
  const client = analyzeClient(ev);
  const runtime = analyzeRuntime(ev, ctx);
  const { cli, desktop, rootless, engine } = runtime.docker;
  const daemon = { desktop, rootless };
  // The build command given with --command, and buildctl's standalone buildkitd when buildctl plays a part.
  const command = commandOf(ev);
  const bctl = buildctlRelevant(ev, command?.tool ?? null)
    ? analyzeBuildctl(ev, ctx, command?.addr ?? null)
    : null;
  const builder = analyzeBuilder(
    ev,
    ctx,
    {
      env: runtime.env,
      origin: runtime.origin,
      engine,
      up: runtime.docker.daemon === 'up',
      cli,
      buildxInstalled: client.buildx !== null,
      daemon,
    },
    bctl,
  );
  const run = analyzeRun(ev, ctx, { cli, buildx: builder.buildxBuilder, daemon });
  const kind = builderKindOf(ev, command, bctl, builder.buildxBuilder, runtime.docker.daemon === 'up');
  const onBuildkitd = kind === 'buildkitd' && bctl !== null;
  const engineCtx = { platform: ev.host.platform, home: ev.host.home, uid: ev.host.uid, env: ev.env };
  const podman = analyzePodman(ev, engineCtx);
  const vm = analyzeVmEngines(ev, engineCtx);
  const runActor = runFromCommand(command, {
    ...run.actor,
    netns: onBuildkitd ? buildkitdNetns(bctl) : run.actor.netns,
  });
  const system = systemProxies(ev);
  const desktopState = desktop ? analyzeDesktop(ev, runtime.docker.info, system) : null;
  const upstream = desktopState ? desktopLayer(desktopState) : rancherTransparentLayer(vm, ev.host);
  return {
    host: ev.host,
    platform: { systemProxies: system, desktop: desktopState, wsl: analyzeWsl(ev), pac: analyzePac(ev.pac) },
    docker: { ...runtime.docker, buildx: client.buildx },
    systemd: runtime.systemd,
    daemonJson: runtime.daemonJson,
    dockerdEnv: runtime.dockerdEnv,
    dockerdTie: runtime.dockerdTie,
    builders: builder.builders,
    buildBuilder: builder.buildBuilder,
    buildxBuilder: builder.buildxBuilder,
    builderSelection: builder.builderSelection,
    configJson: run.configJson,
    buildkitd: builder.buildkitd,
    buildctl: bctl,
    buildctlBuilder: bctl?.builder ?? null,
    builderKind: kind,
    buildCommand: command,
    dockerfile: ev.dockerfile ? analyzeDockerfile(ev.dockerfile.path, ev.dockerfile.content) : null,
    fileErrors: [
      ...runtime.fileErrors,
      ...run.fileErrors,
      ...builder.fileErrors,
      ...(podman?.errors ?? []),
      ...vm.errors,
    ],
    unreadable: ev.unreadable ?? [],
    oversize: ev.oversize ?? [],
    hostNet: hostNetFrom(ev.net, dockerdArgv(ev, runtime.dockerdEnv?.pid)),
    network: ev.network ?? null,
    hostCaInstalled: typeof ev.files[HOST_CA_COPY] === 'string',
    ignoredFiles: runtime.ignoredFiles,
    // Desktop's upstream before docker info's http.docker.internal:3128, Rancher Desktop's transparent proxy before
    // docker info's nothing: that is the proxy a person means
    layers: [
      client.layer,
      ...(upstream ? [upstream] : []),
      ...runtime.layers,
      ...run.layers,
      ...builder.layers,
    ],
    actors: transparentNotes(
      {
        client: client.actor,
        runtime: runtime.actor,
        builder: onBuildkitd ? buildkitdActor(bctl) : builder.actor,
        run: runActor,
      },
      upstream?.id === 'rancher-transparent' ? upstream : null,
    ),
    client: ev.env,
    engines: {
      podman,
      vm,
      command: ev.buildCommand ? parseEngineCommand(ev.buildCommand.text, ev.env) : null,
    },
  };
}
