// The resolver's pure half: /proc/net/unix rows, daemon flag forms, and the order of proof (socket, argv,
// buildkitd.toml, pidfile). A daemon nothing ties is never chosen.
import { describe, expect, it } from 'vitest';
import { buildkitdAddrs, dockerdHosts, filesToRead, flagValues } from '../../src/daemons/argv.js';
import { resolveDaemon, tomlGrpcAddresses } from '../../src/daemons/resolve.js';
import { canonicalSocketPath, parseUnixTable, socketInode } from '../../src/daemons/unix-sockets.js';
import type { ProcessInfo } from '../../src/evidence/schema.js';

// Rows as the kernel prints them (net/unix/af_unix.c unix_seq_show); taken from this machine's /proc/net/unix.
const TABLE = `Num       RefCount Protocol Flags    Type St Inode Path
00000000e522d20b: 00000002 00000000 00010000 0001 01 74641 /run/docker.sock
0000000011aa22bb: 00000003 00000000 00000000 0001 03 74700 /run/docker.sock
00000000deadbeef: 00000002 00000000 00010000 0001 01 81234 /run/user/1000/buildkit/buildkitd.sock
00000000cafebabe: 00000002 00000000 00010000 0001 01 90001 @/containerd-shim/abc.sock
00000000cafebab0: 00000002 00000000 00010000 0001 01 90002 /tmp/with space.sock
00000000cafebab1: 00000002 00000000 00000000 0002 01 90003
garbage line
`;

describe('parseUnixTable', () => {
  it('keeps listening, named sockets only (connected ones share the path but are not the listener)', () => {
    const t = parseUnixTable(TABLE);
    expect([...t.entries()]).toEqual([
      [74641, '/run/docker.sock'],
      [81234, '/run/user/1000/buildkit/buildkitd.sock'],
      [90001, '@/containerd-shim/abc.sock'],
      [90002, '/tmp/with space.sock'],
    ]);
  });
  it('is linear and capped on a huge table', () => {
    const row = '00000000e522d20b: 00000002 00000000 00010000 0001 01 1 /x\n';
    expect(parseUnixTable(row.repeat(200_000)).size).toBe(1);
  });
  it.each([
    ['socket:[74641]', 74641],
    ['pipe:[1]', null],
    ['/dev/null', null],
    ['socket:[]', null],
    ['socket:[1]x', null],
  ])('socketInode(%s) = %s', (t, want) => expect(socketInode(t)).toBe(want));
  it('/var/run and /run are one directory', () => {
    expect(canonicalSocketPath('/var/run/docker.sock')).toBe('/run/docker.sock');
    expect(canonicalSocketPath('/var//run/docker.sock')).toBe('/run/docker.sock');
    expect(canonicalSocketPath('/tmp/var/run/x')).toBe('/tmp/var/run/x');
  });
});

describe('daemon flags', () => {
  it.each([
    [['dockerd', '-H', 'fd://'], ['fd://']],
    [['dockerd', '-Hunix:///a.sock'], ['unix:///a.sock']],
    [['dockerd', '-H=tcp://0.0.0.0:2375'], ['tcp://0.0.0.0:2375']],
    [
      ['dockerd', '--host', 'unix:///a', '--host=unix:///b'],
      ['unix:///a', 'unix:///b'],
    ],
    [['dockerd', '--containerd=/run/containerd/containerd.sock'], []],
    [['dockerd', '--', '-H', 'x'], []],
    [['dockerd', '-H'], []],
  ])('dockerd %j → %j', (argv, want) => expect(dockerdHosts(argv)).toEqual(want));
  it.each([
    [['buildkitd', '--addr', 'unix:///run/buildkit/buildkitd.sock'], ['unix:///run/buildkit/buildkitd.sock']],
    [
      ['buildkitd', '-addr=tcp://0.0.0.0:1234', '--addr', 'unix:///x'],
      ['tcp://0.0.0.0:1234', 'unix:///x'],
    ],
    [['buildkitd', '--address', 'x'], []],
  ])('buildkitd %j → %j', (argv, want) => expect(buildkitdAddrs(argv)).toEqual(want));
  it('--pidfile and -p', () => {
    expect(flagValues(['dockerd', '-p', '/x.pid'], 'pidfile', 'p')).toEqual(['/x.pid']);
    expect(
      filesToRead(
        [
          { name: 'dockerd', argv: ['dockerd', '--pidfile=/a.pid'] },
          { name: 'dockerd' },
          { name: 'buildkitd', argv: ['buildkitd', '--config', '/c.toml'] },
        ],
        { dockerdPidfile: '/var/run/docker.pid', buildkitdConfig: '/etc/buildkit/buildkitd.toml' },
      ),
    ).toEqual(['/a.pid', '/var/run/docker.pid', '/c.toml']);
  });
});

