import { sentence } from '../sentences.js';
// buildx-docker-container: remove and recreate a docker-container builder as it was, plus the proxy env.

import { canonicalName } from '../../analyze/layers.js';
import type { BuilderState } from '../../analyze/types.js';
import { dockerConfigDir } from '../../evidence/canonical.js';
import { csvField } from '../../formats/encode.js';
import { proxyOnLoopback } from '../../proxy/url.js';
import type { Target } from '../../targets.js';
import { change, ok, type PlanContext, proxyVars, refuse, type TargetDefinition } from '../context.js';
import { BUILDER_NAME, type CommandShape } from '../declare.js';
import type { FileChange, PlanCommand, TargetResult } from '../types.js';
import { tomlWithCa } from './buildkitd-toml.js';

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
    let conf = b.nodes.find((n) => n.buildkitdConfig)?.buildkitdConfig ?? null;
    let configPath: string | null = null;
    const ca = ctx.profile.caCert;
    if (ca) {
      // The builder's image trusts only public roots: buildx copies a toml's ca files into the builder (v0.7.0+).
      const withCa = tomlWithCa(conf, ca, [...ctx.profile.registries, ...ctx.profile.mirrors]);
      if (withCa === null)
        return refuse(`the buildkitd.toml of builder "${b.name}" is not valid TOML; fix it first`);
      conf = withCa;
    }
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
          why: sentence(ca ? 'buildx-docker-container.toml-ca' : 'buildx-docker-container.toml', {
            name: b.name,
          }),
        }),
      );
    }
    const networkHost = loopback && !b.networkHost;
    commands.push({
      argv: ['docker', 'buildx', 'rm', '--keep-state', b.name],
      why: sentence('buildx-docker-container.builder-s-environment-fixed'),
      needsRoot: false,
      disruptive: true,
      target,
    });
    commands.push({
      argv: recreateArgv(b, proxyVars(ctx.proxy), { networkHost, configPath }),
      why: sentence(
        networkHost ? 'buildx-docker-container.recreates-host' : 'buildx-docker-container.recreates',
        {
          name: b.name,
        },
      ),
      needsRoot: false,
      disruptive: false,
      target,
    });
  }
  return ok(changes, commands);
}

const PROXY_ENV =
  /^env\.(HTTP_PROXY|HTTPS_PROXY|NO_PROXY|ALL_PROXY|FTP_PROXY|http_proxy|https_proxy|no_proxy|all_proxy|ftp_proxy)=/;
/** Driver options buildx documents for docker-container, as buildproxy copies them from the live builder. */
const DRIVER_OPT_KEYS = new Set([
  'image',
  'network',
  'cgroup-parent',
  'restart-policy',
  'memory',
  'memory-swap',
  'cpu-quota',
  'cpu-period',
  'cpu-shares',
  'cpuset-cpus',
  'cpuset-mems',
  'default-load',
]);

/** docker buildx create, built by buildx.ts's recreateArgv: every part checked. */
export const buildxCreate: CommandShape = (argv) => {
  if (argv.slice(0, 3).join(' ') !== 'docker buildx create') return 'not docker buildx create';
  let i = 3;
  const value = () => argv[++i] ?? '';
  let sawName = false;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--name' || a === '--node') {
      const v = value();
      if (!BUILDER_NAME.test(v)) return `${a} "${v}" is not a builder name`;
      if (a === '--name') sawName = true;
    } else if (a === '--driver') {
      if (value() !== 'docker-container') return 'only the docker-container driver';
    } else if (a === '--driver-opt') {
      const v = value().replace(/^"|"$/g, '');
      const key = v.split('=')[0] ?? '';
      if (!PROXY_ENV.test(v) && !DRIVER_OPT_KEYS.has(key))
        return `driver option "${key}" is not one buildproxy writes`;
    } else if (a === '--buildkitd-flags') {
      const v = value();
      // one word per space, each tested alone: no nested quantifier over a plan file's text
      const words = v.split(' ');
      if (
        !/^--[a-z][\w.:/,=-]*$/.test(words[0] ?? '') ||
        !words.slice(1).every((w) => /^[\w.:/,=-]+$/.test(w))
      )
        return `buildkitd flags "${v}" are not plain --flag[=value] words`;
    } else if (a === '--buildkitd-config') {
      if (!/\/buildx\/buildkitd-[A-Za-z0-9_.-]+\.toml$/.test(value()))
        return 'the buildkitd config is not one the plan writes';
    } else if (a === '--platform') {
      if (
        !value()
          .split(',')
          .every((p) => /^[a-z0-9_./-]+$/.test(p))
      )
        return 'a platform list is os/arch[/variant],…';
    } else if (a === '--use' || a === '--bootstrap') {
      // flags without a value
    } else if (
      i === argv.length - 1 &&
      /^(unix|tcp|ssh):\/\/[\w.:@/[\]-]+$|^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(a)
    ) {
      // the endpoint: a docker context or a daemon address
    } else return `unexpected argument "${a}"`;
  }
  return sawName ? null : 'no --name';
};

const buildxRm: CommandShape = (argv) =>
  argv.length === 5 &&
  argv.slice(0, 4).join(' ') === 'docker buildx rm --keep-state' &&
  BUILDER_NAME.test(argv[4]!)
    ? null
    : 'not docker buildx rm --keep-state NAME';

export const buildxDockerContainerTarget: TargetDefinition<'buildx-docker-container'> = {
  id: 'buildx-docker-container',
  generate: buildxContainer,
  declares: {
    files: [{ path: '{dockerConfig}/buildx/buildkitd-*.toml', mode: '0644' }],
    commands: [buildxRm, buildxCreate],
  },
};
