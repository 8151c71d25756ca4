// Capture a buildproxy.evidence/v1 bundle from the live machine. Probes run in parallel, each with its own
// timeout; a second round follows only for what the first named (builders, drop-ins, environment files).
import { access, constants } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseBuildxLs } from '../../analyze/docker-output.js';
import { parseSystemctlShow } from '../../analyze/systemctl.js';
import { parseUnitFile } from '../../analyze/systemd.js';
import { pickRelevant } from '../../proxy/env.js';
import {
  buildxInspectNamed,
  CMD,
  containerInspect,
  dropInDirs,
  type FileContext,
  fixedFiles,
  systemctlShow,
  type Unit,
  unitFileCandidates,
} from '../canonical.js';
import { maskEvidence } from '../mask.js';
import { type CommandResult, EVIDENCE_FORMAT, type Evidence } from '../schema.js';
import { type Exec, execCommand } from './exec.js';
import { listConf, readText } from './files.js';
import { scanProcesses } from './processes.js';

export interface CaptureOptions {
  env?: NodeJS.ProcessEnv;
  root?: string;
  timeoutMs?: number;
  dockerfile?: string; // path given with --file; default ./Dockerfile when present
  cwd?: string;
  exec?: Exec;
  now?: () => Date;
  /** mask secrets in the bundle (always true for --capture) */
  mask?: boolean;
  onProbeStart?: (argv: readonly string[]) => void;
  onProbe?: (argv: readonly string[], result: CommandResult) => void;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
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

export async function captureEvidence(opts: CaptureOptions = {}): Promise<Evidence> {
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? 3000;
  const exec = opts.exec ?? execCommand;
  const root = opts.root;
  const home = env.HOME || homedir();
  const ctx: FileContext = { home, env: pickRelevant(env) };
  const commands: CommandResult[] = [];
  const run = async (argv: readonly string[], binary?: string) => {
    opts.onProbeStart?.(argv);
    const r = await exec(argv, { timeoutMs, env, ...(binary ? { binary } : {}) });
    commands.push(r);
    opts.onProbe?.(argv, r);
    return r;
  };
  const files: Record<string, string | null> = {};
  const unreadable: string[] = [];
  const read = async (path: string) => {
    if (path in files) return files[path];
    files[path] = null;
    const r = await readText(root, path);
    if (r === 'unreadable') unreadable.push(path);
    else files[path] = r;
    return files[path];
  };

  const units: { unit: Unit; user: boolean }[] = [
    { unit: 'docker', user: false },
    { unit: 'docker', user: true },
    { unit: 'buildkit', user: false },
    { unit: 'buildkit', user: true },
  ];

  // Round 1: everything that needs nothing else — dockerd --version too, when dockerd is where we usually look.
  const earlyDockerd = await findDockerd(env, null);
  const [, , , , buildxInspect, buildxLs, , systemctl, , , processes] = await Promise.all([
    earlyDockerd ? run(CMD.dockerdVersion, earlyDockerd) : Promise.resolve(null),
    run(CMD.dockerVersion),
    run(CMD.dockerInfo),
    run(CMD.buildxVersion),
    run(CMD.buildxInspect),
    run(CMD.buildxLs),
    Promise.all([run(CMD.buildctlVersion), run(CMD.buildctlWorkers)]),
    Promise.all(units.map((u) => run(systemctlShow(u.unit, u.user)))),
    Promise.all(fixedFiles(ctx).map(read)),
    Promise.all(
      units.map(async ({ unit, user }) => {
        const dirs = dropInDirs(unit, ctx)[user ? 'user' : 'system'];
        const candidates = unitFileCandidates(unit, ctx)[user ? 'user' : 'system'];
        await Promise.all([
          ...candidates.map(read),
          ...dirs.map(async (d) => Promise.all((await listConf(root, d)).map(read))),
        ]);
      }),
    ),
    scanProcesses(root),
  ]);

  // Round 2: what round 1 pointed at.
  const shows = systemctl.map((r) => (r.exitCode === 0 ? parseSystemctlShow(r.stdout) : null));
  const dockerExec = shows[0]?.execStart?.[0] ?? null;
  const dockerdBinary = earlyDockerd ? null : await findDockerd(env, dockerExec);
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
  const builders = buildxLs.exitCode === 0 ? parseBuildxLs(buildxLs.stdout) : [];
  // The current builder's details came with `docker buildx inspect`; docker-driver builders need none beyond ls.
  const currentName =
    buildxInspect.exitCode === 0 ? /^Name:\s+(\S+)/m.exec(buildxInspect.stdout)?.[1] : undefined;
  await Promise.all([
    earlyDockerd ? null : dockerdBinary ? run(CMD.dockerdVersion, dockerdBinary) : run(CMD.dockerdVersion),
    ...builders
      .filter((b) => b.driver !== 'docker' && b.name !== currentName)
      .map((b) => run(buildxInspectNamed(b.name))),
    ...builders
      .filter((b) => b.driver === 'docker-container')
      .flatMap((b) => b.nodes.map((n) => run(containerInspect(n.name)))),
  ]);

  let dockerfile: Evidence['dockerfile'] = null;
  const dfPath = opts.dockerfile ?? 'Dockerfile';
  const dfAbs = dfPath.startsWith('/') ? dfPath : join(opts.cwd ?? process.cwd(), dfPath);
  const dfRead = await readText(undefined, dfAbs);
  const dfContent = dfRead === 'unreadable' ? null : dfRead;
  if (dfContent !== null) dockerfile = { path: dfPath, content: dfContent };
  else if (opts.dockerfile)
    throw new Error(`cannot read the Dockerfile ${dfPath}: check the path given with --file`);

  const order = (a: CommandResult, b: CommandResult) => a.argv.join(' ').localeCompare(b.argv.join(' '));
  const evidence: Evidence = {
    format: EVIDENCE_FORMAT,
    capturedAt: (opts.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    host: {
      platform: process.platform,
      home,
      uid: typeof process.getuid === 'function' ? process.getuid() : null,
    },
    env: ctx.env,
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))),
    commands: commands.sort(order),
    processes,
    dockerfile,
    ...(unreadable.length ? { unreadable: unreadable.sort() } : {}),
  };
  return opts.mask ? maskEvidence(evidence) : evidence;
}