describe('tomlGrpcAddresses', () => {
  it.each([
    [
      '[grpc]\naddress = ["unix:///x.sock", "tcp://0.0.0.0:1234"]\n',
      ['unix:///x.sock', 'tcp://0.0.0.0:1234'],
    ],
    ['[grpc]\n', null],
    ['[grpc\n', null],
    ['debug = true\n', null],
  ])('%j → %j', (t, want) => expect(tomlGrpcAddresses(t)).toEqual(want));
});

const p = (pid: number, name: string, extra: Partial<ProcessInfo> = {}): ProcessInfo => ({
  name,
  pid,
  env: {},
  ...extra,
});
const dockerDefaults = { address: 'unix:///var/run/docker.sock', pidfile: '/var/run/docker.pid' };

describe('resolveDaemon', () => {
  it('the socket beats argv: two dockerds, DOCKER_HOST names the second', () => {
    const procs = [
      p(10, 'dockerd', { argv: ['dockerd', '-H', 'fd://'], sockets: ['/run/docker.sock'] }),
      p(20, 'dockerd', { argv: ['dockerd', '-H', 'unix:///tmp/b.sock'], sockets: ['/tmp/b.sock'] }),
    ];
    const at = (address: string) =>
      resolveDaemon({ daemon: 'dockerd', address, processes: procs, files: {}, defaults: dockerDefaults });
    expect(at('unix:///var/run/docker.sock')).toMatchObject({ how: 'socket', process: { pid: 10 } });
    expect(at('unix:///tmp/b.sock')).toMatchObject({ how: 'socket', process: { pid: 20 } });
    expect(at('unix:///tmp/none.sock')).toBeNull();
  });
  it("without readable fds (another user's daemon), argv ties it; a process whose fds show other sockets does not", () => {
    const procs = [
      p(10, 'dockerd', { argv: ['dockerd', '-H', 'unix:///tmp/b.sock'], sockets: ['/tmp/a.sock'] }),
      p(20, 'dockerd', { argv: ['dockerd', '--host=unix:///tmp/b.sock'] }),
    ];
    expect(
      resolveDaemon({
        daemon: 'dockerd',
        address: 'unix:///tmp/b.sock',
        processes: procs,
        files: {},
        defaults: dockerDefaults,
      }),
    ).toMatchObject({ how: 'argv', process: { pid: 20 } });
  });
  it('-H fd:// without readable fds: the default pidfile ties the default socket, and nothing else', () => {
    const procs = [p(812, 'dockerd', { argv: ['/usr/bin/dockerd', '-H', 'fd://'] })];
    const files = { '/var/run/docker.pid': '812\n' };
    const at = (address: string, f: Record<string, string | null> = files) =>
      resolveDaemon({ daemon: 'dockerd', address, processes: procs, files: f, defaults: dockerDefaults });
    expect(at('unix:///run/docker.sock')).toMatchObject({ how: 'pidfile', process: { pid: 812 } });
    expect(at('unix:///tmp/other.sock')).toBeNull();
    expect(at('unix:///var/run/docker.sock', { '/var/run/docker.pid': '813' })).toBeNull();
    expect(at('unix:///var/run/docker.sock', {})).toBeNull();
  });
  it('buildkitd: --addr, then [grpc] address of its --config, never a buildkitd that says nothing', () => {
    const bkDefaults = {
      address: 'unix:///run/buildkit/buildkitd.sock',
      config: '/etc/buildkit/buildkitd.toml',
    };
    const procs = [
      p(30, 'buildkitd', { argv: ['buildkitd', '--config', '/srv/bk.toml'] }),
      p(31, 'buildkitd', { argv: ['buildkitd', '--addr', 'tcp://0.0.0.0:1234'] }),
      p(32, 'buildkitd', { argv: ['buildkitd'] }),
    ];
    const files = { '/srv/bk.toml': '[grpc]\naddress = ["unix:///srv/bk.sock"]\n' };
    const at = (address: string) =>
      resolveDaemon({ daemon: 'buildkitd', address, processes: procs, files, defaults: bkDefaults });
    expect(at('unix:///srv/bk.sock')).toMatchObject({ how: 'config', process: { pid: 30 } });
    expect(at('tcp://0.0.0.0:1234')).toMatchObject({ how: 'argv', process: { pid: 31 } });
    expect(at('unix:///run/buildkit/buildkitd.sock')).toBeNull();
  });
});
