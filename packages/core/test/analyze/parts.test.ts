// analyze() per actor: each part on its own, from synthesized machines and hand-made evidence.

import { describe, expect, it } from 'vitest';
import { analyzeBuildctl } from '../../src/analyze/buildctl.js';
import { analyzeBuilder, builderProxyNetwork, buildkitdTomls } from '../../src/analyze/builder.js';
import { analyzeClient } from '../../src/analyze/client.js';
import { ignoredEnvFiles, unitConfig } from '../../src/analyze/daemon-config.js';
import { effectiveOf, effectiveOfEnv, layer, layerValue } from '../../src/analyze/layers.js';
import { builderNetns, loopbackNetns, runNetns } from '../../src/analyze/netns.js';
import { analyzeRun, chooseProxies } from '../../src/analyze/run.js';
import { analyzeRuntime, dockerdEnvironment } from '../../src/analyze/runtime.js';
import type { BuilderState } from '../../src/analyze/types.js';
import type { FileError } from '../../src/formats/json-file.js';
import {
  CONFIG_JSON,
  configJson,
  containerBuilder,
  DROP_IN,
  GOOD_CONTAINER,
  GOOD_DAEMON_JSON,
  GOOD_DOCKER,
  GOOD_ROOTLESS,
  HOME,
  PROXY,
  shellEnv,
  variant,
} from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';

const ctxOf = (ev: ReturnType<typeof synthesize>) => ({ home: ev.host.home, env: ev.env });

describe('layers', () => {
  const origin = { kind: 'env' as const, ref: 'test' };
  it('Go precedence inside a layer: upper case first, empty means unset, other names ignored', () => {
    const l = layer('x', 'client', 'x', [
      { name: 'http_proxy', value: 'http://lower:1', origin },
      { name: 'HTTP_PROXY', value: 'http://upper:1', origin },
      { name: 'HTTPS_PROXY', value: '', origin },
      { name: 'https_proxy', value: 'http://s:1', origin },
      { name: 'PATH', value: '/bin', origin },
    ]);
    expect(l.go && l.effective).toBe(true);
    expect(Object.keys(l.vars).sort()).toEqual(['HTTPS_PROXY', 'HTTP_PROXY']);
    expect(layerValue(l, 'HTTP_PROXY')?.value).toBe('http://upper:1');
    expect(layerValue(l, 'HTTPS_PROXY')?.value).toBe('http://s:1');
  });
  it('an environment gives the same effective proxy as a layer of it, without building one', () => {
    const env = { HTTPS_PROXY: 'http://p:1', no_proxy: 'a,b', ALL_PROXY: 'socks5://s:1' };
    const entries = Object.entries(env).map(([name, value]) => ({ name, value, origin }));
    expect(effectiveOfEnv(env, origin)).toEqual(effectiveOf(layer('x', 'runtime', 'x', entries)));
    expect(effectiveOfEnv({}, origin)).toEqual({ http: null, https: null, noProxy: null, all: null });
  });
});

describe('netns', () => {
  const b = (driver: string, networkHost = false) => ({ driver, networkHost }) as BuilderState;
  const host = { desktop: false, rootless: false };
  it('loopback is the host only for a rootful, non-Desktop dockerd', () => {
    expect(loopbackNetns(host, 'host')).toBe('host');
    expect(loopbackNetns({ desktop: true, rootless: false }, 'host')).toBe('vm');
    expect(loopbackNetns({ desktop: false, rootless: true }, 'host')).toBe('rootless');
  });
  it('builders and RUN steps by driver', () => {
    expect(builderNetns(b('docker'), host)).toBe('host');
    expect(runNetns(b('docker'), host)).toBe('bridge');
    expect(builderNetns(b('docker-container'), host)).toBe('builder-container');
    expect(builderNetns(b('docker-container', true), host)).toBe('host');
    expect(runNetns(b('docker-container'), host)).toBe('builder-container');
    expect(builderNetns(b('kubernetes'), host)).toBe('pod');
    expect(builderNetns(b('remote'), host)).toBe('remote');
    expect(builderNetns(null, host)).toBe('unknown');
    expect(runNetns(null, host)).toBe('unknown');
  });
});

