// The client actor: the docker CLI and buildx in the user's shell. It fetches registry tokens (BuildKit ≥ 0.8 does
// that client-side) with the shell's proxy variables and nothing else.
import { CMD } from '../evidence/canonical.js';
import { type Evidence, findCommand } from '../evidence/schema.js';
import { parseBuildxVersion, parsePluginVersion } from '../formats/docker-output.js';
import { effectiveOf, envEntries, layer } from './layers.js';
import type { ActorState, Layer } from './types.js';

/** From `docker buildx version`, or the plugin's metadata when the doctor asked the plugin directly. */
export function buildxVersionOf(ev: Evidence): string | null {
  const v = findCommand(ev, CMD.buildxVersion);
  if (v?.exitCode === 0) return parseBuildxVersion(v.stdout);
  const meta = findCommand(ev, CMD.buildxMetadata);
  return meta?.exitCode === 0 ? parsePluginVersion(meta.stdout) : null;
}

export function analyzeClient(ev: Evidence): { layer: Layer; actor: ActorState; buildx: string | null } {
  const shell = layer(
    'client-env',
    'client',
    'your shell environment',
    envEntries(ev.env, { kind: 'env', ref: 'your shell' }),
  );
  return {
    layer: shell,
    buildx: buildxVersionOf(ev),
    actor: {
      actor: 'client',
      status: 'known',
      label: 'docker CLI + buildx in your shell',
      proxy: effectiveOf(shell),
      netns: 'host',
      notes: [],
    },
  };
}
