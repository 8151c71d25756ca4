// What `buildproxy verify` runs, per actor, decided from the analysed machine (pure: the node side runs it).
// The build goes through the builder the user's build command reaches: `docker build`, `docker buildx build`
// with that builder, or `buildctl build` for a standalone buildkitd — the same resolution the doctor uses.
import { canonicalName } from '../analyze/layers.js';
import type { Actor, State } from '../analyze/types.js';
import type { DigestRef } from './image.js';

export const VERIFY_STEPS = ['client', 'runtime', 'builder', 'run'] as const;
export type VerifyStepId = (typeof VERIFY_STEPS)[number];

export const STEP_ACTOR: Record<VerifyStepId, Actor> = {
  client: 'client',
  runtime: 'runtime',
  builder: 'builder',
  run: 'run',
};

export interface VerifyOptions {
  image: DigestRef;
  /** the URL the RUN step fetches (default: the image registry's /v2/) */
  url: string;
  /** the image's registry speaks plain HTTP (an --insecure-registry): the token request uses http:// */
  plainHttp: boolean;
  steps: readonly VerifyStepId[];
}

export type BuildToolUsed = 'docker-build' | 'buildx-build' | 'buildctl';

/** How the build steps reach the builder: the tool, its leading words, and the RUN steps' proxy build args. */
export interface BuildRoute {
  tool: BuildToolUsed;
  /** argv up to and including the build subcommand: ["docker", "--context", "x", "buildx", "build", "--builder", "b"] */
  prefix: string[];
  /** the user's command's proxy build args, exactly as named there (RUN steps see exactly these) */
  buildArgs: [string, string][];
  /** a person's name for it: `docker buildx build --builder ci` */
  label: string;
  /** the build result lands in dockerd's image store (docker driver), so verify removes it by its id */
  loadsImage: boolean;
}

/** The registry's API root, where the token request starts and the default RUN-step URL points. */
export function registryUrl(image: DigestRef, plainHttp: boolean): string {
  return `${plainHttp ? 'http' : 'https'}://${image.apiHost}/v2/`;
}

/** null: no builder is reachable (no docker CLI and no buildctl): the build steps are skipped with that reason. */
export function buildRoute(state: State): BuildRoute | null {
  const cmd = state.buildCommand;
  const proxyArgs: [string, string][] = [];
  for (const a of cmd?.buildArgs ?? [])
    if (a.value !== null && canonicalName(a.name)) proxyArgs.push([a.name, a.value]);
  const globals: string[] = [];
  if (cmd?.context) globals.push('--context', cmd.context);
  else if (cmd?.host) globals.push('-H', cmd.host);
  const buildctl = (): BuildRoute => {
    const addr = cmd?.tool === 'buildctl' && cmd.addr ? ['--addr', cmd.addr] : [];
    return {
      tool: 'buildctl',
      prefix: ['buildctl', ...addr, 'build'],
      buildArgs: cmd?.tool === 'buildctl' ? proxyArgs : [],
      label: `buildctl${addr.length ? ` --addr ${addr[1]}` : ''} build`,
      loadsImage: false,
    };
  };
  if (cmd?.tool === 'buildctl' || (!cmd && state.builderKind === 'buildkitd')) return buildctl();
  if (!state.docker.cli) return state.buildctl ? buildctl() : null;
  const useBuildx =
    cmd?.tool === 'buildx-build' ||
    (!cmd && state.builderKind !== 'dockerd' && state.builderKind !== 'none' && state.buildxBuilder !== null);
  if (useBuildx) {
    const name = cmd?.builder ?? state.buildxBuilder?.name ?? null;
    const builder = name ? ['--builder', name] : [];
    const driver = name
      ? state.builders.find((b) => b.name === name)?.driver
      : (state.buildxBuilder?.driver ?? undefined);
    return {
      tool: 'buildx-build',
      prefix: ['docker', ...globals, 'buildx', 'build', ...builder],
      buildArgs: proxyArgs,
      label: `docker ${[...globals, 'buildx', 'build', ...builder].join(' ')}`,
      loadsImage: driver === undefined || driver === 'docker',
    };
  }
  return {
    tool: 'docker-build',
    prefix: ['docker', ...globals, 'build'],
    buildArgs: proxyArgs,
    label: `docker ${[...globals, 'build'].join(' ')}`,
    loadsImage: true,
  };
}

export const URL_ARG = 'BUILDPROXY_VERIFY_URL';

/**
 * The RUN step: fetch the URL with wget (busybox, Alpine) or curl. Any HTTP answer of the origin counts, 2xx
 * or 401 (a registry's /v2/ asks for a token): the network path works. The tool's own error text is printed
 * for the why reader ("wget: server returned error: HTTP/1.1 407 …", "curl: (56) … 407 from proxy").
 */
const FETCH = [
  `u="$${URL_ARG}"`,
  't=""; command -v timeout >/dev/null 2>&1 && t="timeout 30"',
  'if command -v wget >/dev/null 2>&1; then out=$($t wget -q -O /dev/null "$u" 2>&1) && exit 0',
  'case "$out" in *"HTTP/1.1 401"*|*"HTTP/1.0 401"*) exit 0;; esac; echo "$out"; exit 1; fi',
  'code=$($t curl -sS -o /dev/null -w "%{http_code}" "$u") || exit 1',
  'case "$code" in 2??|401) exit 0;; esac; echo "curl: HTTP $code from $u"; exit 1',
].join('; ');

/** The two-line Dockerfiles: FROM by digest, then a LABEL (builder) or the fetch (run), each with a nonce. */
export function verifyDockerfile(step: 'builder' | 'run', image: DigestRef, nonce: string): string {
  if (step === 'builder') return `FROM ${image.ref}\nLABEL io.buildproxy.verify="${nonce}"\n`;
  return `FROM ${image.ref}\nARG ${URL_ARG}\nRUN echo "buildproxy verify ${nonce}"; ${FETCH}\n`;
}

/** The full argv of a build step, given its context folder and (docker) its image id file. */
export function buildArgv(
  route: BuildRoute,
  step: 'builder' | 'run',
  dir: string,
  iidfile: string,
  url: string,
): string[] {
  const args = step === 'run' ? [...route.buildArgs, [URL_ARG, url] as [string, string]] : [];
  if (route.tool === 'buildctl')
    return [
      ...route.prefix,
      '--frontend',
      'dockerfile.v0',
      '--local',
      `context=${dir}`,
      '--local',
      `dockerfile=${dir}`,
      '--opt',
      'image-resolve-mode=pull',
      '--no-cache',
      '--progress',
      'plain',
      ...args.flatMap(([n, v]) => ['--opt', `build-arg:${n}=${v}`]),
    ];
  return [
    ...route.prefix,
    '--pull',
    '--no-cache',
    '--iidfile',
    iidfile,
    ...args.flatMap(([n, v]) => ['--build-arg', `${n}=${v}`]),
    dir,
  ];
}