describe('client', () => {
  it("the shell's variables, and buildx's version", () => {
    const c = analyzeClient(synthesize(variant(GOOD_DOCKER, { env: shellEnv('http://shell:8080') })));
    expect(c.layer.id).toBe('client-env');
    expect(c.actor.proxy.https?.value).toBe('http://shell:8080');
    expect(c.actor.proxy.https?.origin).toEqual({ kind: 'env', ref: 'your shell' });
    expect(c.buildx).toMatch(/^v?\d+\.\d+/);
    expect(analyzeClient(synthesize(variant(GOOD_DOCKER, { env: {} }))).actor.proxy.http).toBeNull();
  });
});

describe('runtime', () => {
  it('a drop-in: runtime layers in order, the proxy from docker info', () => {
    const ev = synthesize(GOOD_DOCKER);
    const r = analyzeRuntime(ev, ctxOf(ev));
    expect(r.layers.map((l) => l.id)).toEqual(['daemon-json', 'systemd', 'dockerd-flags', 'dockerd-process']);
    expect(r.docker.daemon).toBe('up');
    expect(r.origin).toEqual({ kind: 'command', ref: 'docker info' });
    expect(r.actor.proxy.https?.value).toBe(PROXY);
    expect(r.actor.status).toBe('known');
  });
  it('rootless: the user unit, the user daemon.json, its own namespace', () => {
    const ev = synthesize(GOOD_ROOTLESS);
    const r = analyzeRuntime(ev, ctxOf(ev));
    expect(r.docker.rootless).toBe(true);
    expect(r.systemd.user).toBe(true);
    expect(r.layers[0]!.label).toBe(`${HOME}/.config/docker/daemon.json`);
    expect(r.actor.netns).toBe('rootless');
  });
  it('daemon down: daemon.json beats the unit, flags beat both', () => {
    const env = dockerdEnvironment(null, {
      present: true,
      process: null,
      unit: null,
      uc: unitConfig({ files: {} } as never, 'docker', false, { home: HOME, env: {} }, null),
      fromConfig: { 'https-proxy': 'http://dj:1' },
      unitLabel: 'the docker systemd unit',
    });
    expect(env.env).toEqual({ HTTPS_PROXY: 'http://dj:1', https_proxy: 'http://dj:1' });
    expect(env.origin).toEqual({ kind: 'file', ref: 'the docker systemd unit' });
    const ev = synthesize({ ...GOOD_DAEMON_JSON, docker: { engine: '26.1.5', daemon: 'down' } });
    const r = analyzeRuntime(ev, ctxOf(ev));
    expect(r.docker.daemon).toBe('down');
    expect(r.actor.proxy.http?.value).toBe(PROXY);
  });
  it('no docker at all: absent, nothing known', () => {
    const ev = synthesize({ docker: false });
    const r = analyzeRuntime(ev, ctxOf(ev));
    expect(r.docker.cli).toBe(false);
    expect(r.actor.status).toBe('absent');
    expect(r.env).toBeNull();
  });
  it('a legacy env file the unit does not read, and export lines, are reported as ignored', () => {
    const ev = synthesize(
      variant(GOOD_DOCKER, {
        files: {
          '/etc/default/docker': 'export HTTP_PROXY=http://x:1\n',
          [DROP_IN]: '[Service]\nEnvironmentFile=/etc/sysconfig/docker\n',
          '/etc/sysconfig/docker': 'export HTTPS_PROXY=http://y:2\n',
        },
      }),
    );
    const uc = unitConfig(ev, 'docker', false, ctxOf(ev), null);
    const ignored = ignoredEnvFiles(ev, uc);
    expect(ignored.map((f) => [f.path, f.why])).toEqual([
      ['/etc/default/docker', 'not-read'],
      ['/etc/sysconfig/docker', 'export'],
    ]);
  });
});

