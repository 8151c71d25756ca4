// containers-conf: the proxy in containers.conf [engine] env, for local podman and buildah on Linux. Measured on
// podman 4.3.1 (test/e2e/podman.e2e.ts): [engine] env drives pulls and reaches build RUN steps, so one place serves
// both. A text edit: comments, other tables and other env entries stay as they are; the result is parsed back.
import { containersConfSources } from '../../evidence/engines.js';
import { parseContainersConf } from '../../formats/containers-conf.js';
import { isProxyVar } from '../../proxy/env.js';
import { parseProxyUrl } from '../../proxy/url.js';
import type { Target } from '../../targets.js';
import { change, ok, type PlanContext, proxyVars, refuse, type TargetDefinition } from '../context.js';
import { sentence } from '../sentences.js';
import type { TargetResult } from '../types.js';

/** A TOML basic string: quotes, backslashes and control characters escaped. */
function tomlString(s: string): string {
  return `"${s.replace(/[\\"\u0000-\u001f\u007f]/g, (c) =>
    c === '\\' ? '\\\\' : c === '"' ? '\\"' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}"`;
}

/** Lines [start, end] of the value of `env =` starting at `start` (a multi-line array ends at its closing "]"). */
function arrayEnd(lines: string[], start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i]!;
    for (let j = i === start ? l.indexOf('=') + 1 : 0; j < l.length; j++) {
      const c = l[j]!;
      if (quote) {
        if (c === '\\' && quote === '"') j++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#') break;
      else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return i;
    }
  }
  return start;
}

export function withEngineEnv(text: string, entries: string[]): string {
  const value = `env = [${entries.map(tomlString).join(', ')}]`;
  const lines = text.split('\n');
  let table = '';
  let engineAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]/.exec(lines[i]!);
    if (header) {
      table = header[1]!;
      if (table === 'engine') engineAt = i;
    } else if (table === 'engine' && /^\s*env\s*=/.test(lines[i]!)) {
      lines.splice(i, arrayEnd(lines, i) - i + 1, value);
      return lines.join('\n');
    }
  }
  if (engineAt !== -1) {
    lines.splice(engineAt + 1, 0, value);
    return lines.join('\n');
  }
  const body = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return `${body}${body === '' ? '' : '\n'}[engine]\n${value}\n`;
}

function containersConf(ctx: PlanContext, target: Target): TargetResult {
  const p = ctx.state.engines.podman;
  if (!p) return refuse(sentence('containers-conf.podman-buildah-are-not'));
  if (p.remote)
    return refuse(
      'this podman is a remote client: its builds use the service environment (target podman-machine), not this file',
    );
  const { host, client } = ctx.state;
  const uid = host.uid;
  const engineCtx = { platform: host.platform, home: host.home, uid, env: client };
  const sources = containersConfSources(engineCtx);
  const path =
    sources.find((s) => s.scope === 'env')?.path ??
    (uid === 0 ? '/etc/containers/containers.conf' : sources.find((s) => s.scope === 'user')!.path);
  const credentials = [ctx.proxy.http, ctx.proxy.https].some((u) => {
    const r = parseProxyUrl(u);
    return r.ok && r.url.password !== null;
  });
  if (path.startsWith('/etc/') && credentials)
    return refuse(
      `${path} is readable by every user: keep a proxy password out of it (run the plan as the user who builds, for ~/.config/containers/containers.conf)`,
    );
  const text = ctx.read(path) ?? '';
  const parsed = parseContainersConf(path, text);
  if (!parsed.ok) return refuse(`${path}:${parsed.error.line}: ${parsed.error.message}; fix it first`);
  const kept = (parsed.conf.engineEnv ?? [])
    .filter((e) => !isProxyVar(e.name))
    .map((e) => `${e.name}=${e.value}`);
  const entries = [...kept, ...proxyVars(ctx.proxy).map(([k, v]) => `${k}=${v}`)];
  const after = withEngineEnv(text, entries);
  const check = parseContainersConf(path, after);
  if (!check.ok) return refuse(`${path}: the edit would not parse (${check.error.message}); edit it by hand`);
  return ok([
    change(ctx, {
      path,
      mode: path.startsWith('/etc/') ? '0644' : '0600',
      needsRoot: path.startsWith('/etc/'),
      after,
      target,
      why: 'podman and buildah pull with [engine] env (when the shell sets no proxy) and pass it to build RUN steps',
    }),
  ]);
}

export const containersConfTarget: TargetDefinition<'containers-conf'> = {
  id: 'containers-conf',
  generate: containersConf,
  declares: {
    files: [
      { path: '{home}/.config/containers/containers.conf', mode: '0600', credential: true },
      { path: '/etc/containers/containers.conf', mode: '0644' },
    ],
    commands: [],
  },
};
