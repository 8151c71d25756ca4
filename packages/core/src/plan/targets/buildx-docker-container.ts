// buildx-docker-container: remove and recreate a docker-container builder as it was, plus the proxy env.

import { canonicalName } from '../../analyze/layers.js';
import type { BuilderState } from '../../analyze/types.js';
import { dockerConfigDir } from '../../evidence/canonical.js';
import { proxyOnLoopback } from '../../proxy/url.js';
import type { Target } from '../../targets.js';
import { change, ok, type PlanContext, proxyVars, refuse, type TargetDefinition } from '../context.js';
import { csvField } from '../encode.js';
import type { FileChange, PlanCommand, TargetResult } from '../types.js';

const DEFAULT_ENDPOINTS = new Set(['unix:///var/run/docker.sock', 'default', '']);

export function recreateArgv(
  b: BuilderState,
  env: [string, string][],
  opts: { networkHost: boolean; configPath: string | null },
): string[] {
  const node = b.nodes[0];
  const driverOpts: [string, string][] = Object.entries(node?.driverOpts ?? {}).filter(
    ([k]) => !(k.startsWith('env.') && canonicalName(k.slice(4))),
  );
  if (opts.networkHost && !driverOpts.some(([k]) => k === 'network')) driverOpts.push(['network', 'host']);
  for (const [k, v] of env) driverOpts.push([`env.${k}`, v]);
  const argv = ['docker', 'buildx', 'create', '--name', b.name, '--driver', b.driver];
  if (node?.name) argv.push('--node', node.name);
  for (const [k, v] of driverOpts) argv.push('--driver-opt', csvField(`${k}=${v}`));
  // buildx adds the network.host entitlement itself since 0.13; keep only flags the user chose.
  const flags = (node?.flags ?? []).filter((f) => f !== '--allow-insecure-entitlement=network.host');
  if (flags.length) argv.push('--buildkitd-flags', flags.join(' '));
  if (opts.configPath) argv.push('--buildkitd-config', opts.configPath);
  if (node?.platforms.length) argv.push('--platform', node.platforms.join(','));
  if (b.current) argv.push('--use');
  // Start it now, so the new environment is in place (and visible to docker inspect) before the next build.
  argv.push('--bootstrap');
  if (node?.endpoint && !DEFAULT_ENDPOINTS.has(node.endpoint)) argv.push(node.endpoint);
  return argv;
}

function buildxContainer(ctx: PlanContext, target: Target): TargetResult {
  const used = [ctx.state.buildBuilder, ctx.state.buildxBuilder].filter(
    (b, i, all): b is BuilderState => !!b && b.driver === 'docker-container' && all.indexOf(b) === i,
  );
  if (used.length === 0) return refuse('no docker-container builder is in use (docker buildx ls)');
  const loopback = ctx.profile.proxyOnHost || [ctx.proxy.http, ctx.proxy.https].some(proxyOnLoopback);
  const changes: (FileChange | null)[] = [];
  const commands: PlanCommand[] = [];
  for (const b of used) {
    const conf = b.nodes.find((n) => n.buildkitdConfig)?.buildkitdConfig ?? null;
    let configPath: string | null = null;
    if (conf) {
      // The builder's buildkitd.toml lives only inside its container; keep a copy to recreate it with.
      configPath = `${dockerConfigDir({ home: ctx.state.host.home, env: ctx.state.client })}/buildx/buildkitd-${b.name}.toml`;
      changes.push(
        change(ctx, {
          path: configPath,
          mode: '0644',
          needsRoot: false,
          after: conf.trimEnd().concat('\n'),
          target,
          why: `the buildkitd.toml of builder "${b.name}", to recreate it with`,
        }),
      );
    }
    const networkHost = loopback && !b.networkHost;
    commands.push({
      argv: ['docker', 'buildx', 'rm', '--keep-state', b.name],
      why: `a builder's environment is fixed when its container is created; --keep-state keeps the build cache (without it the cache is lost)`,
      needsRoot: false,
      disruptive: true,
      target,
    });
    commands.push({
      argv: recreateArgv(b, proxyVars(ctx.proxy), { networkHost, configPath }),
      why: `recreates "${b.name}" as it was, with the proxy in its environment${networkHost ? ' and host networking, so it can reach the proxy on 127.0.0.1' : ''}`,
      needsRoot: false,
      disruptive: false,
      target,
    });
  }
  return ok(changes, commands);
}

export const buildxDockerContainerTarget: TargetDefinition<'buildx-docker-container'> = {
  id: 'buildx-docker-container',
  generate: buildxContainer,
};
