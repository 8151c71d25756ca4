import { describe, expect, it } from 'vitest';
import { readDaemonJson } from '../../src/analyze/daemon-config.js';
import { analyzeDockerfile } from '../../src/analyze/dockerfile.js';
import { analyze } from '../../src/analyze/state.js';
import { parseBuildxInspect, parseBuildxLs, parseDriverOptions } from '../../src/formats/docker-output.js';
import { parseStrictJson } from '../../src/formats/json-file.js';
import { GOOD_DOCKER, variant } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';

describe('strict JSON', () => {
  it.each([
    ['{\n  "a": 1,\n}\n', 3, 1],
    ['{\n  // comment\n  "a": 1\n}', 2, 3],
    ['{"a": 1', 1, 8],
    ["{'a': 1}", 1, 2],
  ])('names line and column of %j', (text, line, column) => {
    const r = parseStrictJson('/etc/docker/daemon.json', text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ path: '/etc/docker/daemon.json', line, column });
  });

  it('treats an empty file as an empty object', () => {
    expect(parseStrictJson('/x', '')).toEqual({ ok: true, value: {} });
  });

  it('reads daemon.json proxies with their lines', () => {
    const r = readDaemonJson('/d.json', '{\n  "proxies": {\n    "https-proxy": "http://p:1"\n  }\n}\n');
    expect(r.config).toEqual({
      path: '/d.json',
      proxies: { 'https-proxy': 'http://p:1' },
      lines: { 'https-proxy': 3 },
    });
  });

  it('rejects a proxies value that is not an object', () => {
    expect(readDaemonJson('/d.json', '{"proxies": "http://p:1"}').error?.message).toMatch(
      /must be an object/,
    );
  });
});

describe('buildx output', () => {
  it('parses ls JSON lines', () => {
    const b = parseBuildxLs(
      '{"Name":"ci","Driver":"docker-container","Current":true,"Nodes":[{"Name":"ci0","Endpoint":"unix:///var/run/docker.sock","Status":"running","DriverOpts":{"env.HTTPS_PROXY":"http://p:1"},"Version":"v0.17.3"}]}\nnot json\n',
    );
    expect(b).toEqual([
      expect.objectContaining({
        name: 'ci',
        driver: 'docker-container',
        current: true,
        nodes: [
          expect.objectContaining({
            name: 'ci0',
            buildkitVersion: 'v0.17.3',
            driverOpts: { 'env.HTTPS_PROXY': 'http://p:1' },
          }),
        ],
      }),
    ]);
  });

  it('reads the buildkitd.toml that buildx 0.13 ls --format json carries (observed on buildx 0.13.1 in e2e)', () => {
    const line =
      '{"Name":"ci","Driver":"docker-container","LastActivity":"2026-11-28T07:54:54Z","Dynamic":false,"Nodes":[{"Name":"ci0","Endpoint":"unix:///tmp/buildproxy-e2e/d26/docker.sock","Flags":["--allow-insecure-entitlement=network.host"],"DriverOpts":{"image":"registry.test:5000/buildkit:e2e"},"Files":{"buildkitd.toml":"CltyZWdpc3RyeV0KCiAgW3JlZ2lzdHJ5LiJyZWdpc3RyeS50ZXN0OjUwMDAiXQogICAgaHR0cCA9IHRydWUK"},"Status":"running","Version":"v0.0.0+unknown","Labels":{"org.mobyproject.buildkit.worker.network":"host"}}]}';
    const [b] = parseBuildxLs(line);
    expect(b!.current).toBe(false); // 0.13 prints no "Current": the selected builder comes from `docker buildx inspect`
    expect(b!.nodes[0]).toMatchObject({
      buildkitdConfig: '\n[registry]\n\n  [registry."registry.test:5000"]\n    http = true\n',
      driverOpts: { image: 'registry.test:5000/buildkit:e2e' },
      buildkitVersion: 'v0.0.0+unknown',
      labels: { 'org.mobyproject.buildkit.worker.network': 'host' },
    });
  });

  it('parses inspect, including driver options with quotes and labels', () => {
    const b = parseBuildxInspect(`Name:          ci
Driver:        docker-container
Last Activity: 2026-11-27 09:00:00 +0000 UTC

Nodes:
Name:                  ci0
Endpoint:              unix:///var/run/docker.sock
Driver Options:        env.no_proxy="a,b" network="host" env.http_proxy="http://p:3128"
Status:                running
BuildKit daemon flags: --allow-insecure-entitlement=network.host
BuildKit version:      v0.17.3
Labels:
 org.mobyproject.buildkit.worker.network: host

File#buildkitd.toml:
 > debug = true
 > proxyNetwork = true
`);
    expect(b?.name).toBe('ci');
    expect(b?.nodes[0]).toMatchObject({
      name: 'ci0',
      driverOpts: { 'env.no_proxy': 'a,b', network: 'host', 'env.http_proxy': 'http://p:3128' },
      buildkitVersion: 'v0.17.3',
      labels: { 'org.mobyproject.buildkit.worker.network': 'host' },
    });
    expect(b?.nodes[0]?.buildkitdConfig).toBe('debug = true\nproxyNetwork = true\n\n');
  });

  it('unescapes Go-quoted driver option values', () => {
    expect(parseDriverOptions('env.A="x\\"y" b="1"')).toEqual({ 'env.A': 'x"y', b: '1' });
  });
});

