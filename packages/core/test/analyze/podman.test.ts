// Podman/Buildah analysis: containers.conf in podman's load order, [engine] env per variable under the shell, local
// vs remote, and the machine's environment. The behaviours asserted here were measured on real podman 4.3.1 and
// buildah 1.28.2 (test/e2e/podman.e2e.ts); the bundles use their captured command outputs.
import { describe, expect, it } from 'vitest';
import { managerEnvironment } from '../../src/analyze/podman.js';
import { analyze } from '../../src/analyze/state.js';
import { parseEngineCommand } from '../../src/command/engines.js';
import { GOOD_PODMAN, podmanLocal, podmanMachine } from '../../src/machines/engines.js';
import { HOME, PROXY, variant } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';

const USER_CONF = `${HOME}/.config/containers/containers.conf`;
const podmanOf = (m: Parameters<typeof synthesize>[0]) => analyze(synthesize(m)).engines.podman!;

describe('podman: proxy sources', () => {
  it('a later containers.conf wins per key; the .d files come in name order after their folder file', () => {
    const p = podmanOf(
      variant(GOOD_PODMAN, {
        files: {
          '/usr/share/containers/containers.conf': '[containers]\n#http_proxy = true\n',
          '/etc/containers/containers.conf':
            '[containers]\nhttp_proxy = false\n[engine]\nenv = ["HTTPS_PROXY=http://system:1"]\n',
          '/etc/containers/containers.conf.d/20-b.conf': '[engine]\nenv = ["HTTPS_PROXY=http://b:1"]\n',
          '/etc/containers/containers.conf.d/10-a.conf': '[containers]\nhttp_proxy = true\n',
          [USER_CONF]: '[containers]\nhttp_proxy = false\n',
        },
      }),
    );
    expect(p.confs.map((c) => c.path)).toEqual([
      '/usr/share/containers/containers.conf',
      '/etc/containers/containers.conf',
      '/etc/containers/containers.conf.d/10-a.conf',
      '/etc/containers/containers.conf.d/20-b.conf',
      USER_CONF,
    ]);
    expect(p.httpProxy).toEqual({ value: false, origin: { kind: 'file', ref: `${USER_CONF}:2` } });
    expect(p.engineEnv.map((v) => [v.value, v.origin.ref])).toEqual([
      ['http://b:1', '/etc/containers/containers.conf.d/20-b.conf:2'],
    ]);
  });

  it('CONTAINERS_CONF replaces every other file; CONTAINERS_CONF_OVERRIDE comes last', () => {
    const p = podmanOf(
      variant(GOOD_PODMAN, {
        env: { ...GOOD_PODMAN.env, CONTAINERS_CONF: '/srv/c.conf', CONTAINERS_CONF_OVERRIDE: '/srv/o.conf' },
        files: {
          [USER_CONF]: '[engine]\nenv = ["HTTPS_PROXY=http://user:1"]\n',
          '/srv/c.conf': '[engine]\nenv = ["HTTPS_PROXY=http://c:1"]\n',
          '/srv/o.conf': '[containers]\nhttp_proxy = false\n',
        },
      }),
    );
    expect(p.confs.map((c) => c.path)).toEqual(['/srv/c.conf', '/srv/o.conf']);
    expect(p.engineEnv[0]!.value).toBe('http://c:1');
  });

  it('[engine] env fills only what the shell leaves unset, variable by variable (as captured rootless)', () => {
    const p = podmanOf({
      ...GOOD_PODMAN,
      env: { http_proxy: 'http://shell:3131', HTTP_PROXY: 'http://shell:3131' },
      files: {
        [USER_CONF]:
          '[engine]\nenv = ["HTTPS_PROXY=http://engine:3132", "https_proxy=http://engine:3132", "http_proxy=http://engine:3132"]\n',
      },
    });
    expect(Object.fromEntries(p.processEnv.map((v) => [v.name, `${v.value} ${v.origin.ref}`]))).toEqual({
      http_proxy: 'http://shell:3131 shell',
      HTTP_PROXY: 'http://shell:3131 shell',
      HTTPS_PROXY: `http://engine:3132 ${USER_CONF}:2`,
      https_proxy: `http://engine:3132 ${USER_CONF}:2`,
    });
  });

  it('rootless files apply to a user, not to root; a malformed file is a file error, not silence', () => {
    const files = {
      '/etc/containers/containers.rootless.conf': '[engine]\nenv = ["HTTPS_PROXY=http://rootless:1"]\n',
      [USER_CONF]: '[containers]\nhttp_proxy = false\nhttp_proxy = true\n',
    };
    const user = analyze(synthesize(variant(GOOD_PODMAN, { files })));
    expect(user.engines.podman!.engineEnv[0]!.value).toBe('http://rootless:1');
    expect(user.fileErrors).toContainEqual(expect.objectContaining({ path: USER_CONF, line: 3 }));
    const root = podmanOf({
      ...variant(GOOD_PODMAN, { files }),
      uid: 0,
      commands: podmanLocal({ rootless: false }),
    });
    expect(root.engineEnv).toEqual([]);
    expect(root.rootless).toBe(false);
  });

  it('remote: podman info says serviceIsRemote, or CONTAINER_HOST is set', () => {
    expect(podmanOf(GOOD_PODMAN).remote).toBe(false);
    expect(
      podmanOf(variant(GOOD_PODMAN, { env: { CONTAINER_HOST: 'ssh://core@vm/run/podman/podman.sock' } }))
        .remote,
    ).toBe(true);
    const mac = podmanOf({
      home: '/Users/alice',
      platform: 'darwin',
      docker: false,
      commands: podmanMachine({ client: '5.4.0', vmEnv: { HTTPS_PROXY: PROXY } }),
    });
    expect(mac.remote).toBe(true);
    expect(mac.podman).toEqual([5, 4, 0]);
    expect(mac.machine).toMatchObject({ name: 'podman-machine-default', running: true });
    expect(mac.machine!.env!.map((v) => [v.name, v.value])).toEqual([['HTTPS_PROXY', PROXY]]);
  });

  it('no podman, no buildah and only the shipped default file: no podman state', () => {
    const ev = synthesize({
      home: HOME,
      docker: false,
      files: { '/usr/share/containers/containers.conf': '[containers]\n' },
    });
    expect(analyze(ev).engines.podman).toBeNull();
  });
});

