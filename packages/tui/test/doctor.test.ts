import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Evidence, examplesOf, RULES } from '@buildproxy/core';
import { fixtures, type MachineSpec, synthesize } from '@buildproxy/core/testing';
import { describe, expect, it } from 'vitest';
import { fakeBin, machineFrom, makeMachine, runCli } from './helpers.js';

const { GOOD_DOCKER, GOOD_CONTAINER, variant, DROP_IN } = fixtures;

describe('buildproxy doctor on a machine without docker', () => {
  it('gives a short, correct report', async () => {
    const m = makeMachine();
    const r = await runCli(['doctor', '--root', m.root, '--no-color'], { m });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('docker not installed');
    expect(r.stdout).toContain('docker is not installed');
    expect(r.stdout.split('\n').length).toBeLessThan(25);
    expect(r.ms).toBeLessThan(30_000); // bounded, not timed: a hang would take forever; how fast it is lives in pnpm bench
  });
});

describe('buildproxy doctor against fake executables', () => {
  it('probes a healthy docker-driver machine and finds nothing wrong', async () => {
    const m = machineFrom(synthesize(GOOD_DOCKER));
    const r = await runCli(['doctor', '--root', m.root, '--json'], {
      m,
      env: {
        HTTPS_PROXY: 'http://proxy.corp.example:3128',
        HTTP_PROXY: 'http://proxy.corp.example:3128',
        NO_PROXY: 'localhost,127.0.0.1,.corp.example',
      },
    });
    const report = JSON.parse(r.stdout);
    expect(report.format).toBe('buildproxy.report/v1');
    expect(report.findings).toEqual([]);
    expect(report.actors.builder.httpsProxy).toEqual({
      value: 'http://proxy.corp.example:3128',
      source: 'docker info',
    });
    expect(report.docker).toMatchObject({ engine: '26.1.5', daemon: 'up' });
    expect(r.code).toBe(0);
  });

  it('exits 1 and names the rule when the builder has no proxy', async () => {
    const m = machineFrom(synthesize(variant(GOOD_DOCKER, { removeFiles: [DROP_IN] })));
    const r = await runCli(['doctor', '--root', m.root, '--no-color'], {
      m,
      env: { HTTPS_PROXY: 'http://proxy.corp.example:3128' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ builder/);
    expect(r.stdout).toContain('buildproxy explain build-args-only');
  });

  it('sees a docker-container builder through buildx ls, inspect and container inspect', async () => {
    const m = machineFrom(synthesize(GOOD_CONTAINER));
    const r = await runCli(['doctor', '--root', m.root, '--json'], {
      m,
      env: { HTTPS_PROXY: 'http://proxy.corp.example:3128', BUILDX_BUILDER: 'proxied' },
    });
    const report = JSON.parse(r.stdout);
    expect(report.builders).toMatchObject({ docker: 'proxied', buildx: 'proxied' });
    expect(report.actors.builder.httpsProxy.source).toBe('docker container inspect buildx_buildkit_proxied0');
  });

  it('a wedged docker CLI never freezes the doctor (--probes commands): done within its timeout plus one second', async () => {
    const m = makeMachine();
    const argsOf = [
      'version --format {{json .}}',
      'info --format {{json .}}',
      'buildx version',
      'buildx ls --format json',
      'buildx inspect',
    ];
    fakeBin(
      m,
      'docker',
      argsOf.map((a) => ({ args: a.split(' '), sleep: true })),
    );
    fakeBin(m, 'systemctl', [{ args: ['show', 'docker'], sleep: true }]);
    const r = await runCli(
      ['doctor', '--root', m.root, '--timeout', '500', '--probes', 'commands', '--json'],
      {
        m,
      },
    );
    expect(r.ms).toBeLessThan(30_000); // bounded, not timed: a hang would take forever; how fast it is lives in pnpm bench
    const report = JSON.parse(r.stdout);
    expect(report.findings.find((f: { rule: string }) => f.rule === 'daemon-unreachable').message).toMatch(
      /did not answer/,
    );
  });

  it('reports a malformed daemon.json with line and column, exit 1, and leaves the file alone', async () => {
    const m = machineFrom(synthesize(GOOD_DOCKER));
    const path = join(m.root, 'etc/docker/daemon.json');
    mkdirSync(join(m.root, 'etc/docker'), { recursive: true });
    writeFileSync(path, '{\n  "proxies": {\n    "http-proxy": "http://p:1",\n  }\n}\n');
    const before = readFileSync(path, 'utf8');
    const r = await runCli(['doctor', '--root', m.root, '--no-color'], { m });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('/etc/docker/daemon.json:4:3');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('reads the Dockerfile given with --file', async () => {
    const m = machineFrom(synthesize(GOOD_DOCKER));
    writeFileSync(join(m.dir, 'Build.Dockerfile'), 'FROM alpine\nENV HTTPS_PROXY=http://p:1\n');
    const r = await runCli(['doctor', '--root', m.root, '--file', 'Build.Dockerfile', '--json'], { m });
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toContain(
      'env-proxy-in-image',
    );
    const missing = await runCli(['doctor', '--root', m.root, '--file', 'nope.Dockerfile'], { m });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the Dockerfile nope\.Dockerfile/);
  });
});

describe('capture and replay', () => {
  it('replaying a capture gives the identical report, text and JSON', async () => {
    const m = machineFrom(synthesize(variant(GOOD_CONTAINER, { removeFiles: [fixtures.CONFIG_JSON] })));
    const env = { HTTPS_PROXY: 'http://proxy.corp.example:3128' };
    const capture = join(m.dir, 'evidence.json');
    const live = await runCli(['doctor', '--root', m.root, '--capture', capture, '--no-color'], { m, env });
    const replay = await runCli(['doctor', '--from', capture, '--no-color'], { env: {} });
    expect(replay.stdout).toBe(live.stdout);
    expect(replay.code).toBe(live.code);
    const liveJson = await runCli(['doctor', '--root', m.root, '--json'], { m, env });
    const replayJson = await runCli(['doctor', '--from', capture, '--json'], { env: {} });
    expect(replayJson.stdout).toBe(liveJson.stdout);
  });

  it.each([
    ['{"format": "buildproxy.evidence/v9"}', /unknown bundle format "buildproxy.evidence\/v9"/],
    ['{"hello": 1}', /no "format" field/],
    ['[1,2]', /not a JSON object/],
    ['{"format": "buildproxy.evidence/v1", "capturedAt": "x"}', /malformed evidence bundle at "host"/],
    ['{not json', /is not JSON/],
  ])('rejects a bad bundle %s with exit 2', async (content, msg) => {
    const m = makeMachine();
    const f = join(m.dir, 'b.json');
    writeFileSync(f, content);
    const r = await runCli(['doctor', '--from', f], { m });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stdout).toBe('');
  });
});

describe('--probes auto (Engine API, buildx only when needed) and --probes commands agree', () => {
  const machines: [string, MachineSpec][] = [
    ...Object.entries(fixtures.GOOD_MACHINES),
    ['reference machine', fixtures.REFERENCE_MACHINE],
    ...RULES.map((r) => [`${r.id} (its bad example)`, examplesOf(r).bad.machine] as [string, MachineSpec]),
  ];
  it('auto asks the daemon and the plugin directly: no docker CLI process on a plain docker-driver machine', async () => {
    const ev = synthesize(GOOD_DOCKER);
    const m = machineFrom(ev, { buildxPlugin: true });
    const cap = join(m.dir, 'c.json');
    const r = await runCli(['doctor', '--root', m.root, '--json', '--capture', cap], {
      m,
      env: { ...ev.env, ...m.env },
    });
    expect(r.code).toBe(0);
    const cmds = (JSON.parse(readFileSync(cap, 'utf8')) as Evidence).commands;
    expect(cmds.find((c) => c.argv[1] === 'info')?.via).toBe(`GET /info on unix://${m.dir}/docker.sock`);
    // docker version's Server part from GET /version, read back as the command's output (route needs its Go)
    const version = cmds.find((c) => c.argv[1] === 'version')!;
    expect(version.via).toBe(`GET /version on unix://${m.dir}/docker.sock`);
    expect(JSON.parse(version.stdout).Server.Version).toBe(
      JSON.parse(ev.commands.find((c) => c.argv[1] === 'version')!.stdout).Server.Version,
    );
    expect(cmds.filter((c) => !c.via).map((c) => c.argv.slice(0, 2).join(' '))).toEqual(
      expect.arrayContaining(['docker-buildx docker-cli-plugin-metadata']),
    );
    expect(cmds.filter((c) => !c.via && c.argv[0] === 'docker')).toEqual([]);
    expect(cmds.some((c) => c.argv[0] === 'dockerd')).toBe(false); // the daemon said its version
  });

  it.each(machines)('%s: the same report either way', async (_name, spec) => {
    const ev = synthesize(spec);
    const m = machineFrom(ev, { buildxPlugin: true });
    const run = async (probes: string) => {
      // The fake daemon's socket stands in for the bundle's own (a rootless one would be under /run/user).
      const r = await runCli(['doctor', '--root', m.root, '--json', '--probes', probes], {
        m,
        env: { ...ev.env, ...m.env },
      });
      expect(r.stderr).toBe('');
      // Two differences are expected. The fake daemon's socket is not the one the bundle names. And buildx ls
      // asks BuildKit its exact version, while without buildx the docker driver's comes from the Engine
      // release (26.1.5 ships BuildKit ≥ 0.13.0): the same minor, which is what the version rules compare.
      // The finding's typed message carries that version as a value of its own.
      return JSON.parse(
        r.stdout
          .replaceAll(`unix://${m.dir}/docker.sock`, 'unix:///var/run/docker.sock')
          .replace(/BuildKit (\d+\.\d+)\.\d+/g, 'BuildKit $1.x')
          .replace(/"version": "(\d+\.\d+)\.\d+"/g, '"version": "$1.x"'),
      );
    };
    const [auto, commands] = [await run('auto'), await run('commands')];
    expect(auto).toEqual(commands);
  });
});

describe('buildproxy doctor --error and plan --error', () => {
  const loopback =
    'ERROR: failed to solve: failed to do request: Head "https://registry-1.docker.io/v2/library/alpine/manifests/3.20": proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused\n';

  it('doctor --error FILE names the builder of this machine and the fix; exit 1', async () => {
    const m = machineFrom(synthesize(GOOD_CONTAINER));
    const file = join(m.dir, 'build.log');
    writeFileSync(file, `#5 [internal] load metadata for docker.io/library/alpine:3.20\n${loopback}`);
    const env = { HTTPS_PROXY: 'http://proxy.corp.example:3128', BUILDX_BUILDER: 'proxied' };
    const r = await runCli(['doctor', '--root', m.root, '--error', file, '--no-color'], { m, env });
    expect(r.stdout).toMatch(/^The build error\nbuilder "proxied" \(docker-container\): The proxy was used/);
    expect(r.stdout).toContain('its own network namespace');
    expect(r.stdout).toContain('→ loopback-proxy-unreachable');
    expect(r.code).toBe(1);
    const j = await runCli(['doctor', '--root', m.root, '--error', file, '--json'], { m, env });
    expect(JSON.parse(j.stdout).errorReading).toMatchObject({
      actor: 'builder',
      cause: 'proxy-unreachable',
      address: '127.0.0.1:3128',
      requester: 'builder "proxied" (docker-container)',
    });
  });

  it('--error of a missing file or a directory is bad input (exit 2)', async () => {
    const m = machineFrom(synthesize(GOOD_DOCKER));
    const gone = await runCli(['doctor', '--root', m.root, '--error', join(m.dir, 'nope.log')], { m });
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/cannot read the error file .*nope\.log: ENOENT/);
    const dir = await runCli(['plan', '--root', m.root, '--error', m.dir], { m });
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/is a directory, not a file/);
  });

  it('plan --error plans for the requester the error points to', async () => {
    // A machine with no findings; the pasted error shows its docker-container builder failing on a loopback proxy.
    const m = machineFrom(synthesize(GOOD_CONTAINER));
    const file = join(m.dir, 'build.log');
    writeFileSync(file, loopback);
    const env = { HTTPS_PROXY: 'http://proxy.corp.example:3128', BUILDX_BUILDER: 'proxied' };
    const proxy = ['--proxy', 'http://proxy.corp.example:3128'];
    const without = await runCli(['plan', '--root', m.root, ...proxy, '--json'], { m, env });
    const withErr = await runCli(['plan', '--root', m.root, ...proxy, '--error', file], { m, env });
    expect(withErr.code, withErr.stderr).toBe(0);
    expect(withErr.stderr).toContain(
      'The build error: builder "proxied" (docker-container): The proxy was used',
    );
    expect(without.stdout).not.toMatch(/buildx-docker-container|docker buildx create/);
    expect(withErr.stdout).toMatch(/docker buildx (create|rm)/);
  });
});
