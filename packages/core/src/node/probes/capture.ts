// long because: one capture in rounds (what each round names feeds the next), and the probes share its reader,
// runner and budget; splitting it would pass that state around instead of keeping it in one place.
// Capture a buildproxy.evidence/v1 bundle from the live machine. Probes run in parallel, each with its own
// timeout; a second round follows only for what the first named (builders, drop-ins, environment files).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { filesToRead } from '../../daemons/argv.js';
import { needsTcpListeners } from '../../daemons/tcp-address.js';
import {
  buildxInspectNamed,
  buildxInstancePath,
  CMD,
  containerInspect,
  dockerConfigDir,
  dropInDirs,
  type FileContext,
  fixedFiles,
  systemctlShow,
  type Unit,
  unitFileCandidates,
} from '../../evidence/canonical.js';
import { buildxNeedsCli, cliPluginDirs, localDaemonSocket } from '../../evidence/endpoint.js';
import { maskEvidence } from '../../evidence/mask.js';
import {
  type CommandResult,
  EVIDENCE_FORMAT,
  type Evidence,
  type NotCaptured,
} from '../../evidence/schema.js';
import { parseBuildxLs, parseDockerInfo } from '../../formats/docker-output.js';
import { parseSystemctlShow } from '../../formats/systemctl.js';
import { parseUnitFile } from '../../formats/systemd.js';
import { pickRelevant } from '../../proxy/env.js';
import { asCommand, engineGet } from './engine-api.js';
import { captureEngines } from './engines.js';
import { type Exec, execCommand, findOnPath } from './exec.js';
import { isDirectory, listConf, listDir, readText, underRoot } from './files.js';
import { helperProbe } from './helper-env.js';
import { readHostNet } from './host-net.js';
import { type Invoker, inUserDirs, invokerEnv, isUserCommand, sudoEvidence, sudoInvoker } from './invoker.js';
import { capturePlatform } from './platform.js';
import { procDir, scanProcesses } from './processes.js';

export interface CaptureOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * --root DIR: every absolute path is read under DIR, /proc too. Processes and listeners come only from DIR/proc;
   * without it they are not captured (the bundle's notCaptured says so), never read from this host's /proc.
   */
  root?: string;
  timeoutMs?: number;
  dockerfile?: string; // path given with --file; default ./Dockerfile when present
  cwd?: string;
  exec?: Exec;
  now?: () => Date;
  /** mask secrets in the bundle (always true for --capture) */
  mask?: boolean;
  /** auto: ask a local daemon's API and skip buildx when it has no builders of its own; commands: run every
   * docker command, as a person would */
  probes?: 'auto' | 'commands';
  /** buildctl --addr from the user's build command: the container or pod it names is inspected */
  buildkitAddr?: string | null;
  /** the user's build command runs podman, buildah or podman-compose: ask them even when docker is here */
  podmanCommand?: boolean;
  onProbeStart?: (argv: readonly string[]) => void;
  onProbe?: (argv: readonly string[], result: CommandResult) => void;
  /** the platform to probe as (tests inject darwin/win32); default process.platform */
  platform?: string;
  /** the user behind sudo (default: found from SUDO_USER and the sudo process when running as root) */
  invoker?: Invoker | null;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** dockerd lives in /usr/sbin on Debian, which is not on an ordinary user's PATH. */
async function findDockerd(
  env: NodeJS.ProcessEnv,
  execStartPath: string | null,
): Promise<string | undefined> {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const d of dirs) if (await isExecutable(join(d, 'dockerd'))) return join(d, 'dockerd');
  const extra = [execStartPath, '/usr/sbin/dockerd', '/usr/bin/dockerd', '/usr/local/bin/dockerd'];
  for (const p of extra) if (p && /dockerd$/.test(p) && (await isExecutable(p))) return p;
  return undefined;
}

function findPlugin(dirs: string[]): string | null {
  for (const d of dirs) {
    const p = findOnPath('docker-buildx', d);
    if (p) return p;
  }
  return null;
}