describe('default-env.conf ([Manager] DefaultEnvironment=)', () => {
  it('reads quoted words, several per line, as systemd splits them; keeps only proxy variables', () => {
    const text =
      '[Manager]\nDefaultEnvironment="HTTP_PROXY=http://u:p%40ss@proxy:3128" "FOO=bar" https_proxy=http://h:1\n';
    expect(
      managerEnvironment('m:/etc/systemd/system.conf.d/default-env.conf', text).map((v) => [v.name, v.value]),
    ).toEqual([
      ['HTTP_PROXY', 'http://u:p%40ss@proxy:3128'],
      ['https_proxy', 'http://h:1'],
    ]);
  });
});

describe('--command for the other engines', () => {
  it.each([
    ['podman build -t x .', { tool: 'podman-build', httpProxy: null, remote: false }],
    ['sudo podman build --http-proxy=false .', { tool: 'podman-build', httpProxy: false, remote: false }],
    [
      'podman --url unix:///run/podman.sock build --http-proxy .',
      { tool: 'podman-build', httpProxy: true, remote: true },
    ],
    ['podman -r build .', { tool: 'podman-build', httpProxy: null, remote: true }],
    ['podman-remote build --http-proxy false .', { tool: 'podman-build', httpProxy: false, remote: true }],
    ['buildah bud -t x .', { tool: 'buildah-bud', httpProxy: null, remote: false }],
    ['cd app && podman-compose build', { tool: 'podman-compose', httpProxy: null, remote: false }],
    ['podman compose up -d', { tool: 'podman-compose', httpProxy: null, remote: false }],
  ])('%s', (text, want) => {
    expect(parseEngineCommand(text, {})).toEqual(want);
  });

  it('docker and buildctl commands, podman run and garbage are not engine builds', () => {
    for (const t of [
      'docker build .',
      'buildctl build',
      'podman run alpine',
      'podman compose ps',
      '"unterminated',
      '',
    ])
      expect(parseEngineCommand(t, {})).toBeNull();
  });
});
