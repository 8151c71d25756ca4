// Hostile input through the built CLI: each is a clear error (exit 2, or 1 for a refused target), within a
// bound, and nothing is written. Bounds here are generous (a loaded 2-CPU machine); `pnpm bench` has figures.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeMachine, runCli } from './helpers.js';

const BOUND = { timeoutMs: 10_000 };

describe('files named on the command line', () => {
  it('--from /dev/zero, a FIFO as --from, a FIFO or /dev/zero as the plan: refused at once', async () => {
    const m = makeMachine();
    const fifo = join(m.dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const args of [
      ['doctor', '--from', '/dev/zero'],
      ['doctor', '--from', fifo],
      ['plan', '--from', fifo],
      ['--from', fifo, '--yes', '--proxy', 'http://p:3128'],
      ['apply', fifo, '--dry-run'],
      ['apply', '/dev/zero', '--dry-run'],
    ]) {
      const r = await runCli(args, { m, ...BOUND });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/not a regular file \(a FIFO, a device or a folder\)/);
    }
  });

  it('a bundle larger than any capture: "too large", not a JSON error', async () => {
    const m = makeMachine();
    const big = join(m.dir, 'big.json');
    writeFileSync(big, `{"x": "${'a'.repeat(33 * 1024 * 1024)}"}`);
    const r = await runCli(['doctor', '--from', big], { m, ...BOUND });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/more than the 32 MiB any evidence bundle needs/);
  });

  it('plan -o into a folder that does not exist, or onto a folder: a clear error, nothing written', async () => {
    const m = makeMachine();
    for (const out of [join(m.dir, 'no/such/dir/p.json'), m.dir]) {
      const r = await runCli(['plan', '--root', m.root, '--proxy', 'http://p:3128', '-o', out], { m });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot write ${out}: `);
      expect(r.stderr).not.toMatch(/internal error|at async/);
    }
    expect(existsSync(join(m.dir, 'no'))).toBe(false);
  });
});

describe('flags and arguments', () => {
  it('--root that is not a folder', async () => {
    const m = makeMachine();
    // A plan apply would accept: only the missing --root can make it fail.
    const plan = join(m.dir, 'plan.json');
    writeFileSync(
      plan,
      JSON.stringify({
        format: 'buildproxy.plan/v1',
        changes: [
          {
            path: `${process.env.HOME}/.docker/config.json`,
            mode: '0600',
            needsRoot: false,
            before: null,
            after: '{}\n',
            rules: [],
            target: 'docker-cli-config',
            why: 'test',
          },
        ],
        commands: [],
        snippets: [],
      }),
    );
    const nope = join(m.dir, 'nope');
    for (const args of [
      ['doctor', '--root', nope],
      ['plan', '--root', nope, '--proxy', 'http://p:3128'],
      ['route', 'https://r/', '--root', nope],
      ['--root', nope, '--proxy', 'http://p:3128', '--yes'],
      ['apply', plan, '--root', nope, '--yes'],
      ['apply', plan, '--root', nope, '--dry-run'],
      ['undo', plan, '--root', nope, '--yes'],
      ['undo', '--last', '--root', nope, '--dry-run'],
    ]) {
      const r = await runCli(args, { m });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`--root ${nope}: no such folder`);
      expect(r.stderr).not.toMatch(/internal error|at \w+ \(/);
    }
    expect(existsSync(nope)).toBe(false);
  });

  it('--timeout past what a timer can hold is refused, not turned into 1 ms', async () => {
    for (const t of ['2147483648', '99999999999']) {
      const r = await runCli(['doctor', '--timeout', t]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--timeout ${t} is more than 600000 ms`);
    }
  });

  it('route: a 100 KB URL, port 99999 and an unclosed IPv6 host blame the URL, exit 2', async () => {
    const m = makeMachine();
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128' };
    const cases: [string, RegExp][] = [
      [`https://${'a'.repeat(100_000)}.example/`, /the URL is 100017 characters long/],
      ['http://registry.corp:99999/v2/', /the URL's port 99999 is out of range/],
      ['http://[::1', /the URL's IPv6 address is missing its closing "\]"/],
    ];
    for (const [url, message] of cases) {
      const r = await runCli(['route', url, '--root', m.root], { m, env, ...BOUND });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain('proxy.corp');
    }
  });
});

describe('JSON files buildproxy would edit', () => {
  const CONFIG = 'home/alice/.docker/config.json';
  const DAEMON = 'etc/docker/daemon.json';
  const cases: [string, string, string, RegExp][] = [
    [
      'proxies twice',
      CONFIG,
      '{\n  "proxies": {},\n  "proxies": {"default": {}}\n}\n',
      /:3:3: "proxies" is given 2 times/,
    ],
    [
      'default twice',
      CONFIG,
      '{"proxies": {\n  "default": {"httpProxy": "http://a:1"},\n  "default": {}\n}}\n',
      /:3:3: "proxies\.default" is given 2 times/,
    ],
    ['proxies a string', CONFIG, '{"proxies": "http://p:3128"}\n', /:1:13: "proxies" is a string/],
    ['proxies an array', DAEMON, '{"proxies": ["x"]}\n', /:1:13: "proxies" is an array/],
    ['top-level []', DAEMON, '[]\n', /:1:1: the top-level value is an array/],
    ['top-level null', CONFIG, 'null\n', /:1:1: the top-level value is null/],
    ['top-level 42', DAEMON, '42\n', /:1:1: the top-level value is a number/],
    [
      '5000 deep',
      DAEMON,
      `{"a": ${'['.repeat(5000)}${']'.repeat(5000)}}\n`,
      /nested deeper than 1000 levels/,
    ],
  ];
  for (const [name, file, content, message] of cases)
    it(`${name}: plan refuses with line:column, exit 1, the file untouched; doctor does not crash`, async () => {
      const m = makeMachine();
      mkdirSync(join(m.root, file, '..'), { recursive: true });
      writeFileSync(join(m.root, file), content);
      const target = file === CONFIG ? 'docker-cli-config' : 'docker-daemon-json';
      const out = join(m.dir, 'plan.json');
      const r = await runCli(
        ['plan', '--root', m.root, '--proxy', 'http://p:3128', '--target', target, '-o', out, '--no-color'],
        { m },
      );
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toMatch(message);
      expect(r.stdout + r.stderr).toContain('fix the file first');
      expect(JSON.parse(readFileSync(out, 'utf8')).changes).toEqual([]);
      expect(readFileSync(join(m.root, file), 'utf8')).toBe(content);
      const d = await runCli(['doctor', '--root', m.root, '--json'], { m });
      expect(d.code).not.toBe(70);
      expect(JSON.parse(d.stdout).format).toBe('buildproxy.report/v1');
    });

  it('a config file over 1 MiB is "larger than 1 MiB", not a false "unterminated string"', async () => {
    const m = makeMachine();
    mkdirSync(join(m.root, 'etc/docker'), { recursive: true });
    writeFileSync(join(m.root, DAEMON), `{"labels": ["${'x'.repeat(1100 * 1024)}"]}`);
    const r = await runCli(['doctor', '--root', m.root, '--json'], { m });
    const messages = JSON.parse(r.stdout)
      .findings.map((f: { message: string }) => f.message)
      .join('\n');
    expect(messages).toContain('/etc/docker/daemon.json is larger than 1 MiB');
    expect(messages).not.toMatch(/unterminated/);
  });
});
