// buildctl's connection helpers (issue 13): BUILDKIT_HOST=docker-container://, podman-container://,
// nerdctl-container:// or kube-pod:// (or --addr in the build command) name a container or pod; its environment
// is buildkitd's proxy. The doctor asks that tool's CLI (fake executables on PATH, in a temp dir), bounded by
// --timeout, and the capture keeps only the proxy variables of that environment.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBin, makeMachine, runCli } from './helpers.js';

const PROXY = 'http://proxy.corp.example:3128';
// `docker container inspect` (podman and nerdctl print the same shape): the env holds a token next to the proxy.
const INSPECT = JSON.stringify([
  {
    Created: '2026-11-01T10:00:00Z',
    Config: {
      Env: [`HTTPS_PROXY=${PROXY}`, 'NO_PROXY=.corp.example', 'REGISTRY_TOKEN=tok-s3cret', 'PATH=/bin'],
    },
    HostConfig: { NetworkMode: 'bridge' },
    State: { Running: true },
  },
]);
const POD = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'buildkitd-0',
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': 'tok-s3cret' },
  },
  spec: {
    containers: [
      {
        name: 'buildkitd',
        env: [
          { name: 'HTTPS_PROXY', value: PROXY },
          { name: 'API_TOKEN', value: 'tok-s3cret' },
          { name: 'FROM_SECRET', valueFrom: { secretKeyRef: { name: 'x', key: 'y' } } },
        ],
      },
    ],
  },
});

async function doctor(tool: string, args: string[], stdout: string, host: string) {
  const m = makeMachine();
  fakeBin(m, tool, [{ args, stdout }]);
  const capture = join(m.dir, 'capture.json');
  const r = await runCli(
    ['doctor', '--root', m.root, '--json', '--probes', 'commands', '--capture', capture],
    {
      m,
      env: { BUILDKIT_HOST: host, HTTPS_PROXY: PROXY },
    },
  );
  return { report: JSON.parse(r.stdout), capture: readFileSync(capture, 'utf8'), r };
}

describe('the container or pod a connection helper names', () => {
  it.each([
    ['docker', 'docker-container://bk', ['container', 'inspect', 'bk']],
    ['podman', 'podman-container://bk', ['container', 'inspect', 'bk']],
    ['nerdctl', 'nerdctl-container://bk', ['container', 'inspect', 'bk']],
  ])(
    '%s: its container environment is the builder proxy; the token stays out of the capture',
    async (tool, host, args) => {
      const { report, capture } = await doctor(tool, args, INSPECT, host);
      expect(report.actors.builder.httpsProxy).toEqual({
        value: PROXY,
        source: `${tool} container inspect bk`,
      });
      expect(capture).toContain(PROXY);
      expect(capture).not.toContain('tok-s3cret');
    },
  );

  it('kube-pod://NAME?namespace=NS: kubectl get pod, the literal env of the pod', async () => {
    const args = ['get', 'pod', 'buildkitd-0', '--namespace', 'ci', '--output', 'json'];
    const { report, capture } = await doctor('kubectl', args, POD, 'kube-pod://buildkitd-0?namespace=ci');
    expect(report.actors.builder.httpsProxy).toEqual({
      value: PROXY,
      source: 'kubectl get pod buildkitd-0 --namespace ci --output json',
    });
    expect(capture).not.toContain('tok-s3cret');
  });

  it('--addr in the build command is inspected too, and beats BUILDKIT_HOST', async () => {
    const m = makeMachine();
    fakeBin(m, 'podman', [{ args: ['container', 'inspect', 'fromaddr'], stdout: INSPECT }]);
    const r = await runCli(
      [
        'doctor',
        '--root',
        m.root,
        '--json',
        '--command',
        'buildctl --addr podman-container://fromaddr build --frontend dockerfile.v0',
      ],
      { m, env: { BUILDKIT_HOST: 'podman-container://other' } },
    );
    expect(JSON.parse(r.stdout).actors.builder.httpsProxy.source).toBe('podman container inspect fromaddr');
  });

  it('a wedged CLI never freezes the doctor; the builder is then unknown, not guessed', async () => {
    const m = makeMachine();
    fakeBin(m, 'nerdctl', [{ args: ['container', 'inspect', 'bk'], sleep: true }]);
    const r = await runCli(['doctor', '--root', m.root, '--json', '--timeout', '500'], {
      m,
      env: { BUILDKIT_HOST: 'nerdctl-container://bk' },
    });
    expect(r.ms).toBeLessThan(30_000); // bounded, not timed: a hang would take forever
    const report = JSON.parse(r.stdout);
    expect(report.actors.builder.httpsProxy).toBeNull();
  });

  it('no CLI on PATH: nothing is run, nothing is invented', async () => {
    const m = makeMachine();
    const r = await runCli(['doctor', '--root', m.root, '--json'], {
      m,
      env: { BUILDKIT_HOST: 'kube-pod://x' },
    });
    expect(JSON.parse(r.stdout).actors.builder.httpsProxy).toBeNull();
  });

  it('the Dockerfile buildctl sends: --local dockerfile=DIR and --opt filename=, unless --file says otherwise', async () => {
    const m = makeMachine();
    mkdirSync(join(m.dir, 'app'));
    writeFileSync(join(m.dir, 'app', 'Prod.Dockerfile'), 'FROM alpine\nENV HTTPS_PROXY=http://p:1\n');
    writeFileSync(join(m.dir, 'Dockerfile'), 'FROM alpine\n');
    const command =
      'buildctl build --frontend dockerfile.v0 --local context=. --local dockerfile=app --opt filename=Prod.Dockerfile';
    const rules = async (extra: string[]) => {
      const r = await runCli(['doctor', '--root', m.root, '--json', '--command', command, ...extra], { m });
      return JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule);
    };
    expect(await rules([])).toContain('env-proxy-in-image');
    expect(await rules(['--file', 'Dockerfile'])).not.toContain('env-proxy-in-image');
  });

  it('why, without a machine: BUILDKIT_HOST in the shell names buildkitd as the requester, not dockerd', async () => {
    const m = makeMachine();
    const error = join(m.dir, 'error.txt');
    writeFileSync(
      error,
      'ERROR: failed to solve: registry.corp.example/dockerfile:1: failed to do request: Head "https://registry.corp.example/v2/dockerfile/manifests/1": dial tcp 10.1.2.3:443: i/o timeout\n',
    );
    const host = 'unix:///run/user/1000/buildkit/buildkitd.sock';
    const withHost = await runCli(['why', '--error', error, '--no-color'], {
      m,
      env: { BUILDKIT_HOST: host },
    });
    expect(withHost.stdout).toContain(`buildkitd at ${host} (BUILDKIT_HOST)`);
    expect(withHost.stdout).not.toContain('dockerd for the docker driver');
    const without = await runCli(['why', '--error', error, '--no-color'], { m });
    expect(without.stdout).toContain('dockerd for the docker driver, buildkitd otherwise');
  });
});
