// The run actor: the containers of RUN steps. Their proxy is only the predefined build args, which the CLI injects
// from config.json `proxies` (the entry for the daemon it talks to replaces "default" entirely).
import { cliConfigPath, DEFAULT_DOCKER_HOST, type FileContext } from '../evidence/canonical.js';
import type { Evidence } from '../evidence/schema.js';
import { jsonText } from '../formats/docker-output.js';
import { type FileError, parseStrictJson } from '../formats/json-file.js';
import { effectiveOf, layer } from './layers.js';
import { type DaemonPlace, runNetns } from './netns.js';
import type { ActorState, BuilderState, Layer, State } from './types.js';

type ProxyEntry = Record<string, string>;

/** The proxies entry the CLI uses: the one keyed by its DOCKER_HOST, else "default", else none. */
export function chooseProxies(
  proxies: Record<string, ProxyEntry>,
  dockerHost: string | undefined,
): { entry: ProxyEntry | null; perHost: string | null } {
  const hostKey = dockerHost || DEFAULT_DOCKER_HOST;
  const chosen = proxies[hostKey] ? hostKey : proxies.default ? 'default' : null;
  return { entry: chosen ? (proxies[chosen] ?? null) : null, perHost: chosen === hostKey ? hostKey : null };
}

export function analyzeRun(
  ev: Evidence,
  ctx: FileContext,
  seen: { cli: boolean; buildx: BuilderState | null; daemon: DaemonPlace },
): { configJson: State['configJson']; layers: Layer[]; fileErrors: FileError[]; actor: ActorState } {
  const path = cliConfigPath(ctx);
  const text = ev.files[path];
  const fileErrors: FileError[] = [];
  let configJson: State['configJson'] = null;
  const layers: Layer[] = [];
  if (text != null) {
    const parsed = parseStrictJson(path, text);
    if (!parsed.ok) fileErrors.push(parsed.error);
    else {
      const proxies = ((parsed.value ?? {}) as { proxies?: Record<string, ProxyEntry> }).proxies ?? {};
      const { entry, perHost } = chooseProxies(proxies, ev.env.DOCKER_HOST);
      configJson = { path, default: entry, perHost };
    }
  }
  if (configJson?.default && text != null) {
    const line = (key: string) => text.slice(0, Math.max(0, text.indexOf(`"${key}"`))).split('\n').length;
    layers.push(
      layer(
        'config-json',
        'run',
        `${path} proxies`,
        Object.entries(configJson.default).map(([k, v]) => ({
          name: k,
          value: jsonText(v),
          origin: { kind: 'file' as const, ref: `${path}:${line(k)}` },
        })),
        { go: false },
      ),
    );
  }
  const actor: ActorState = {
    actor: 'run',
    status: seen.cli ? 'known' : 'absent',
    label: 'RUN steps (build args, from ~/.docker/config.json proxies)',
    proxy: effectiveOf(layers[0]),
    netns: runNetns(seen.buildx, seen.daemon),
    notes: [],
  };
  return { configJson, layers, fileErrors, actor };
}
