import { fixtures, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { machineFrom, runCli } from './helpers.js';

describe('the CLI surface', () => {
  it.each([
    [['--help']],
    [['doctor', '--help']],
    [['route', '--help']],
    [['rules', '--help']],
    [['explain', '--help']],
  ])('%j prints usage and exits 0', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage|usage:/i);
  });

  it.each([[['--version']], [['doctor', '--version']], [['plan', '--version']], [['why', '--version']]])(
    '%j prints the version',
    async (args) => {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    },
  );

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['doctor', '--bogus'], /unknown option '--bogus'/],
    [['doctor', '--timeout', 'soon'], /--timeout "soon" is not a number/],
    [['doctor', '--proxy', 'http://:3128'], /--proxy: the proxy URL has no host/],
    [['doctor', '--registry', 'https://r/x'], /--registry "https:\/\/r\/x" is not HOST or HOST:PORT/],
    [['doctor', '--ca-cert', '/nonexistent.crt'], /--ca-cert: cannot read/],
    [['explain'], /explain needs a rule id/],
    [['explain', 'builder-proxy'], /unknown rule "builder-proxy"[\s\S]*did you mean: builder-proxy-missing/],
    [['route'], /route needs a URL/],
    [['route', 'registry.corp'], /"registry.corp" has no scheme/],
  ])('%j is bad usage: exit 2 with a message', async (args, msg) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });

  it('lists the catalogue, also as JSON', async () => {
    const text = await runCli(['rules', '--no-color']);
    expect(text.stdout).toMatch(/^builder-proxy-missing\s+error\s+builder\s+The builder has no proxy$/m);
    const json = JSON.parse((await runCli(['rules', '--json'])).stdout);
    expect(json.length).toBeGreaterThanOrEqual(30);
    expect(json[0]).toHaveProperty('summary');
  });

  it('explains a rule with the same text as its docs markdown', async () => {
    const md = await runCli(['explain', 'client-token-proxy', '--markdown']);
    expect(md.stdout).toContain('## Why it happens');
    const text = await runCli(['explain', 'client-token-proxy', '--no-color']);
    expect(text.stdout).toContain('failed to fetch oauth token');
    expect(text.stdout).not.toContain('\x1b[');
  });

  it('colours only when asked: FORCE_COLOR yes, NO_COLOR and --no-color no, a pipe no', async () => {
    expect((await runCli(['rules'], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\x1b[');
    expect((await runCli(['rules'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain(
      '\x1b[',
    );
    expect((await runCli(['rules', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(
      '\x1b[',
    );
    expect((await runCli(['rules'])).stdout).not.toContain('\x1b[');
  });

  it('routes a URL per actor, Go for daemons and curl for RUN steps', async () => {
    const m = machineFrom(synthesize(fixtures.GOOD_DOCKER));
    const env = { HTTPS_PROXY: 'http://proxy.corp.example:3128', NO_PROXY: '.corp.example' };
    const r = await runCli(['route', 'https://registry.corp.example/v2/', '--root', m.root, '--json'], {
      m,
      env,
    });
    const j = JSON.parse(r.stdout);
    expect(j.url).toBe('https://registry.corp.example/v2/');
    expect(j.actors.client).toEqual({
      verdict: 'direct',
      proxy: null,
      dial: null,
      reason: 'NO_PROXY entry ".corp.example" matches (your shell)',
      semantics: 'go 1.24',
    });
    expect(j.actors.builder.proxy).toBeNull();
    expect(j.actors.run.reason).toMatch(/curl/);
    const out = await runCli(['route', 'https://registry-1.docker.io/v2/', '--root', m.root, '--no-color'], {
      m,
      env,
    });
    expect(out.stdout).toMatch(
      /builder\s+via http:\/\/proxy\.corp\.example:3128\s+HTTPS_PROXY is set \(docker info\)/,
    );
  });

  it('route answers for the profile flags when given', async () => {
    const r = await runCli([
      'route',
      'http://10.1.2.3/',
      '--proxy',
      'http://p.corp:3128',
      '--no-proxy',
      '10.0.0.0/8',
      '--json',
    ]);
    const j = JSON.parse(r.stdout);
    expect(j.actors.runtime.proxy).toBeNull();
    expect(j.actors.runtime.reason).toMatch(/10\.0\.0\.0\/8/);
  });
});

describe('buildproxy why and the non-interactive wizard', () => {
  it('reads an error from the argument, stdin or --error FILE; exit 1 when it recognises a failure', async () => {
    const arg = await runCli([
      'why',
      'failed to fetch oauth token: Post "https://auth.docker.io/token": i/o timeout',
      '--no-color',
    ]);
    expect(arg.code).toBe(1);
    expect(arg.stdout).toMatch(
      /^the build client \(docker\/buildx or buildctl\): .*\n[\s\S]*→ client-token-proxy/,
    );
    const { spawnSync } = await import('node:child_process');
    const { CLI } = await import('./helpers.js');
    const piped = spawnSync(process.execPath, [CLI, 'why', '--json'], {
      input: "E: Could not resolve 'deb.debian.org'\n",
      encoding: 'utf8',
    });
    expect(piped.status).toBe(1);
    expect(JSON.parse(piped.stdout).reading).toMatchObject({
      actor: 'run',
      cause: 'direct',
      rules: ['run-proxy-missing'],
    });
    const dash = spawnSync(process.execPath, [CLI, 'why', '--error', '-', '--json'], {
      input: 'error: failed to solve: failed to fetch oauth token: unexpected status: 400 Bad Request\n',
      encoding: 'utf8',
    });
    expect(JSON.parse(dash.stdout).reading).toMatchObject({
      cause: 'registry-auth',
      proxyProblem: false,
      rules: [],
    });
    const none = await runCli(['why', 'COPY failed: no such file']);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/No known build-network failure/);
    const missing = await runCli(['why', '--error', '/nonexistent/build.log']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the error file \/nonexistent\/build.log: ENOENT/);
  });

  it('runs the same flow with --yes: detect, plan, write, verify', async () => {
    const { variant, GOOD_DOCKER, CONFIG_JSON } = fixtures;
    const m = machineFrom(synthesize(variant(GOOD_DOCKER, { removeFiles: [CONFIG_JSON] })));
    const r = await runCli(
      [
        '--root',
        m.root,
        '--proxy',
        'http://proxy.corp.example:3128',
        '--target',
        'docker-cli-config',
        '--yes',
        '--no-color',
      ],
      { m },
    );
    // the doctor's exit code (issue 18): client-token-proxy is still open, as the output says
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Still open: client-token-proxy/);
    expect(r.stdout).toMatch(
      /1\. Detect[\s\S]*2\. What we found[\s\S]*run-proxy-missing[\s\S]*3\. Your network\n {2}selected docker-cli-config: given with --target[\s\S]*5\. Review[\s\S]*6\. Act\n {2}wrote +\S+\/root\/home\/alice\/\.docker\/config\.json[\s\S]*7\. Verify\n[\s\S]*run {6}warning → ok[\s\S]*Roll back: buildproxy undo --last --root /,
    );
  });
});

describe('start-up stays light', () => {
  it('the entry point is small and loads no command, no core and no Ink until a command needs them', async () => {
    const { readFileSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { CLI } = await import('./helpers.js');
    const src = readFileSync(CLI, 'utf8');
    // start-up-budget.test.ts's budget for it: 10 KB until session 7, +1.4 KB for the loader with V8's code cache
    expect(src.length).toBeLessThan(12 * 1024);
    expect(src).not.toMatch(/require\("\.\//); // commands load through the loader, on demand
    // The files the CLI's loader took (src/code-cache.ts), and those Node's require did, as the process ends.
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'buildproxy-entry-'));
    const record = join(dir, 'record.cjs');
    writeFileSync(
      record,
      `process.on('exit', () => process.stderr.write(JSON.stringify([...Object.keys(require.cache), ...(globalThis.__buildproxySibling?.codeCache.keys() ?? [])])));`,
    );
    const loaded = (args: string[]) =>
      spawnSync(process.execPath, ['--require', record, CLI, ...args], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      }).stderr;
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const version = loaded(['--version']);
    expect(version).not.toMatch(/doctor\.cjs|wizard\.cjs|plan\.cjs/);
    expect(loaded(['doctor', '--help'])).toMatch(/doctor\.cjs/);
    expect(loaded(['doctor', '--help'])).not.toMatch(/wizard\.cjs|plan\.cjs/);
  });
});
