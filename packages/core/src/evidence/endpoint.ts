// Where the docker CLI would connect, and which buildx state needs buildx itself to read — decided the way the
// CLI decides, so that asking the daemon directly describes the same daemon. Anything unusual answers null /
// true: the doctor then runs the real commands instead.
import { dockerConfigDir, type FileContext } from './canonical.js';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

function configObject(configJson: string | null | undefined): Record<string, unknown> | null {
  if (configJson == null || configJson.trim() === '') return {};
  try {
    const j = JSON.parse(configJson) as unknown;
    return j && typeof j === 'object' && !Array.isArray(j) ? (j as Record<string, unknown>) : null;
  } catch {
    return null; // the CLI will say what is wrong with it
  }
}

/**
 * The unix socket of the daemon the CLI talks to, or null when it talks to something else (a context, TCP, SSH)
 * or the configuration cannot be read. Order as in the CLI: DOCKER_HOST, DOCKER_CONTEXT, config.json's
 * currentContext, the default socket.
 */
export function localDaemonSocket(
  env: Record<string, string>,
  configJson: string | null | undefined,
): string | null {
  const host = env.DOCKER_HOST;
  if (host) {
    const m = /^unix:\/\/(\/.+)$/.exec(host);
    return m ? m[1]! : null;
  }
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT === 'default' ? DEFAULT_SOCKET : null;
  const cfg = configObject(configJson);
  if (!cfg) return null;
  const ctx = cfg.currentContext;
  if (typeof ctx === 'string' && ctx !== '' && ctx !== 'default') return null;
  return DEFAULT_SOCKET;
}

/** Folders the CLI searches for plugins such as docker-buildx, in its order. */
export function cliPluginDirs(ctx: FileContext, configJson: string | null | undefined): string[] {
  const extra = configObject(configJson)?.cliPluginsExtraDirs;
  return [
    ...(Array.isArray(extra) ? extra.filter((d): d is string => typeof d === 'string') : []),
    `${dockerConfigDir(ctx)}/cli-plugins`,
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
  ];
}

/**
 * Whether only `docker buildx ls`/`inspect` can say which builder runs the build. Not needed when buildx has no
 * builder of its own (no instances), none is selected by name, and the CLI uses the default context: then the
 * builder is dockerd's embedded BuildKit, which `docker info` already describes.
 */
export function buildxNeedsCli(
  env: Record<string, string>,
  currentFile: string | null | undefined,
  instances: readonly string[],
  contexts: readonly string[],
): boolean {
  if (env.BUILDX_BUILDER || instances.length > 0 || contexts.length > 0) return true;
  if (currentFile == null || currentFile.trim() === '') return false;
  const cur = configObject(currentFile);
  return !cur || (typeof cur.Name === 'string' && cur.Name !== '');
}