export async function captureEvidence(opts: CaptureOptions = {}): Promise<Evidence> {
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? 3000;
  const exec = opts.exec ?? execCommand;
  const root = opts.root;
  const platform = opts.platform ?? process.platform;
  // Under sudo: the user who typed the command is the one analysed (a --root tree is another machine's files).
  const invoker = opts.invoker !== undefined ? opts.invoker : root ? null : sudoInvoker(env);
  const home = invoker
    ? invoker.home
    : (platform === 'win32' ? env.USERPROFILE : env.HOME) ||
      (process.getBuiltinModule('node:os') as typeof import('node:os')).homedir();
  const userEnv = invoker ? invokerEnv(invoker, env) : env;
  const ctx: FileContext = { home, env: pickRelevant(invoker?.env ?? env) };
  const mine = (path: string) => invoker !== null && inUserDirs(path, home, ctx.env.DOCKER_CONFIG);
  const commands: CommandResult[] = [];
  const probe = async (argv: readonly string[], answer: () => Promise<CommandResult>) => {
    opts.onProbeStart?.(argv);
    const r = await answer();
    commands.push(r);
    opts.onProbe?.(argv, r);
    return r;
  };
  const run = (argv: readonly string[], binary?: string, cwd?: string) =>
    probe(argv, () =>
      exec(argv, {
        timeoutMs,
        ...(invoker && isUserCommand(argv)
          ? { env: userEnv, as: { uid: invoker.uid, gid: invoker.gid } }
          : { env }),
        ...(binary ? { binary } : {}),
        ...(cwd ? { cwd } : {}),
      }),
    );
  const files: Record<string, string | null> = {};
  const unreadable: string[] = [];
  const oversize: string[] = [];
  const read = async (path: string) => {
    if (path in files) return files[path];
    files[path] = null;
    // The sudo user's files are theirs to point anywhere: read only what they own, never through a symlink.
    const r = await readText(root, path, mine(path) ? invoker!.uid : undefined);
    if (r === 'unreadable') unreadable.push(path);
    else if (r === 'too-large') oversize.push(path);
    else files[path] = r;
    return files[path];
  };

  // systemctl --user as root asks root's own user manager, which never runs a rootless docker.
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const allUnits: { unit: Unit; user: boolean }[] = [
    { unit: 'docker', user: false },
    { unit: 'docker', user: true },
    { unit: 'buildkit', user: false },
    { unit: 'buildkit', user: true },
  ];
  const units = allUnits.filter((u) => !(u.user && isRoot && !invoker));

  // Round 0, a few file reads: how the CLI would reach the daemon, and whether buildx keeps builders of its own.
  const cfgDir = dockerConfigDir(ctx);
  const [configJson, currentFile, buildxDirs] = await Promise.all([
    read(`${cfgDir}/config.json`),
    read(`${cfgDir}/buildx/current`),
    Promise.all(
      [`${cfgDir}/buildx/instances`, `${cfgDir}/contexts/meta`].map(async (d) => [
        ...(await listDir(root, d)),
        ...(root ? await listDir(undefined, d) : []),
      ]),
    ),
  ]);
  // buildx's own record of each builder it created: the only place that keeps the platforms chosen at creation.
  await Promise.all(buildxDirs[0]!.map((name) => read(buildxInstancePath(ctx, name))));
  const auto = (opts.probes ?? 'auto') === 'auto';
  const dockerCli = findOnPath('docker', env.PATH) !== null;
  // systemd's own test (sd_booted): without /run/systemd/system, systemctl can only say it cannot answer.
  const systemd = !auto || (await isDirectory(underRoot(root, '/run/systemd/system')));
  const socket = auto && dockerCli ? localDaemonSocket(ctx.env, configJson) : null;
  const buildxCli = !socket || buildxNeedsCli(ctx.env, currentFile, buildxDirs[0]!, buildxDirs[1]!);
  const plugin = buildxCli ? null : findPlugin(cliPluginDirs(ctx, configJson));
  // Each request to the daemon, until it is on the wire (or settled): see round 1.
  const sending: Promise<void>[] = [];
  const api = (argv: readonly string[], path: string, shape?: (body: string) => string) =>
    probe(argv, async () => {
      let sent!: () => void;
      sending.push(new Promise<void>((r) => (sent = r)));
      return asCommand(argv, socket!, path, await engineGet(socket!, path, timeoutMs, sent), shape);
    });

  // Round 1: everything that needs nothing else, all started before the capture's synchronous part (file reads,
  // the /proc scan). The daemon's requests go first: a request still waiting for its connection to open would
  // wait for all of that, and the daemon with it. Then the commands, the slowest first (`podman info` looks up
  // each helper's package with dpkg, ~300 ms: containers/podman#19317); each is bounded by the timeout.
  const daemonInfo = socket
    ? Promise.all([
        // /version is docker version's Server part: wrapped so the record reads like the command's output
        api(CMD.dockerVersion, '/version', (body) => `{"Server":${body}}`),
        api(CMD.dockerInfo, '/info'),
      ]).then(([, i]) => i)
    : Promise.all([run(CMD.dockerVersion), run(CMD.dockerInfo)]).then(([, i]) => i);
  const onTheWire = Promise.all(sending);
  // Podman, Buildah, Colima and Lima (#17): containers.conf, machines, VMs; nothing is started
  const enginesRead = captureEngines({
    ctx: {
      platform,
      home,
      uid: typeof process.getuid === 'function' ? process.getuid() : null,
      env: ctx.env,
    },
    root,
    run: (argv) => run(argv),
    read,
    onPath: (bin) => findOnPath(bin, env.PATH) !== null,
    // `podman info` alone takes ~300 ms: --probes auto asks podman and buildah only when they may be the engine
    // (no docker CLI, a podman socket, connection or config in the environment, or the user's command)
    askCommands:
      !auto ||
      !dockerCli ||
      opts.podmanCommand === true ||
      Boolean(ctx.env.CONTAINER_HOST || ctx.env.CONTAINERS_CONF) ||
      /podman/.test(ctx.env.DOCKER_HOST ?? ''),
    systemd,
    isRoot,
    readFilesAfter: onTheWire,
  });
  const inspectAsked = buildxCli ? run(CMD.buildxInspect) : null;
  const lsAsked = buildxCli ? run(CMD.buildxLs) : null;
  const systemctlAsked = Promise.all(units.map((u) => (systemd ? run(systemctlShow(u.unit, u.user)) : null)));
  const versionsAsked = Promise.all([
    buildxCli ? run(CMD.buildxVersion) : plugin ? run(CMD.buildxMetadata, plugin) : null,
    run(CMD.buildctlVersion),
    run(CMD.buildctlWorkers),
  ]);
  // The container or pod a buildctl connection helper names: needs nothing the first round learns.
  const helperAsked = helperProbe({
    env: ctx.env,
    addr: opts.buildkitAddr,
    socket,
    path: env.PATH,
    api,
    probe,
    exec,
    timeoutMs,
    run: env,
  });
  // What needs one answer waits for that answer only, not for the whole round (podman's among them).
  // dockerd --version only says what the daemon did not: its version when it is down.
  const dockerdAsked = Promise.all([daemonInfo, systemctlAsked]).then(async ([info, systemctl]) => {
    const daemonVersion = info.exitCode === 0 ? parseDockerInfo(info.stdout)?.serverVersion : null;
    // Without a docker CLI there is no docker build to diagnose, and no daemon version worth a 35 ms dockerd start.
    if (daemonVersion || !dockerCli) return null;
    const show = systemctl[0]?.exitCode === 0 ? parseSystemctlShow(systemctl[0].stdout) : null;
    const dockerdBinary = await findDockerd(env, show?.execStart?.[0] ?? null);
    return dockerdBinary ? run(CMD.dockerdVersion, dockerdBinary) : null;
  });
  const buildersAsked = Promise.all([lsAsked, inspectAsked]).then(([buildxLs, buildxInspect]) => {
    const builders = buildxLs?.exitCode === 0 ? parseBuildxLs(buildxLs.stdout) : [];
    // The current builder's details came with `docker buildx inspect`; docker-driver builders need none beyond ls.
    const currentName =
      buildxInspect?.exitCode === 0 ? /^Name:\s+(\S+)/m.exec(buildxInspect.stdout)?.[1] : undefined;
    return Promise.all([
      ...builders
        .filter((b) => b.driver !== 'docker' && b.name !== currentName)
        .map((b) => run(buildxInspectNamed(b.name))),
      ...builders
        .filter((b) => b.driver === 'docker-container')
        .flatMap((b) =>
          b.nodes.map((n) =>
            socket
              ? api(
                  containerInspect(n.name),
                  `/containers/buildx_buildkit_${encodeURIComponent(n.name)}/json`,
                  (j) => `[${j}]`,
                )
              : run(containerInspect(n.name)),
          ),
        ),
    ]);
  });
  await onTheWire;
  // Desktop's, WSL's and the system proxy's files and commands: after the requests, like every file read.
  const platformRead = capturePlatform(
    { platform, home, env: ctx.env },
    {
      read,
      run: (argv, cwd) => run(argv, undefined, cwd),
      has: (bin) => findOnPath(bin, env.PATH) !== null,
      // --probes auto spares a docker process when the context is known without it
      askContexts:
        !auto ||
        buildxDirs[1]!.length > 0 ||
        Boolean(ctx.env.DOCKER_CONTEXT) ||
        /"currentContext"/.test(configJson ?? ''),
    },
  );
  // Every command whose start waited only for a file read (the WSL check) starts before the synchronous part.
  await new Promise((r) => setImmediate(r));
  // /proc/net is read in the thread pool from here on.
  const hostNetRead = readHostNet(root);
  const [systemctl, , processes, wsl] = await Promise.all([
    systemctlAsked,
    Promise.all([
      ...fixedFiles(ctx).map(read),
      ...units.map(async ({ unit, user }) => {
        const dirs = dropInDirs(unit, ctx)[user ? 'user' : 'system'];
        const candidates = unitFileCandidates(unit, ctx)[user ? 'user' : 'system'];
        await Promise.all([
          ...candidates.map(read),
          ...dirs.map(async (d) => Promise.all((await listConf(root, d)).map(read))),
        ]);
      }),
    ]),
    // the daemons' TCP listeners only when an address to tie them to is tcp:// (the kernel walks its whole
    // connection table to list them)
    scanProcesses(root, {
      tcp: needsTcpListeners([ctx.env.DOCKER_HOST, ctx.env.BUILDKIT_HOST, opts.buildkitAddr]),
    }),
    platformRead,
    enginesRead,
  ]);

  // Round 2: the files round 1 pointed at.
  const shows = systemctl.map((r) => (r?.exitCode === 0 ? parseSystemctlShow(r.stdout) : null));
  const pointed = new Set<string>();
  for (const s of shows) {
    if (!s) continue;
    for (const p of [s.fragmentPath, ...s.dropInPaths]) if (p) pointed.add(p);
    for (const f of s.environmentFiles) pointed.add(f.path);
  }
  await Promise.all([...pointed].map(read));
  // EnvironmentFile= lines in unit files and drop-ins we read name more files.
  for (const [path, content] of Object.entries(files)) {
    if (!content || !/\.(service|conf)$/.test(path)) continue;
    for (const a of parseUnitFile(path, content)) {
      if (a.key === 'EnvironmentFile' && a.value) await read(a.value.replace(/^-/, ''));
    }
  }
  // Pidfiles and buildkitd configs the running daemons name: the resolver's fallbacks when their fds are not ours.
  await Promise.all(
    filesToRead(processes, {
      dockerdPidfile: '/var/run/docker.pid',
      buildkitdConfig: '/etc/buildkit/buildkitd.toml',
    }).map(read),
  );
  await Promise.all([daemonInfo, versionsAsked, helperAsked, dockerdAsked, buildersAsked]);

  const hostNet = await hostNetRead;
  // Under --root, a part the tree has no proc for is said to be missing, not left to look like "none running".
  const notCaptured: NotCaptured[] =
    root === undefined
      ? []
      : [
          ...(procDir(root) === null ? [{ part: 'processes' as const, missing: '/proc' }] : []),
          ...(hostNet === null ? [{ part: 'net' as const, missing: '/proc/net/tcp' }] : []),
        ];
  let dockerfile: Evidence['dockerfile'] = null;
  const dfPath = opts.dockerfile ?? 'Dockerfile';
  const dfAbs = dfPath.startsWith('/') ? dfPath : join(opts.cwd ?? process.cwd(), dfPath);
  const dfRead = await readText(undefined, dfAbs, invoker ? invoker.uid : undefined);
  if (dfRead === 'too-large' && opts.dockerfile)
    throw new Error(`the Dockerfile ${dfPath} is larger than 1 MiB: check the path given with --file`);
  const dfContent = dfRead === 'unreadable' || dfRead === 'too-large' ? null : dfRead;
  if (dfContent !== null) dockerfile = { path: dfPath, content: dfContent };
  else if (opts.dockerfile)
    throw new Error(`cannot read the Dockerfile ${dfPath}: check the path given with --file`);

  // Code-point order: stable across locales, and localeCompare's collator costs milliseconds to set up.
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const order = (a: CommandResult, b: CommandResult) => byText(a.argv.join(' '), b.argv.join(' '));
  const evidence: Evidence = {
    format: EVIDENCE_FORMAT,
    capturedAt: (opts.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    host: {
      platform,
      home,
      uid: invoker
        ? invoker.uid
        : platform !== 'win32' && typeof process.getuid === 'function'
          ? process.getuid()
          : null,
      ...(wsl !== undefined ? { wsl } : {}),
      ...(invoker ? { sudo: sudoEvidence(invoker, env) } : {}),
    },
    env: ctx.env,
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => byText(a, b))),
    commands: commands.sort(order),
    processes,
    ...(hostNet ? { net: hostNet } : {}),
    ...(notCaptured.length ? { notCaptured } : {}),
    dockerfile,
    ...(unreadable.length ? { unreadable: unreadable.sort() } : {}),
    ...(oversize.length ? { oversize: oversize.sort() } : {}),
  };
  return opts.mask ? maskEvidence(evidence) : evidence;
}
