// Shared helpers for the benchmarks: time a command many times, interleaved with its baseline.
import { spawn, spawnSync } from 'node:child_process';

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
