// build.args of a compose file (compose-spec: a map, or a list of "NAME=value" / "NAME"), with the file's
// ${VAR} / ${VAR:-default} / $VAR interpolation from the user's shell. Parsed by the yaml library with duplicate
// keys rejected (as compose does), aliases capped and input size capped.
import { parse } from 'yaml';

export const MAX_COMPOSE = 1024 * 1024;
export const COMPOSE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

export interface ComposeArgs {
  service: string;
  args: { name: string; value: string | null }[];
}

function interpolate(text: string, env: Readonly<Record<string, string>>): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (all, braced?: string, colon?: string, dflt?: string, bare?: string) => {
      if (all === '$$') return '$';
      const name = (braced ?? bare)!;
      const v = env[name];
      if (dflt !== undefined && (v === undefined || (colon === ':' && v === ''))) return dflt;
      return v ?? '';
    },
  );
}

/** Throws an Error naming the problem when the file is not a compose file the doctor can read. */
export function composeBuildArgs(text: string, env: Readonly<Record<string, string>>): ComposeArgs[] {
  if (text.length > MAX_COMPOSE) throw new Error(`the compose file is larger than ${MAX_COMPOSE} bytes`);
  const doc = parse(text, { uniqueKeys: true, maxAliasCount: 100, prettyErrors: false }) as unknown;
  const services = (doc as { services?: unknown } | null)?.services;
  if (!services || typeof services !== 'object' || Array.isArray(services)) return [];
  const out: ComposeArgs[] = [];
  for (const [service, def] of Object.entries(services as Record<string, unknown>)) {
    const build = (def as { build?: unknown } | null)?.build;
    if (!build || typeof build !== 'object') continue;
    const raw = (build as { args?: unknown }).args;
    const args: ComposeArgs['args'] = [];
    if (Array.isArray(raw)) {
      for (const item of raw) {
        if (typeof item !== 'string') continue;
        const eq = item.indexOf('=');
        if (eq < 0) args.push({ name: item, value: env[item] ?? null });
        else args.push({ name: item.slice(0, eq), value: interpolate(item.slice(eq + 1), env) });
      }
    } else if (raw && typeof raw === 'object') {
      for (const [name, v] of Object.entries(raw as Record<string, unknown>)) {
        if (v === null || v === undefined) args.push({ name, value: env[name] ?? null });
        else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
          args.push({ name, value: interpolate(String(v), env) });
      }
    }
    out.push({ service, args });
  }
  return out;
}
