// The attack figures of issue 11, in wall-clock time (the unit tests prove the same bounds by counting work, never
// by a clock): each hostile input against the built CLI, the median of n runs, with the exit code it must give.
// Used by bench.mjs; `node scripts/bench-attacks.mjs` prints them alone.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './bench-lib.mjs';

const HOME = '/home/alice';
const CFG = `${HOME}/.docker/config.json`;

/** A --root tree with an empty home (owned by nobody when run as root: apply then works as that user). */
function tree(base, name) {
  const root = join(base, name);
  mkdirSync(join(root, HOME, '.docker'), { recursive: true });
  mkdirSync(join(root, 'proc'));
  if (process.getuid?.() === 0) {
    chownSync(join(root, HOME), 65534, 65534);
    chownSync(join(root, HOME, '.docker'), 65534, 65534);
  }
  return root;
}

function planFile(base, after) {
  const file = join(base, `plan-${Math.random().toString(36).slice(2)}.json`);
  const change = {
    path: CFG,
    mode: '0600',
    needsRoot: false,
    before: null,
    after,
    rules: [],
    target: 'docker-cli-config',
    why: 'bench',
  };
  writeFileSync(
    file,
    JSON.stringify({ format: 'buildproxy.plan/v1', changes: [change], commands: [], snippets: [] }),
  );
  return file;
}

/** Run once; ms and exit code. */
function run(node, cli, args, env, input) {
  const t = performance.now();
  const r = spawnSync(node, [cli, ...args], {
    env,
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'],
    timeout: 120_000,
  });
  return { ms: performance.now() - t, code: r.status, timedOut: r.error?.code === 'ETIMEDOUT' };
}

/**
 * Each attack: { what, args, expect (exit code), fresh() to set up per run }. Returns rows for bench.mjs:
 * [what, value, target, ok].
 */