describe('run', () => {
  it('config.json: the entry for DOCKER_HOST replaces "default" entirely', () => {
    const proxies = { default: { httpProxy: 'http://d:1' }, 'tcp://h:2375': { httpsProxy: 'http://h:1' } };
    expect(chooseProxies(proxies, 'tcp://h:2375')).toEqual({
      entry: { httpsProxy: 'http://h:1' },
      perHost: 'tcp://h:2375',
    });
    expect(chooseProxies(proxies, undefined)).toEqual({ entry: { httpProxy: 'http://d:1' }, perHost: null });
    expect(chooseProxies({ 'unix:///var/run/docker.sock': { httpProxy: 'http://s:1' } }, '').perHost).toBe(
      'unix:///var/run/docker.sock',
    );
    expect(chooseProxies({}, undefined)).toEqual({ entry: null, perHost: null });
  });
  it('a layer with line numbers, not Go; a broken file is an error and no layer', () => {
    const ev = synthesize(GOOD_DOCKER);
    const seen = { cli: true, buildx: null, daemon: { desktop: false, rootless: false } };
    const r = analyzeRun(ev, ctxOf(ev), seen);
    expect(r.layers.map((l) => [l.id, l.go])).toEqual([['config-json', false]]);
    expect(r.actor.proxy.http?.origin.ref).toMatch(new RegExp(`^${CONFIG_JSON}:\\d+$`));
    const bad = synthesize(variant(GOOD_DOCKER, { files: { [CONFIG_JSON]: `${configJson()},` } }));
    const rb = analyzeRun(bad, ctxOf(bad), seen);
    expect(rb.layers).toEqual([]);
    expect(rb.fileErrors[0]?.path).toBe(CONFIG_JSON);
    expect(rb.actor.proxy.http).toBeNull();
  });
});

describe('builder', () => {
  const dockerd = (ev: ReturnType<typeof synthesize>) => {
    const r = analyzeRuntime(ev, ctxOf(ev));
    return {
      env: r.env,
      origin: r.origin,
      engine: r.docker.engine,
      up: r.docker.daemon === 'up',
      cli: r.docker.cli,
      buildxInstalled: true,
      daemon: { desktop: false, rootless: false },
    };
  };
  it('a docker-container builder: its own layer and its env as the proxy', () => {
    const ev = synthesize(GOOD_CONTAINER);
    const b = analyzeBuilder(ev, ctxOf(ev), dockerd(ev));
    expect(b.buildxBuilder?.driver).toBe('docker-container');
    expect(b.layers.map((l) => l.id)).toEqual([`builder:${b.buildxBuilder!.name}`]);
    expect(b.actor.proxy.https?.value).toBe(PROXY);
    expect(b.actor.netns).toBe('builder-container');
  });
  it('a builder created without the proxy is known to have none', () => {
    const ev = synthesize(
      variant(GOOD_DOCKER, {
        docker: { ...(GOOD_DOCKER.docker || {}), builders: [containerBuilder('ci', null)], current: 'ci' },
      }),
    );
    const b = analyzeBuilder(ev, ctxOf(ev), dockerd(ev));
    expect(b.actor.status).toBe('known');
    expect(b.actor.proxy.https).toBeNull();
  });
  it('a standalone buildkitd: the environment of the one buildctl reaches is a layer', () => {
    const ev = synthesize({ ...GOOD_DOCKER, uid: 0, buildkitd: { env: { HTTPS_PROXY: 'http://bk:1' } } });
    const b = analyzeBuilder(ev, ctxOf(ev), dockerd(ev), analyzeBuildctl(ev, ctxOf(ev), null));
    expect(b.layers.map((l) => l.id)).toContain('buildkitd-process');
    expect(b.buildkitd.processEnv).toEqual({ HTTPS_PROXY: 'http://bk:1' });
  });
  it('buildkitd.toml: CAs and mirrors per registry, proxyNetwork, and a TOML error with its place', () => {
    const errors: FileError[] = [];
    const ev = {
      files: {
        '/a.toml': '[registry."docker.io"]\nmirrors = ["mirror.corp"]\nca = ["/etc/ca.pem"]\n',
        '/b.toml': '[worker.oci]\nproxyNetwork = true\n',
        '/c.toml': '[registry\n',
        '/d.toml': null,
      },
    } as never;
    const t = buildkitdTomls(ev, ['/a.toml', '/b.toml', '/c.toml', '/d.toml'], errors);
    expect(t).toEqual([
      {
        path: '/a.toml',
        proxyNetwork: false,
        registries: { 'docker.io': { ca: ['/etc/ca.pem'], mirrors: ['mirror.corp'] } },
      },
      { path: '/b.toml', proxyNetwork: true, registries: {} },
    ]);
    expect(errors.map((e) => [e.path, e.line])).toEqual([['/c.toml', 1]]);
    const node = { buildkitdConfig: null, flags: ['--proxy-network'] };
    expect(builderProxyNetwork([{ name: 'x', nodes: [node] } as never])[0]?.path).toBe(
      'builder x: --proxy-network',
    );
  });
});
