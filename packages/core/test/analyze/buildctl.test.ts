// The founding case on evidence: buildctl reaches a standalone buildkitd; the builder actor is that buildkitd,
// tied to buildctl's address; RUN steps get only the command's --opt build-arg: values; the default plan fixes
// buildkitd and never writes config.json proxies for buildctl.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/state.js';
import { CMD } from '../../src/evidence/canonical.js';
import type { Evidence, ProcessInfo } from '../../src/evidence/schema.js';
import { synthesize } from '../../src/machines/synth.js';
import { makePlan } from '../../src/plan/index.js';
import { buildReport } from '../../src/report.js';

const PROXY = 'http://proxy.corp:3128';
const SOCK = '/run/buildkit/buildkitd.sock';
const BUILDCTL = `buildctl build --frontend dockerfile.v0 --local context=. --local dockerfile=. --opt build-arg:HTTPS_PROXY=${PROXY} --opt build-arg:HTTP_PROXY=${PROXY}`;

function machine(
  opts: {
    procs?: ProcessInfo[];
    env?: Record<string, string>;
    command?: string | null;
    files?: Record<string, string | null>;
    uid?: number;
    docker?: false | { daemon: 'up' | 'down' };
  } = {},
): Evidence {
  const ev = synthesize({
    uid: opts.uid ?? 0,
    home: '/root',
    docker: opts.docker ?? false,
    env: { HTTPS_PROXY: PROXY, HTTP_PROXY: PROXY, NO_PROXY: 'localhost', ...opts.env },
    files: opts.files ?? {},
    dockerfile: '# syntax=docker/dockerfile:1\nFROM alpine\nRUN apk add curl\n',
  });
  ev.processes = opts.procs ?? [
    { name: 'buildkitd', pid: 900, env: {}, argv: ['/usr/local/bin/buildkitd'], sockets: [SOCK] },
  ];
  ev.commands.push({
    argv: [...CMD.buildctlVersion],
    exitCode: 0,
    stdout: 'buildctl github.com/moby/buildkit v0.13.2 0\n',
    stderr: '',
    timedOut: false,
    durationMs: 5,
  });
  if (opts.command !== null) ev.buildCommand = { text: opts.command ?? BUILDCTL, cwd: '/src' };
  return ev;
}

