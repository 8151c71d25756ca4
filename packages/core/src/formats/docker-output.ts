// Parsers for what the docker CLI prints. Every parser tolerates garbage: evidence may come from any version.
import { decodeBase64 } from './base64.js';

export interface DockerInfo {
  serverVersion: string | null;
  operatingSystem: string | null;
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
  securityOptions: string[];
  serverErrors: string[];
  name: string | null;
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
/** Any parsed JSON value as text. String() would throw on {"toString": 0}, which hostile output can contain. */
export function jsonText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function parseDockerInfo(stdout: string): DockerInfo | null {
  const j = obj(parseJson(stdout.trim()));
  if (Object.keys(j).length === 0) return null;
  return {
    serverVersion: str(j.ServerVersion),
    operatingSystem: str(j.OperatingSystem),
    httpProxy: str(j.HttpProxy) ?? '',
    httpsProxy: str(j.HttpsProxy) ?? '',
    noProxy: str(j.NoProxy) ?? '',
    securityOptions: Array.isArray(j.SecurityOptions)
      ? j.SecurityOptions.filter((s) => typeof s === 'string')
      : [],
    serverErrors: Array.isArray(j.ServerErrors) ? j.ServerErrors.filter((s) => typeof s === 'string') : [],
    name: str(j.Name),
  };
}

export interface DockerVersion {
  client: string | null;
  server: string | null;
  /** the Go that built dockerd ("go1.21.10"): its proxy choice differs by Go version (route) */
  serverGo: string | null;
  serverComponents: { name: string; version: string }[];
}

export function parseDockerVersion(stdout: string): DockerVersion | null {
  const j = obj(parseJson(stdout.trim()));
  if (Object.keys(j).length === 0) return null;
  const server = obj(j.Server);
  const comps = Array.isArray(server.Components) ? server.Components.map(obj) : [];
  return {
    client: str(obj(j.Client).Version),
    server: str(server.Version),
    serverGo: str(server.GoVersion),
    serverComponents: comps.map((c) => ({ name: jsonText(c.Name), version: jsonText(c.Version) })),
  };
}

export interface BuilderNode {
  name: string;
  endpoint: string | null;
  status: string | null;
  driverOpts: Record<string, string>;
  buildkitVersion: string | null;
  flags: string[];
  labels: Record<string, string>;
  buildkitdConfig: string | null;
  /** platforms chosen with --platform when the builder was created (buildx's instance record); [] = detected */
  platforms: string[];
}

export interface Builder {
  name: string;
  driver: string;
  current: boolean;
  error: string | null;
  nodes: BuilderNode[];
}

function emptyNode(name: string): BuilderNode {
  return {
    name,
    endpoint: null,
    status: null,
    driverOpts: {},
    buildkitVersion: null,
    flags: [],
    labels: {},
    buildkitdConfig: null,
    platforms: [],
  };
}

function fileText(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return null;
  try {
    return decodeBase64(v);
  } catch {
    return null;
  }
}

/** `docker buildx ls --format json`: one JSON object per line. */
export function parseBuildxLs(stdout: string): Builder[] {
  const out: Builder[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    if (!line.trim().startsWith('{')) continue;
    const j = obj(parseJson(line));
    const name = str(j.Name);
    if (!name) continue;
    const nodes = (Array.isArray(j.Nodes) ? j.Nodes.map(obj) : []).map((n) => ({
      ...emptyNode(jsonText(n.Name)),
      endpoint: str(n.Endpoint),
      status: str(n.Status),
      driverOpts: Object.fromEntries(Object.entries(obj(n.DriverOpts)).map(([k, v]) => [k, jsonText(v)])),
      buildkitVersion: str(n.Version) ?? str(n.BuildkitVersion),
      flags: Array.isArray(n.Flags) ? n.Flags.map(jsonText) : [],
      labels: Object.fromEntries(Object.entries(obj(n.Labels)).map(([k, v]) => [k, jsonText(v)])),
      // buildx 0.13 `ls --format json` carries the builder's buildkitd.toml, base64-encoded; inspect does not print it.
      buildkitdConfig: fileText(obj(n.Files)['buildkitd.toml']),
    }));
    out.push({
      name,
      driver: str(j.Driver) ?? 'unknown',
      current: j.Current === true,
      error: str(j.Err) ?? str(j.Error),
      nodes,
    });
  }
  return out;
}

/** Driver Options as buildx prints them: key="value" pairs with Go %q quoting. */
export function parseDriverOptions(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z0-9_.-]+)="((?:[^"\\]|\\.)*)"/g;
  for (const m of text.matchAll(re)) {
    out[m[1]!] = m[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
  }
  return out;
}

