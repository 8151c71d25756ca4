// "Resolution is computed, not claimed": the evidence as it will be after the plan's files are written, and
// after its commands (daemon restart, builder recreation, a new shell) have run.
import { unitConfig } from '../analyze/daemon-config.js';
import { daemonJsonProxies, dockerInfoProxies } from '../analyze/daemon-info.js';
import {
  buildxInspectNamed,
  CMD,
  containerInspect,
  daemonJsonPath,
  type FileContext,
  HOST_CA_COPY,
  proxyShPath,
  systemctlShow,
} from '../evidence/canonical.js';
import { type CommandResult, type Evidence, findCommand } from '../evidence/schema.js';
import { jsonText, parseJson } from '../formats/docker-output.js';
import { parseCsvLine, shUnquote } from '../formats/encode.js';
import { driverOptionsText, envFromDriverOpts, systemctlEnvironment } from '../machines/printers.js';
import { pickRelevant } from '../proxy/env.js';
import { restartDesktop } from './simulate-desktop.js';
import { restartColima, startLima, startPodmanMachine, startRancher } from './simulate-engines.js';
import type { Plan } from './types.js';

export function withFiles(ev: Evidence, plan: Plan): Evidence {
  const files = { ...ev.files };
  for (const c of plan.changes) files[c.path] = c.remove ? null : c.after;
  return { ...ev, files };
}

function replaceCommand(
  ev: Evidence,
  argv: readonly string[],
  update: (c: CommandResult | undefined) => CommandResult | null,
): Evidence {
  const cur = findCommand(ev, argv);
  const next = update(cur);
  const commands = ev.commands.filter((c) => c !== cur);
  if (next) commands.push(next);
  return { ...ev, commands };
}

function restartDocker(ev: Evidence, user: boolean): Evidence {
  const ctx: FileContext = { home: ev.host.home, env: ev.env };
  const uc = unitConfig(ev, 'docker', user, ctx, null);
  const env = Object.fromEntries([...uc.fileVars].map(([k, v]) => [k, v.value]));
  let out = replaceCommand(ev, systemctlShow('docker', user), (c) =>
    c && c.exitCode === 0
      ? {
          ...c,
          stdout: c.stdout.replace(/^Environment=.*$/m, systemctlEnvironment(env)),
        }
      : (c ?? null),
  );
  out = {
    ...out,
    processes: out.processes.map((p) => (p.name === 'dockerd' ? { ...p, env: pickRelevant(env) } : p)),
  };
  const djPath = daemonJsonPath(ev.host.home, { rootless: user });
  const proxies = daemonJsonProxies(djPath, out.files[djPath]);
  return replaceCommand(out, CMD.dockerInfo, (c) => {
    if (c?.exitCode !== 0) return c ?? null;
    const info = (parseJson(c.stdout) ?? {}) as Record<string, unknown>;
    const major = Number(jsonText(info.ServerVersion ?? '0').split('.')[0]);
    return { ...c, stdout: JSON.stringify({ ...info, ...dockerInfoProxies(env, proxies, major >= 23) }) };
  });
}

