// Shared helpers for the benchmarks: time a command many times, interleaved with its baseline.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function timeOnce(cmd, args, opts = {}) {
  const t = performance.now();
  const r = spawnSync(cmd, args, {
    stdio: 'ignore',
    timeout: opts.timeoutMs ?? 60_000,
    env: opts.env ?? process.env,
    cwd: opts.cwd,
  });
  return {
    ms: performance.now() - t,
    status: r.status,
    timedOut: r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM',
  };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Run `a` and `b` alternately `n` times; medians and the ratio b/a. */
export function sideBySide(n, a, b) {
  const ta = [];
  const tb = [];
  for (let i = 0; i < n; i++) {
    ta.push(a().ms);
    tb.push(b().ms);
  }
  return { baseline: median(ta), subject: median(tb), ratio: median(tb) / median(ta) };
}

let ticksPerSecond;
/**
 * CPU time (user + system, all threads, in ms) of the children this process has waited for so far: cutime and
 * cstime of /proc/self/stat (Linux), in clock ticks of 10 ms. A machine shared with other work stretches wall
 * time, much less the CPU time a command needs.
 */
export function childrenCpuMs() {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // after "pid (comm) ": field 3 (state) is [0], so cutime (16) and cstime (17) are [13] and [14]
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[13]) + Number(f[14])) * 1000) / ticksPerSecond;
}

/**
 * Run `a` and `b` alternately `n` times; the mean CPU time per run of each (ticks are 10 ms, so a mean over n runs
 * resolves 10/n ms) and the ratio b/a.
 */
export function sideBySideCpu(n, a, b) {
  let ca = 0;
  let cb = 0;
  for (let i = 0; i < n; i++) {
    let t = childrenCpuMs();
    a();
    ca += childrenCpuMs() - t;
    t = childrenCpuMs();
    b();
    cb += childrenCpuMs() - t;
  }
  return { baseline: ca / n, subject: cb / n, ratio: cb / ca };
}

/** Time until a pseudo-terminal shows each marker (via util-linux `script`). */
export function timeToMarkers(command, env, markers, timeoutMs = 15_000) {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn('/usr/bin/script', ['-qfec', command, '/dev/null'], {
      env: { ...env, TERM: 'xterm', COLUMNS: '80', LINES: '24' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    const found = {};
    const done = () => {
      child.kill('SIGKILL');
      resolve(found);
    };
    const timer = setTimeout(done, timeoutMs);
    child.stdout.on('data', (d) => {
      out += d;
      const plain = out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
      for (const m of markers) if (!(m in found) && plain.includes(m)) found[m] = performance.now() - t;
      if (markers.every((m) => m in found)) {
        clearTimeout(timer);
        done();
      }
    });
  });
}

/**
 * The wizard's first frame against node's own start-up, both in the same pseudo-terminal (`script`), interleaved:
 * the time until the wizard's title shows vs until `node -e` prints a word. Medians and the ratio (issue #18: the
 * first frame stays ≤ 4.5× node -e 0). Also the time to the findings screen.
 */
export async function wizardFirstFrame(n, node, cli, rootDir, env) {
  const base = [];
  const first = [];
  const findings = [];
  for (let i = 0; i < n; i++) {
    const b = await timeToMarkers(`${node} -e "process.stdout.write('node-ready')"`, env, ['node-ready']);
    base.push(b['node-ready'] ?? Number.NaN);
    const t = await timeToMarkers(
      `${node} ${cli} --root ${rootDir}`,
      { ...env, HTTPS_PROXY: 'http://proxy.corp:3128' },
      ['buildproxy ·', 'What we found'],
    );
    first.push(t['buildproxy ·'] ?? Number.NaN);
    findings.push(t['What we found'] ?? Number.NaN);
  }
  return {
    baseline: median(base),
    first: median(first),
    findings: median(findings),
    ratio: median(first) / median(base),
  };
}