/** `docker buildx inspect [NAME]`: the human format, the only one that names the selected builder. */
export function parseBuildxInspect(stdout: string): Builder | null {
  const lines = stdout.split(/\r?\n/);
  let name: string | null = null;
  let driver = 'unknown';
  let error: string | null = null;
  const nodes: BuilderNode[] = [];
  let node: BuilderNode | null = null;
  let inNodes = false;
  let inLabels = false;
  let inConfig = false;
  for (const line of lines) {
    if (inConfig) {
      if (node) node.buildkitdConfig = `${node.buildkitdConfig ?? ''}${line.replace(/^\s*>\s?/, '')}\n`;
      continue;
    }
    const m = /^([A-Za-z][A-Za-z #.]*?):\s*(.*)$/.exec(line);
    if (!m) {
      if (inLabels && node) {
        const l = /^\s+([\w./-]+):\s*(.*)$/.exec(line);
        if (l) node.labels[l[1]!] = l[2]!;
      }
      continue;
    }
    const [, key, value] = m as unknown as [string, string, string];
    inLabels = false;
    if (key === 'Nodes') {
      inNodes = true;
      continue;
    }
    if (!inNodes) {
      if (key === 'Name') name = value;
      else if (key === 'Driver') driver = value;
      else if (key === 'Error') error = value;
      continue;
    }
    if (key === 'Name') {
      node = emptyNode(value);
      nodes.push(node);
      continue;
    }
    if (!node) continue;
    if (key === 'Endpoint') node.endpoint = value;
    else if (key === 'Status') node.status = value;
    else if (key === 'Driver Options') node.driverOpts = parseDriverOptions(value);
    else if (key === 'BuildKit version' || key === 'Buildkit') node.buildkitVersion = value;
    else if (key === 'BuildKit daemon flags' || key === 'Flags')
      node.flags = value.split(/\s+/).filter(Boolean);
    else if (key === 'Labels') inLabels = true;
    else if (key.startsWith('File#buildkitd.toml')) inConfig = true;
    else if (key === 'Error') error = value;
  }
  if (!name) return null;
  return { name, driver, current: false, error, nodes };
}

export interface ContainerInfo {
  env: Record<string, string>;
  created: string | null;
  networkMode: string | null;
  running: boolean;
}

export function parseContainerInspect(stdout: string): ContainerInfo | null {
  const arr = parseJson(stdout.trim());
  const c = obj(Array.isArray(arr) ? arr[0] : arr);
  if (Object.keys(c).length === 0) return null;
  const env: Record<string, string> = {};
  const list = obj(c.Config).Env;
  if (Array.isArray(list)) {
    for (const e of list) {
      if (typeof e !== 'string') continue;
      const eq = e.indexOf('=');
      if (eq > 0) env[e.slice(0, eq)] = e.slice(eq + 1);
    }
  }
  return {
    env,
    created: str(c.Created),
    networkMode: str(obj(c.HostConfig).NetworkMode),
    running: obj(c.State).Running === true,
  };
}

/** `docker buildx version`: "github.com/docker/buildx v0.13.1 788433953af1…" → "v0.13.1" */
export function parseBuildxVersion(stdout: string): string | null {
  const words = stdout.trim().split(/\s+/);
  return words[0] ? (words[1] ?? words[0]) : null;
}

/** `docker-buildx docker-cli-plugin-metadata`: {"SchemaVersion":"0.1.0","Vendor":"Docker Inc.","Version":"v0.13.1",…} */
export function parsePluginVersion(stdout: string): string | null {
  return str(obj(parseJson(stdout.trim())).Version);
}

/** buildx's record of a builder ($DOCKER_CONFIG/buildx/instances/NAME): per node, the platforms chosen at creation. */
export function parseBuildxInstance(text: string): { name: string; platforms: string[] }[] | null {
  const j = obj(parseJson(text));
  if (!Array.isArray(j.Nodes)) return null;
  return j.Nodes.map(obj).map((n) => ({
    name: jsonText(n.Name),
    platforms: (Array.isArray(n.Platforms) ? n.Platforms.map(obj) : [])
      .filter((p) => typeof p.os === 'string' && typeof p.architecture === 'string')
      .map((p) => [p.os, p.architecture, p.variant].filter((x) => typeof x === 'string' && x).join('/')),
  }));
}

/**
 * `kubectl get pod NAME -o json`: the literal env of the pod's first container that sets any (buildkitd's).
 * valueFrom entries (secrets, config maps) have no value here and are skipped; null when it is no pod.
 */
export function parsePodEnv(stdout: string): Record<string, string> | null {
  const pod = obj(parseJson(stdout.trim()));
  const containers = obj(pod.spec).containers;
  if (!Array.isArray(containers)) return null;
  const env: Record<string, string> = {};
  for (const c of containers) {
    const list = obj(c).env;
    if (!Array.isArray(list)) continue;
    for (const e of list) {
      const name = str(obj(e).name);
      const value = obj(e).value;
      if (name && typeof value === 'string') env[name] = value;
    }
    if (Object.keys(env).length) break;
  }
  return env;
}
