import { sentence } from '../sentences.js';
// docker-cli-config: proxies for RUN steps in $DOCKER_CONFIG/config.json, every other key kept.

import { proxyForRunSteps } from '../../analyze/run-proxy.js';
import { dockerConfigDir } from '../../evidence/canonical.js';
import type { Target } from '../../targets.js';
import { change, malformedJson, ok, type PlanContext, refuse, type TargetDefinition } from '../context.js';
import { setJsonPath } from '../json-edit.js';
import type { TargetResult } from '../types.js';

/** RUN steps mostly use curl, which ignores host:port entries: list hosts without their port there. */
export function curlNoProxy(list: string[]): string[] {
  return [
    ...new Set(
      list.map((e) =>
        /^\[.*\]:\d+$|^[^:]+:\d+$/.test(e) ? e.replace(/:\d+$/, '').replace(/^\[|\]$/g, '') : e,
      ),
    ),
  ];
}

function cliConfig(ctx: PlanContext, target: Target): TargetResult {
  const path = `${dockerConfigDir({ home: ctx.state.host.home, env: ctx.state.client })}/config.json`;
  const text = ctx.read(path) ?? null;
  // A per-daemon entry replaces "default" entirely, so write to the entry the CLI will use.
  const key = ctx.state.configJson?.perHost ?? 'default';
  const fields = ['httpProxy', 'httpsProxy', 'noProxy'];
  const malformed = malformedJson(
    path,
    text,
    fields.map((f) => ['proxies', key, f]),
  );
  if (malformed) return refuse(malformed);
  // RUN steps run in a container: a proxy on this host's loopback is written with an address they can reach.
  const http = proxyForRunSteps(ctx.state, ctx.proxy.http);
  const https = proxyForRunSteps(ctx.state, ctx.proxy.https);
  let after = text;
  after = setJsonPath(after, ['proxies', key, 'httpProxy'], http.value);
  after = setJsonPath(after, ['proxies', key, 'httpsProxy'], https.value);
  after = setJsonPath(after, ['proxies', key, 'noProxy'], curlNoProxy(ctx.proxy.noProxy).join(','));
  return ok([
    change(ctx, {
      path,
      mode: '0600',
      needsRoot: false,
      after: after!,
      target,
      why: `${sentence('docker-cli-config.build-args')}${(http.note ?? https.note) ? ` (${http.note ?? https.note})` : ''}`,
    }),
  ]);
}

export const dockerCliConfigTarget: TargetDefinition<'docker-cli-config'> = {
  id: 'docker-cli-config',
  generate: cliConfig,
  declares: { files: [{ path: '{dockerConfig}/config.json', mode: '0600', credential: true }], commands: [] },
};
