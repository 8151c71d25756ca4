// The example bundles of a contract folder (test/fixtures/platforms, test/fixtures/engines): their names, their
// sources.json, a loader that validates each, and the capture context a bundle describes. Shared by the platforms and
// the engines contract tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evidence } from '../../src/evidence/schema.js';
import { parseEvidence } from '../../src/evidence/validate.js';

/** Where each piece of a bundle comes from: a public source, "captured", or why it is recorded as absent. */
export interface BundleSources {
  story: string;
  files: Record<string, string>;
  commands: Record<string, string>;
  env: string;
}

export function contractBundles(dir: string): {
  names: string[];
  sources: Record<string, BundleSources>;
  load: (name: string) => Evidence;
} {
  return {
    names: readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== 'sources.json')
      .map((f) => f.replace(/\.json$/, '')),
    sources: JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as Record<string, BundleSources>,
    load: (name) => parseEvidence(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'))),
  };
}

/** The context the capture ran in, as the bundle records it (the platforms' and the engines' probes take it). */
export function captureContext(ev: Evidence) {
  return { platform: ev.host.platform, home: ev.host.home, uid: ev.host.uid, env: ev.env, wsl: ev.host.wsl };
}