describe('Dockerfile facts', () => {
  it('finds syntax, ENV and ARG proxies, git and URL sources', () => {
    const f = analyzeDockerfile(
      'Dockerfile',
      '# syntax=docker/dockerfile:1.7\n# escape=\\\nFROM alpine\nARG HTTP_PROXY\nENV https_proxy=http://p:1 FOO=bar\nADD https://github.com/a/b.git#main /src\nADD https://example.com/x.tgz /x\nRUN echo \\\n  hi\n',
    );
    expect(f.syntax).toEqual({ line: 1, image: 'docker/dockerfile:1.7' });
    expect(f.argProxy.map((a) => a.name)).toEqual(['HTTP_PROXY']);
    expect(f.envProxy.map((a) => [a.name, a.line])).toEqual([['https_proxy', 5]]);
    expect(f.gitSources.map((g) => g.line)).toEqual([6]);
    expect(f.addUrls.map((g) => g.line)).toEqual([7]);
  });

  it('does not treat a syntax comment after an instruction as a directive', () => {
    expect(analyzeDockerfile('D', 'FROM alpine\n# syntax=docker/dockerfile:1\n').syntax).toBeNull();
  });
});

describe('builder selection', () => {
  const spec = variant(GOOD_DOCKER, {
    docker: { engine: '26.1.5', builders: [{ name: 'ci', driver: 'docker-container' }], current: 'ci' },
  });

  it('docker build uses the default builder, docker buildx build the selected one', () => {
    const s = analyze(synthesize(spec));
    expect(s.buildBuilder?.name).toBe('default');
    expect(s.buildxBuilder?.name).toBe('ci');
  });

  it('BUILDX_BUILDER makes both use that builder', () => {
    const s = analyze(synthesize({ ...spec, env: { ...spec.env, BUILDX_BUILDER: 'ci' } }));
    expect(s.buildBuilder?.name).toBe('ci');
    expect(s.buildxBuilder?.name).toBe('ci');
  });

  it('falls back to the engine version for a distribution BuildKit', () => {
    const s = analyze(
      synthesize(
        variant(GOOD_DOCKER, { docker: { engine: '20.10.24+dfsg1', buildkitVersion: 'v0.8+unknown' } }),
      ),
    );
    expect(s.buildBuilder?.buildkit).toEqual([0, 8, 0]);
  });
});

describe('effective values and their origins', () => {
  it('traces the docker driver builder to docker info, the client to the shell, RUN to config.json', () => {
    const s = analyze(synthesize(GOOD_DOCKER));
    expect(s.actors.client.proxy.https?.origin.ref).toBe('your shell');
    expect(s.actors.builder.proxy.https?.origin.ref).toBe('docker info');
    expect(s.actors.run.proxy.https?.origin.ref).toMatch(/config\.json:\d+$/);
    expect(s.layers.find((l) => l.id === 'systemd')?.vars.HTTPS_PROXY?.[0]?.origin.ref).toBe(
      '/etc/systemd/system/docker.service.d/http-proxy.conf:3',
    );
  });

  it('with the daemon down, computes dockerd proxy from daemon.json over the environment', () => {
    const s = analyze(
      synthesize(
        variant(GOOD_DOCKER, {
          docker: { engine: '26.1.5', daemon: 'down' },
          files: { '/etc/docker/daemon.json': '{"proxies": {"https-proxy": "http://other:1"}}' },
        }),
      ),
    );
    expect(s.actors.runtime.proxy.https?.value).toBe('http://other:1');
  });

  it('a malformed daemon.json is a file error, not a crash', () => {
    const s = analyze(synthesize(variant(GOOD_DOCKER, { files: { '/etc/docker/daemon.json': '{"a": }' } })));
    expect(s.fileErrors).toEqual([
      expect.objectContaining({ path: '/etc/docker/daemon.json', line: 1, column: 7 }),
    ]);
  });

  it('a malformed buildkitd.toml names line and column', () => {
    const s = analyze(
      synthesize(
        variant(GOOD_DOCKER, { files: { '/etc/buildkit/buildkitd.toml': 'debug = true\n[registry."x"\n' } }),
      ),
    );
    expect(s.fileErrors[0]).toMatchObject({ path: '/etc/buildkit/buildkitd.toml', line: 2 });
  });
});

describe('a file the doctor may not read', () => {
  it('is reported as unreadable, and no comparison treats it as empty', async () => {
    const { examples } = await import('../../src/rules/file-unreadable/examples.js');
    const { buildReport } = await import('../../src/report.js');
    const rules = buildReport(synthesize(examples.bad.machine)).report.findings.map((f) => f.rule);
    expect(rules).toContain('file-unreadable');
    expect(rules).not.toContain('builder-config-stale');
  });
});