describe('standalone buildkitd driven by buildctl', () => {
  it("the builder actor is the buildkitd holding buildctl's default socket; RUN gets only --opt build-arg:", () => {
    const { report, state } = buildReport(machine());
    expect(state.builderKind).toBe('buildkitd');
    expect(state.buildctl?.tie).toMatchObject({ how: 'socket', process: { pid: 900 } });
    expect(report.actors.builder.label).toMatch(
      /^standalone buildkitd \(pid 900\) at unix:\/\/\/run\/buildkit\/buildkitd\.sock/,
    );
    expect(report.actors.builder.verdict).toBe('error');
    expect(report.actors.run.verdict).toBe('ok');
    expect(report.actors.run.httpsProxy?.value).toBe(PROXY);
    const rules = report.findings.map((f) => f.rule);
    expect(rules).toContain('build-args-only');
    expect(rules).toContain('syntax-frontend-pull');
    expect(rules).not.toContain('run-proxy-missing');
    const msg = report.findings.find((f) => f.rule === 'build-args-only')!.message;
    expect(msg).toMatch(/standalone buildkitd \(pid 900\)/);
    expect(msg).toMatch(/buildctl debug workers --verbose` prints no environment/);
    expect(msg).toMatch(/\/proc\/900\/environ/);
  });

  it('the buildctl form without --opt build-arg: is run-proxy-missing with the buildctl fix, never config.json', () => {
    const { report } = buildReport(
      machine({ command: 'buildctl build --frontend dockerfile.v0 --build-arg HTTP_PROXY=x' }),
    );
    const run = report.findings.find((f) => f.rule === 'run-proxy-missing')!;
    expect(run.message).toMatch(/only its --opt build-arg: values/);
    expect(run.message).toMatch(/buildctl takes --opt build-arg:HTTP_PROXY=x, not --build-arg HTTP_PROXY=x/);
  });

  it('the default plan: a buildkit.service drop-in when the unit exists, the command form without systemd', () => {
    const unit = {
      '/etc/systemd/system/buildkit.service': `[Service]\nExecStart=/usr/local/bin/buildkitd\n`,
    };
    const withUnit = makePlan(machine({ files: unit })).plan;
    expect(withUnit.targets).toContain('buildkitd-systemd');
    expect(withUnit.targets).not.toContain('docker-cli-config');
    expect(withUnit.changes.map((c) => c.path)).toContain(
      '/etc/systemd/system/buildkit.service.d/http-proxy.conf',
    );
    const bare = makePlan(machine({ command: 'buildctl build --frontend dockerfile.v0' })).plan;
    expect(bare.targets).toEqual(['build-command']);
    expect(bare.changes).toEqual([]);
    const texts = bare.snippets.map((s) => s.text).join('\n');
    expect(texts).toMatch(/^kill 900 {2}# the buildkitd buildctl reaches\nHTTP_PROXY=/m);
    expect(texts).toMatch(/^ {2}\/usr\/local\/bin\/buildkitd$/m);
    expect(texts).toMatch(/buildctl build --frontend dockerfile\.v0 \\\n {2}--opt build-arg:HTTP_PROXY=/);
    expect(texts).not.toMatch(/--build-arg/);
  });

  it('a buildkitd buildctl does not reach is never the builder, and its environment is never used', () => {
    const other: ProcessInfo = {
      name: 'buildkitd',
      pid: 901,
      env: { HTTPS_PROXY: PROXY },
      argv: ['buildkitd', '--addr', 'unix:///srv/other.sock'],
      sockets: ['/srv/other.sock'],
    };
    const { report, state } = buildReport(machine({ procs: [other] }));
    expect(state.buildctl?.tie).toBeNull();
    expect(state.buildctl?.others.map((p) => p.pid)).toEqual([901]);
    expect(report.actors.builder.status).toBe('unknown');
    expect(report.actors.builder.httpsProxy).toBeNull();
    expect(state.layers.find((l) => l.id === 'buildkitd-process')).toBeUndefined();
  });

  it('BUILDKIT_HOST unset and only a rootless buildkitd runs: the mismatch is recorded', () => {
    const rootless: ProcessInfo = {
      name: 'buildkitd',
      pid: 1200,
      env: {},
      argv: ['buildkitd'],
      sockets: ['/run/user/1000/buildkit/buildkitd.sock'],
    };
    const state = analyze(
      machine({ uid: 1000, procs: [rootless], env: { XDG_RUNTIME_DIR: '/run/user/1000' } }),
    );
    expect(state.buildctl?.rootlessMismatch).toBe('/run/user/1000/buildkit/buildkitd.sock');
    const viaHost = analyze(
      machine({
        uid: 1000,
        procs: [rootless],
        env: {
          XDG_RUNTIME_DIR: '/run/user/1000',
          BUILDKIT_HOST: 'unix:///run/user/1000/buildkit/buildkitd.sock',
        },
      }),
    );
    expect(viaHost.buildctl?.tie?.process.pid).toBe(1200);
    expect(viaHost.buildctl?.unitScope).toBe('user');
    expect(viaHost.actors.builder.netns).toBe('rootless');
  });

  it('without --command: BUILDKIT_HOST makes buildctl the build; with docker up and no BUILDKIT_HOST, buildx stays the builder', () => {
    expect(analyze(machine({ command: null, env: { BUILDKIT_HOST: `unix://${SOCK}` } })).builderKind).toBe(
      'buildkitd',
    );
    const both = analyze(machine({ command: null, docker: { daemon: 'up' } }));
    expect(both.builderKind).toBe('dockerd');
    // …and the doctor still says which command uses which builder.
    const sel = buildReport(machine({ command: null, docker: { daemon: 'up' } })).report.builders;
    expect(sel).toMatchObject({ docker: 'default', buildx: 'default' });
    expect(sel.buildctl).toBe(
      'standalone buildkitd (pid 900) at unix:///run/buildkit/buildkitd.sock (holds the listening socket /run/buildkit/buildkitd.sock (/proc/900/fd)), via the default address',
    );
    expect(
      buildReport(machine({ command: null, docker: { daemon: 'up' } })).report.findings.some((f) =>
        f.message.includes('buildctl build'),
      ),
    ).toBe(true);
  });

  it("docker-container:// address: the container environment is the builder's proxy", () => {
    const ev = machine({ procs: [], env: { BUILDKIT_HOST: 'docker-container://bk' }, command: null });
    ev.commands.push({
      argv: ['docker', 'container', 'inspect', 'bk'],
      exitCode: 0,
      stdout: JSON.stringify([
        {
          Config: { Env: [`HTTPS_PROXY=${PROXY}`] },
          HostConfig: { NetworkMode: 'bridge' },
          State: { Running: true },
        },
      ]),
      stderr: '',
      timedOut: false,
      durationMs: 3,
    });
    const state = analyze(ev);
    expect(state.actors.builder.proxy.https?.value).toBe(PROXY);
    expect(state.actors.builder.netns).toBe('builder-container');
  });
});
