// Which daemon the CLI would talk to, and when buildx must be asked: anything but the plain local case goes
// to the real commands.
import { describe, expect, it } from 'vitest';
import {
  buildxNeedsCli,
  cliPluginDirs,
  DEFAULT_SOCKET,
  localDaemonSocket,
} from '../../src/evidence/endpoint.js';

describe('localDaemonSocket', () => {
  it.each([
    [{}, null, DEFAULT_SOCKET],
    [{}, '', DEFAULT_SOCKET],
    [{}, '{"auths":{}}', DEFAULT_SOCKET],
    [{}, '{"currentContext":"default"}', DEFAULT_SOCKET],
    [{ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }, null, '/run/user/1000/docker.sock'],
    // DOCKER_HOST wins over a context in config.json, as in the CLI
    [{ DOCKER_HOST: 'unix:///tmp/d.sock' }, '{"currentContext":"remote"}', '/tmp/d.sock'],
    [{ DOCKER_HOST: 'tcp://10.0.0.5:2376' }, null, null],
    [{ DOCKER_HOST: 'ssh://me@build-host' }, null, null],
    [{ DOCKER_HOST: 'unix://relative.sock' }, null, null],
    [{ DOCKER_CONTEXT: 'desktop-linux' }, null, null],
    [{ DOCKER_CONTEXT: 'default' }, '{"currentContext":"rootless"}', DEFAULT_SOCKET],
    [{}, '{"currentContext":"rootless"}', null],
    [{}, '{ not json', null],
    [{}, '[]', null],
  ] as [Record<string, string>, string | null, string | null][])(
    '%o with config %s → %s',
    (env, cfg, want) => {
      expect(localDaemonSocket(env, cfg)).toBe(want);
    },
  );
});

describe('cliPluginDirs', () => {
  it('extra dirs from config.json first, then the user folder (DOCKER_CONFIG), then the system folders', () => {
    const dirs = cliPluginDirs(
      { home: '/home/a', env: { DOCKER_CONFIG: '/cfg' } },
      '{"cliPluginsExtraDirs":["/opt/plugins", 3]}',
    );
    expect(dirs.slice(0, 3)).toEqual([
      '/opt/plugins',
      '/cfg/cli-plugins',
      '/usr/local/lib/docker/cli-plugins',
    ]);
    expect(dirs).toContain('/usr/libexec/docker/cli-plugins');
    expect(cliPluginDirs({ home: '/home/a', env: {} }, null)[0]).toBe('/home/a/.docker/cli-plugins');
  });
});

describe('buildxNeedsCli', () => {
  it.each([
    [{}, null, [], [], false],
    [{}, '{"Key":"unix:///var/run/docker.sock","Name":"","Global":false}', [], [], false],
    [{}, '{"Key":"unix:///var/run/docker.sock","Name":"ci","Global":false}', [], [], true],
    [{}, 'garbage', [], [], true],
    [{ BUILDX_BUILDER: 'ci' }, null, [], [], true],
    [{}, null, ['ci'], [], true],
    [{}, null, [], ['0f3e…'], true],
  ] as [Record<string, string>, string | null, string[], string[], boolean][])(
    'env %o, current %s, instances %o, contexts %o → %s',
    (env, cur, inst, ctx, want) => {
      expect(buildxNeedsCli(env, cur, inst, ctx)).toBe(want);
    },
  );
});
