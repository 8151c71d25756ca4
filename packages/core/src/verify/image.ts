// The image verify pulls and builds FROM: always by digest, so a pull never creates or moves a tag.

/** busybox 1.36 (multi-platform index), small and with wget for the RUN step; override with --image. */
export const DEFAULT_VERIFY_IMAGE =
  'docker.io/library/busybox@sha256:73aaf090f3d85aa34ee199857f03fa3a95c8ede2ffd4cc2cdb5b94e566b11662';

export interface DigestRef {
  /** the reference as pulled: REGISTRY/REPOSITORY@sha256:… (a tag given with the digest is dropped) */
  ref: string;
  /** the registry as named in references ("docker.io", "registry.corp:5000") */
  registry: string;
  /** the host:port its API answers on (docker.io's is registry-1.docker.io) */
  apiHost: string;
  repository: string;
  digest: string;
}

export class ImageRefError extends Error {}

const DIGEST = /^sha256:[a-f0-9]{64}$/;
/**
 * distribution/reference: a path component is lowercase alphanumerics joined by one ".", one "_", "__" or a run
 * of "-". Checked with flat expressions (no nested quantifiers over what the user typed).
 */
function isComponent(c: string): boolean {
  return /^[a-z0-9][a-z0-9._-]*$/.test(c) && /[a-z0-9]$/.test(c) && !/\.[._-]|[_-]\.|_-|-_|___/.test(c);
}

/** Parse NAME[:TAG]@sha256:HEX the way docker normalises it; anything else is an ImageRefError naming the fix. */
export function parseDigestRef(input: string): DigestRef {
  const text = input.trim();
  if (text.length > 512) throw new ImageRefError('the image reference is longer than 512 characters');
  const at = text.indexOf('@');
  if (at < 0)
    throw new ImageRefError(
      `"${text}" has no digest; verify pulls by digest so that it never moves a tag (give NAME@sha256:…)`,
    );
  const digest = text.slice(at + 1);
  if (!DIGEST.test(digest))
    throw new ImageRefError(`"${digest}" is not a sha256 digest (sha256: and 64 lowercase hex digits)`);
  let name = text.slice(0, at);
  const lastSlash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > lastSlash) name = name.slice(0, colon); // NAME:TAG@DIGEST: the digest wins, as in docker pull
  const parts = name.split('/');
  const first = parts[0]!;
  const hasRegistry =
    parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let registry = hasRegistry ? first : 'docker.io';
  if (registry === 'index.docker.io') registry = 'docker.io';
  const path = hasRegistry ? parts.slice(1) : parts;
  if (registry === 'docker.io' && path.length === 1) path.unshift('library');
  if (!path.length || !path.every(isComponent))
    throw new ImageRefError(`"${name}" is not a valid image name (lowercase path components)`);
  if (!/^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-fA-F:.]+\](?::\d{1,5})?$/.test(registry))
    throw new ImageRefError(`"${registry}" is not a registry host[:port]`);
  const repository = path.join('/');
  return {
    ref: `${registry}/${repository}@${digest}`,
    registry,
    apiHost: registry === 'docker.io' ? 'registry-1.docker.io' : registry,
    repository,
    digest,
  };
}
