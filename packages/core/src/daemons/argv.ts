// What a daemon's command line says about where it listens: dockerd (pflag: -H, --host, -Hx, -H=x) and buildkitd
// (urfave/cli on Go's flag package: -addr, --addr, -addr=x). Pure: argv comes from /proc/PID/cmdline via the probe.

/** Values of every occurrence of a flag, in the forms the daemon's own flag parser accepts. */
export function flagValues(argv: readonly string[], long: string, short?: string): string[] {
  const out: string[] = [];
  const longs = [`--${long}`, `-${long}`];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (longs.includes(a) || (short && a === `-${short}`)) {
      if (i + 1 < argv.length) out.push(argv[++i]!);
      continue;
    }
    const eq = longs.find((l) => a.startsWith(`${l}=`));
    if (eq) {
      out.push(a.slice(eq.length + 1));
      continue;
    }
    if (short && a.startsWith(`-${short}`) && !a.startsWith('--') && a.length > 2) {
      out.push(a.slice(2).replace(/^=/, ''));
    }
  }
  return out;
}

export function firstFlag(argv: readonly string[], long: string, short?: string): string | null {
  return flagValues(argv, long, short)[0] ?? null;
}

/** dockerd's listen addresses from its argv (-H/--host), e.g. ["fd://"], ["unix:///x.sock", "tcp://0.0.0.0:2375"]. */
export function dockerdHosts(argv: readonly string[]): string[] {
  return flagValues(argv, 'host', 'H');
}

/** buildkitd's listen addresses from its argv (--addr). */
export function buildkitdAddrs(argv: readonly string[]): string[] {
  return flagValues(argv, 'addr');
}

/** The unix socket path of a daemon address, or null for tcp://, fd://, ssh:// and the rest. */
export function unixPath(addr: string): string | null {
  const m = /^unix:\/\/(\/.*)$/.exec(addr);
  if (m) return m[1]!;
  return addr.startsWith('/') ? addr : null;
}

/** Pidfiles and configs the probe should read for these processes (argv's, then the defaults). */
export function filesToRead(
  processes: readonly { name: string; argv?: string[] }[],
  defaults: { dockerdPidfile: string; buildkitdConfig: string },
): string[] {
  const out = new Set<string>();
  for (const p of processes) {
    if (p.name === 'dockerd') out.add(firstFlag(p.argv ?? [], 'pidfile', 'p') ?? defaults.dockerdPidfile);
    if (p.name === 'buildkitd') out.add(firstFlag(p.argv ?? [], 'config') ?? defaults.buildkitdConfig);
  }
  return [...out];
}
