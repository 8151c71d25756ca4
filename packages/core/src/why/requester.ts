// Who made the failing request: the innermost fragment before the cause that names a requester. Errors are
// chains ("failed to solve: failed to fetch oauth token: Post …: dial tcp …"), so the marker closest to the cause
// wins; a weak marker (a bare "Get https://…/v2/") counts only when nothing else does.
import type { Actor } from '../analyze/types.js';
import { allOf, type Found } from './find.js';
import { has, window } from './text.js';

interface Marker {
  needle: string;
  actor: Actor;
  weak?: true;
}

const MARKERS: Marker[] = [
  // The build client fetches registry tokens over its session (buildx, docker CLI, buildctl).
  { needle: 'failed to fetch oauth token', actor: 'client' },
  { needle: 'failed to fetch anonymous token', actor: 'client' },
  // The builder: BuildKit resolving and pulling for the build.
  { needle: 'failed to solve', actor: 'builder' },
  { needle: 'load metadata for', actor: 'builder' },
  { needle: 'resolve image config for', actor: 'builder' },
  { needle: 'docker-image://', actor: 'builder' },
  { needle: 'failed to load cache key', actor: 'builder' },
  { needle: 'failed to compute cache key', actor: 'builder' },
  { needle: 'failed to resolve source metadata', actor: 'builder' },
  { needle: 'failed to fetch remote', actor: 'builder' },
  { needle: 'trying next host', actor: 'builder' },
  { needle: 'failed to initialize builder', actor: 'builder' },
  { needle: 'dockerfile.v0', actor: 'builder' },
  // The runtime: dockerd, containerd or podman pulling.
  { needle: 'error response from daemon', actor: 'runtime' },
  { needle: 'pinging container registry', actor: 'runtime' },
  { needle: 'failed to resolve reference', actor: 'runtime' },
  { needle: 'error while pulling image', actor: 'runtime' },
  { needle: 'error pulling image configuration', actor: 'runtime' },
  { needle: '(http code 500) server error', actor: 'runtime' },
  { needle: 'initializing source docker://', actor: 'runtime' },
  { needle: 'download failed, retrying', actor: 'runtime' },
  // Tools inside a RUN step.
  { needle: 'e: failed to fetch', actor: 'run' },
  { needle: 'w: failed to fetch', actor: 'run' },
  { needle: 'err:', actor: 'run' },
  { needle: 'curl: (', actor: 'run' },
  { needle: 'wget: ', actor: 'run' },
  { needle: 'npm err!', actor: 'run' },
  { needle: 'npm error', actor: 'run' },
  { needle: 'fatal: unable to access', actor: 'run' },
  { needle: 'could not fetch url', actor: 'run' },
  { needle: 'pip._vendor', actor: 'run' },
  { needle: 'retrying (retry(', actor: 'run' },
  { needle: 'warning: ignoring http', actor: 'run' },
  { needle: 'tunnel connection failed', actor: 'run' },
  { needle: 'urlopen error', actor: 'run' },
  { needle: 'did not complete successfully', actor: 'run' },
  { needle: 'returned a non-zero code', actor: 'run' },
  // A bare Go request to a registry: a pull by the runtime, unless something else says otherwise.
  { needle: 'get https://', actor: 'runtime', weak: true },
  { needle: 'get "https://', actor: 'runtime', weak: true },
  { needle: 'head "https://', actor: 'runtime', weak: true },
];

/** A git fetch under one of these is the builder's (a git build context or ADD of a .git URL), not a RUN step. */
const GIT_SOURCE = ['failed to fetch remote', 'load git source', 'git source', 'load remote build context'];

export interface Requester {
  actor: Actor;
  at: number;
  end: number;
  needle: string;
}

/** The URL after a bare "Get" is a registry's (/v2/, or the old /v1/ API). */
function isRegistryGet(lower: string, m: Found): boolean {
  const url = window(lower, m.end, m.end + 300).split(' ', 1)[0]!;
  return url.includes('/v2/') || url.includes('/v1/');
}

export function findRequester(lower: string, causeAt: number, tool: Actor | undefined): Requester | null {
  const found = allOf(
    lower,
    MARKERS.map((m) => m.needle),
  );
  let strong: Requester | null = null;
  let weak: Requester | null = null;
  for (const f of found) {
    if (f.at > causeAt) break;
    const m = MARKERS.find((x) => x.needle === f.needle)!;
    const r = { actor: m.actor, at: f.at, end: f.end, needle: f.needle };
    if (m.weak) {
      if (isRegistryGet(lower, f)) weak = r;
    } else strong = r;
  }
  // A tool's own message is the innermost fragment of all.
  let chosen: Requester | null = tool
    ? { actor: tool, at: causeAt, end: causeAt, needle: 'tool' }
    : (strong ?? weak);
  // The outer prefix breaks the tie: git under a git build context belongs to the builder.
  if (chosen?.actor === 'run' && has(lower, 'unable to access') && GIT_SOURCE.some((g) => has(lower, g)))
    chosen = { ...chosen, actor: 'builder' };
  return chosen;
}