export function attackRows({ node, cli, n = 5, boundMs = 10_000 }) {
  const base = mkdtempSync(join(tmpdir(), 'bp-bench-attacks-'));
  chmodSync(base, 0o755); // the home's owner (nobody) walks through it when root applies
  const env = { PATH: '/usr/bin:/bin', HOME };
  const rows = [];
  const measure = (what, expectCode, once) => {
    const times = [];
    const codes = new Set();
    for (let i = 0; i < n; i++) {
      const r = once(i);
      times.push(r.ms);
      codes.add(r.timedOut ? 'timeout' : r.code);
    }
    const m = median(times);
    const ok = codes.size === 1 && codes.has(expectCode) && m <= boundMs;
    rows.push([
      what,
      `${m.toFixed(0)} ms, exit ${[...codes].join('/')}`,
      `exit ${expectCode}, ≤ ${boundMs / 1000} s`,
      ok,
    ]);
    return m;
  };
  try {
    // 1. apply with the old predictable temp names pre-created as links to a victim, for 1500 pids: same as clean.
    const victim = join(base, 'victim');
    writeFileSync(victim, 'precious\n');
    measure('apply, clean tree (baseline for the next row)', 0, (i) => {
      const root = tree(base, `clean-${i}`);
      return run(node, cli, ['apply', planFile(base, '{}\n'), '--root', root, '--yes'], env);
    });
    measure('apply with 1500 pre-created predictable temp names (links to a victim)', 0, (i) => {
      const root = tree(base, `links-${i}`);
      const dir = join(root, HOME, '.docker');
      for (let pid = 1000; pid < 2500; pid++)
        symlinkSync(victim, join(dir, `.config.json.buildproxy-tmp-${pid}`));
      return run(node, cli, ['apply', planFile(base, '{}\n'), '--root', root, '--yes'], env);
    });
    // 2. hostile JSON in the user's config.json: plan must refuse it quickly (exit 1 with --target), never crash.
    const plain = tree(base, 'plain');
    writeFileSync(join(plain, CFG), '{"auths": {}}\n');
    measure('plan on a plain config.json (baseline for the next rows)', 0, () =>
      run(
        node,
        cli,
        ['plan', '--root', plain, '--proxy', 'http://p:3128', '--target', 'docker-cli-config', '--json'],
        env,
      ),
    );
    const hostile = {
      'nested 5000 deep': `{"a": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
      'nested 100 000 deep': `{"a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      'duplicate keys ×10 000': `{${Array.from({ length: 10_000 }, () => '"proxies": {}').join(', ')}}`,
      'an 80 KB label of letters': `{"labels": ["${'a'.repeat(80_000)}"], "proxies": "x"}`,
    };
    for (const [what, text] of Object.entries(hostile)) {
      const root = tree(base, `json-${Object.keys(hostile).indexOf(what)}`);
      writeFileSync(join(root, CFG), text);
      measure(`plan refusing a config.json ${what}`, 1, () =>
        run(
          node,
          cli,
          ['plan', '--root', root, '--proxy', 'http://p:3128', '--target', 'docker-cli-config', '--json'],
          env,
        ),
      );
    }
    const big = tree(base, 'big');
    writeFileSync(join(big, CFG), `{"pad": "${'x'.repeat(1100 * 1024)}"}`);
    measure('doctor on a plain config.json (baseline for the next row)', 0, () =>
      run(node, cli, ['doctor', '--root', plain, '--json', '--probes', 'commands'], env),
    );
    measure('doctor on a 1.1 MiB config.json ("larger than 1 MiB")', 0, () =>
      run(node, cli, ['doctor', '--root', big, '--json', '--probes', 'commands'], env),
    );
    // 3. redaction over long runs (quadratic before: 34 s for 100 KB): why reads a pasted error.
    measure('why on a one-line pasted error (baseline for the next rows)', 0, () =>
      run(node, cli, ['why', '-'], env, 'ERROR: failed to solve: no such host'),
    );
    for (const [what, text] of [
      ['1 MB of letters', 'a'.repeat(1_000_000)],
      ['100 000 × "a://"', 'a://'.repeat(100_000)],
      ['100 000 × "u:p@"', 'http://u:p@'.repeat(100_000)],
    ])
      measure(`why on a pasted error of ${what}`, 0, () => run(node, cli, ['why', '-'], env, text));
    // 4. a daemon answering with a 100 KB HttpsProxy (34 s before, with --timeout 1000): replayed from a capture.
    const cap = join(base, 'capture.json');
    run(node, cli, ['doctor', '--root', plain, '--probes', 'commands', '--capture', cap], env);
    const bundle = JSON.parse(readFileSync(cap, 'utf8'));
    const info = bundle.commands.find((c) => c.argv.join(' ') === 'docker info --format {{json .}}');
    Object.assign(info, {
      exitCode: 0,
      error: undefined,
      stdout: JSON.stringify({ ServerVersion: '26.1.5', HttpsProxy: `http://${'a'.repeat(100_000)}:3128` }),
    });
    const hostileCap = join(base, 'capture-hostile.json');
    writeFileSync(hostileCap, JSON.stringify(bundle));
    measure('doctor --from a capture whose daemon reports a 100 KB HttpsProxy', 0, () =>
      run(node, cli, ['doctor', '--from', hostileCap, '--json'], env),
    );
    // 5. inputs that are not files: bounded, exit 2.
    measure('doctor --from /dev/zero', 2, () => run(node, cli, ['doctor', '--from', '/dev/zero'], env));
    const fifo = join(base, 'fifo');
    spawnSync('mkfifo', [fifo]);
    measure('apply with a FIFO as the plan', 2, () => run(node, cli, ['apply', fifo, '--yes'], env));
    measure('route with a 100 KB URL', 2, () =>
      run(node, cli, ['route', `https://${'a'.repeat(100_000)}/`], env),
    );
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { fileURLToPath } = await import('node:url');
  const cli = join(fileURLToPath(new URL('..', import.meta.url)), 'packages/tui/dist/cli.cjs');
  for (const [what, value, target, ok] of attackRows({
    node: process.execPath,
    cli,
    n: Number(process.env.BENCH_RUNS ?? 5),
  }))
    console.log(`${ok ? '✓' : '✗'} ${what}: ${value}  (target ${target})`);
}
