// Build commands of the other engines (--command): `podman build`, `buildah bud`/`buildah build`, `podman-compose
// build|up` and `podman compose build|up`. Only what the proxy analysis needs: the tool, whether it talks to a
// service (--remote, --url, --connection, podman-remote), and an explicit --http-proxy.
import { shellWords } from './tokenize.js';

export type EngineTool = 'podman-build' | 'buildah-bud' | 'podman-compose';

export interface EngineCommand {
  tool: EngineTool;
  /** --http-proxy as given (true/false); null: the default */
  httpProxy: boolean | null;
  /** the CLI was told to talk to a service */
  remote: boolean;
}

const GLOBAL_WITH_VALUE = new Set([
  '--url',
  '--connection',
  '-c',
  '--identity',
  '--root',
  '--runroot',
  '--log-level',
  '--cgroup-manager',
  '--storage-driver',
  '--events-backend',
  '--network-cmd-path',
  '--tmpdir',
]);

const base = (w: string) => w.slice(w.lastIndexOf('/') + 1);

function flagBool(words: string[], name: string): boolean | null {
  let v: boolean | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === `--${name}`) v = words[i + 1] !== 'false';
    else if (w.startsWith(`--${name}=`)) v = w.slice(name.length + 3) !== 'false';
  }
  return v;
}

/** The first engine build command in the text, or null (the text may be a docker/buildctl command). */
export function parseEngineCommand(
  text: string,
  env: Readonly<Record<string, string>>,
): EngineCommand | null {
  let words: string[][];
  try {
    words = shellWords(text, env);
  } catch {
    return null;
  }
  for (const raw of words) {
    let i = 0;
    while (
      raw[i] !== undefined &&
      (/^[A-Za-z_][A-Za-z0-9_]*=/.test(raw[i]!) || raw[i] === 'sudo' || raw[i] === 'env')
    )
      i++;
    const w = raw.slice(i);
    const tool = w[0] ? base(w[0]) : '';
    // global flags come before the subcommand; these take a value as the next word
    let k = 1;
    while (w[k]?.startsWith('-')) k += GLOBAL_WITH_VALUE.has(w[k]!) ? 2 : 1;
    const globals = w.slice(1, k);
    const sub = w.slice(k).filter((x) => !x.startsWith('-'));
    const remote =
      tool === 'podman-remote' || globals.some((x) => /^--(remote|url|connection)(=|$)|^-[rc]$/.test(x));
    if (
      (tool === 'podman' || tool === 'podman-remote') &&
      (sub[0] === 'build' || (sub[0] === 'buildx' && sub[1] === 'build'))
    )
      return { tool: 'podman-build', httpProxy: flagBool(w, 'http-proxy'), remote };
    if (tool === 'buildah' && (sub[0] === 'bud' || sub[0] === 'build'))
      return { tool: 'buildah-bud', httpProxy: flagBool(w, 'http-proxy'), remote: false };
    if (
      (tool === 'podman-compose' && /^(build|up)$/.test(sub[0] ?? '')) ||
      (tool === 'podman' && sub[0] === 'compose' && /^(build|up)$/.test(sub[1] ?? ''))
    )
      return { tool: 'podman-compose', httpProxy: null, remote };
  }
  return null;
}