function recreateBuilder(ev: Evidence, argv: string[]): Evidence {
  const name = argv[argv.indexOf('--name') + 1]!;
  const node = argv.includes('--node') ? argv[argv.indexOf('--node') + 1]! : `${name}0`;
  const opts: Record<string, string> = {};
  argv.forEach((a, i) => {
    if (argv[i - 1] !== '--driver-opt') return;
    for (const field of parseCsvLine(a) ?? []) {
      const eq = field.indexOf('=');
      if (eq > 0) opts[field.slice(0, eq)] = field.slice(eq + 1);
    }
  });
  const env = envFromDriverOpts(opts);
  let out = replaceCommand(ev, containerInspect(node), (c) => {
    const prev = (parseJson(c?.stdout ?? '[]') as Record<string, unknown>[] | null)?.[0] ?? {};
    return {
      argv: containerInspect(node),
      exitCode: 0,
      stdout: JSON.stringify([
        { ...prev, Config: { Env: env }, HostConfig: { NetworkMode: opts.network ?? 'bridge' } },
      ]),
      stderr: '',
      timedOut: false,
      durationMs: 0,
    };
  });
  const optsText = driverOptionsText(opts);
  // --buildkitd-config: the new builder runs with that file (buildx copies it in); inspect shows it as File#.
  const cfgAt = argv.indexOf('--buildkitd-config');
  const cfg = cfgAt > 0 ? out.files[argv[cfgAt + 1]!] : null;
  const cfgText =
    typeof cfg === 'string'
      ? `\nFile#buildkitd.toml:\n${cfg
          .split('\n')
          .map((l) => ` > ${l}`)
          .join('\n')}`
      : '';
  for (const inspect of [buildxInspectNamed(name), CMD.buildxInspect]) {
    out = replaceCommand(out, inspect, (c) =>
      c && new RegExp(`^Name:\\s+${name}$`, 'm').test(c.stdout)
        ? {
            ...c,
            stdout:
              (/^Driver Options:.*$/m.test(c.stdout)
                ? c.stdout.replace(/^Driver Options:.*$/m, `Driver Options:        ${optsText}`)
                : c.stdout.replace(/^(Endpoint:.*)$/m, `$1\nDriver Options:        ${optsText}`)
              ).replace(/\nFile#buildkitd\.toml:[\s\S]*$/, '') + cfgText,
          }
        : (c ?? null),
    );
  }
  return replaceCommand(out, CMD.buildxLs, (c) => {
    if (!c) return null;
    const lines = c.stdout.split('\n').map((l) => {
      const j = parseJson(l) as { Name?: string; Nodes?: { DriverOpts?: Record<string, string> }[] } | null;
      if (j?.Name !== name) return l;
      return JSON.stringify({ ...j, Nodes: (j.Nodes ?? []).map((n) => ({ ...n, DriverOpts: opts })) });
    });
    return { ...c, stdout: lines.join('\n') };
  });
}

/** Apply the plan's effects on the machine: restarts, recreations, and the shell file being sourced. */
export function withCommands(ev: Evidence, plan: Plan): Evidence {
  let out = ev;
  for (const c of plan.commands) {
    const a = c.argv;
    if (a[0] === 'systemctl' && a.includes('restart') && a.at(-1) === 'docker')
      out = restartDocker(out, a.includes('--user'));
    if (a[0] === 'docker' && a[1] === 'buildx' && a[2] === 'create') out = recreateBuilder(out, a);
    // ca-trust's install: the CA is in the host store afterwards (its content is the user's file, not ours)
    if (a[0] === 'install' && a.at(-1) === HOST_CA_COPY)
      out = { ...out, files: { ...out.files, [HOST_CA_COPY]: `(installed from ${a.at(-2)})` } };
    if (a[0] === 'env' && a.includes('podman') && a.at(-2) === 'start') out = startPodmanMachine(out, a);
    if (a[0] === 'colima' && a.at(-1) === 'restart') out = restartColima(out);
    if (a[0] === 'limactl' && a[1] === 'start') out = startLima(out);
    if (a[0] === 'rdctl' && a[1] === 'start') out = startRancher(out);
    if (a[0] === 'docker' && a[1] === 'desktop' && (a[2] === 'restart' || a[2] === 'start'))
      out = restartDesktop(out, plan);
  }
  const shell = plan.changes.find((c) => c.target === 'client-shell' && c.path === proxyShPath(ev.host.home));
  if (shell) {
    const env = { ...out.env };
    for (const m of shell.after.matchAll(/^export ([A-Za-z_]+)=(.*)$/gm)) env[m[1]!] = shUnquote(m[2]!);
    out = { ...out, env };
  }
  return out;
}
