// /proc/net as the capture reads it: real listening sockets of this test process, a real --root tree of temp
// files (incl. a FIFO and a symlink out of the tree), and the parsers on hostile text.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bridgeAddress,
  hostNetFrom,
  isConnectionRow,
  listenScope,
  MAX_LISTENERS,
  parseFibLocal,
  parseTcpListeners,
  tcp6InUse,
} from '../../src/formats/proc-net.js';
import { readHostNet, readProcFile } from '../../src/node/probes/host-net.js';
import { readProcSync } from '../../src/node/probes/proc-read.js';
import { scanProcesses } from '../../src/node/probes/processes.js';

const listen = (host: string) =>
  new Promise<Server>((res) => {
    const s = createServer();
    s.listen(0, host, () => res(s));
  });
const portOf = (s: Server) => (s.address() as { port: number }).port;

describe.runIf(process.platform === 'linux')('this host, for real', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const s of servers) s.close();
  });

  it('tells a loopback-only listener from an all-interfaces one', async () => {
    const loop = await listen('127.0.0.1');
    const all = await listen('0.0.0.0');
    servers.push(loop, all);
    const net = (await readHostNet(undefined))!;
    expect(net.listeners).toContainEqual({ addr: '127.0.0.1', port: portOf(loop) });
    expect(net.listeners).toContainEqual({ addr: '0.0.0.0', port: portOf(all) });
    expect(listenScope(net, portOf(loop))).toBe('loopback-only');
    expect(listenScope(net, portOf(all))).toBe('reachable');
    loop.close();
    all.close();
  });

  it('finds an IPv6 listener too (sockstat6 counts it, so tcp6 is read)', async () => {
    const v6 = await new Promise<Server | null>((res) => {
      const s = createServer();
      s.once('error', () => res(null)); // no IPv6 on this host
      s.listen(0, '::1', () => res(s));
    });
    if (!v6) return;
    servers.push(v6);
    expect((await readHostNet(undefined))!.listeners).toContainEqual({ addr: '::1', port: portOf(v6) });
    v6.close();
  });

  it("finds an interface's own address from the real route and fib_trie", () => {
    const route = readFileSync('/proc/net/route', 'utf8');
    const iface = route.split('\n')[1]?.split('\t')[0];
    if (!iface) return;
    const addr = bridgeAddress(route, readFileSync('/proc/net/fib_trie', 'utf8'), iface);
    const ip = spawnSync('ip', ['-4', '-o', 'addr', 'show', iface], { encoding: 'utf8' });
    if (ip.status === 0) expect(ip.stdout).toContain(` ${addr}/`);
    else expect(addr).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});

describe('a --root tree of temp files', () => {
  const root = mkdtempSync(join(tmpdir(), 'bp-procnet-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'proc/net'), { recursive: true });
  writeFileSync(
    join(root, 'proc/net/tcp'),
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n' +
      '   0: 0100007F:0C38 00000000:0000 0A 00000000:00000000 00:00000000 00000000   106        0 4242 1 0\n' +
      '   1: 0100007F:0C38 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000   106        0 4243 1 0\n',
  );
  writeFileSync(
    join(root, 'proc/net/tcp6'),
    '  sl  local_address                         remote_address                        st\n' +
      '   0: 00000000000000000000000000000000:0C8F 00000000000000000000000000000000:0000 0A 0\n',
  );
  writeFileSync(
    join(root, 'proc/net/route'),
    'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n' +
      'docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0\n',
  );
  writeFileSync(
    join(root, 'proc/net/fib_trie'),
    'Main:\n  +-- 0.0.0.0/0 3 0 5\n     +-- 172.17.0.0/16 2 0 2\n        +-- 172.17.0.0/31 1 0 0\n' +
      '           |-- 172.17.0.0\n              /16 link UNICAST\n           |-- 172.17.0.1\n              /32 host LOCAL\n',
  );

  it('reads listeners (LISTEN rows only) and docker0', async () => {
    const net = (await readHostNet(root))!;
    expect(net.listeners).toEqual([
      { addr: '127.0.0.1', port: 3128 },
      { addr: '::', port: 3215 },
    ]);
    expect(net.ifaces).toEqual({ docker0: '172.17.0.1' });
    expect(hostNetFrom(net, ['dockerd', '-H', 'fd://'])?.bridge).toBe('172.17.0.1');
    expect(hostNetFrom(net, ['dockerd', '--bridge', 'bp0'])?.bridge).toBeNull();
    expect(hostNetFrom(net, ['dockerd', '--bip=192.168.5.1/24'])?.bridge).toBe('192.168.5.1');
    expect(listenScope(net, 3128)).toBe('loopback-only');
    expect(listenScope(net, 3215)).toBe('reachable');
    expect(listenScope(net, 9)).toBe('not-listening');
  });

  it('never blocks on a FIFO and never follows a symlink out of the tree', async () => {
    const fifo = join(root, 'proc/net/fifo');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status === 0) expect(await readProcFile(root, '/proc/net/fifo')).toBeNull();
    symlinkSync('/etc/passwd', join(root, 'proc/net/escape'));
    expect(await readProcFile(root, '/proc/net/escape')).toBeNull();
  });
});

describe('reading only as far as the listeners', () => {
  const root = mkdtempSync(join(tmpdir(), 'bp-procnet-stop-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'proc/net'), { recursive: true });
  const header =
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
  const row = (i: number, st: string) =>
    `${String(i).padStart(4)}: 0100007F:${(3128 + i).toString(16).toUpperCase().padStart(4, '0')} 0100007F:D2F0 ${st} 00000000:00000000 00:00000000 00000000   106        0 ${4242 + i} 1 0\n`;

  it('stops at the first connection row: the kernel lists listening sockets first', async () => {
    // 3 listeners, then 5000 connections (~750 KB): only the first chunk is read
    const text =
      header +
      [0, 1, 2].map((i) => row(i, '0A')).join('') +
      Array.from({ length: 5000 }, (_, i) => row(i + 3, '01')).join('');
    writeFileSync(join(root, 'proc/net/tcp'), text);
    const read = (await readProcFile(root, '/proc/net/tcp', true))!;
    expect(read.length).toBeLessThan(text.length / 5);
    expect(await readProcFile(root, '/proc/net/tcp')).toBe(text);
    expect(parseTcpListeners(read, false).map((l) => l.port)).toEqual([3128, 3129, 3130]);
  });

  it('reads to the end when every row is a listener, across chunk boundaries', async () => {
    const text = header + Array.from({ length: 2000 }, (_, i) => row(i, '0A')).join('');
    writeFileSync(join(root, 'proc/net/tcp'), text);
    expect(await readProcFile(root, '/proc/net/tcp', true)).toBe(text);
    expect((await readHostNet(root))!.listeners).toHaveLength(2000);
  });

  it('skips tcp6 when sockstat6 counts no TCP6 socket, and reads it otherwise', async () => {
    writeFileSync(join(root, 'proc/net/tcp'), header);
    writeFileSync(
      join(root, 'proc/net/tcp6'),
      '  sl  local_address                         remote_address                        st\n' +
        '   0: 00000000000000000000000000000000:0C8F 00000000000000000000000000000000:0000 0A 0\n',
    );
    writeFileSync(join(root, 'proc/net/sockstat6'), 'TCP6: inuse 1\nUDP6: inuse 0\n');
    expect((await readHostNet(root))!.listeners).toEqual([{ addr: '::', port: 3215 }]);
    writeFileSync(join(root, 'proc/net/sockstat6'), 'TCP6: inuse 0\nUDP6: inuse 0\n');
    expect((await readHostNet(root))!.listeners).toEqual([]);
  });

  it("the synchronous reader (a daemon's own namespace) stops at the same row and reads the same text", () => {
    const text =
      header +
      [0, 1, 2].map((i) => row(i, '0A')).join('') +
      Array.from({ length: 5000 }, (_, i) => row(i + 3, '01')).join('');
    const path = join(root, 'proc/net/tcp');
    writeFileSync(path, text);
    const read = readProcSync(path, 1 << 20, { listenersOnly: true, encoding: 'latin1' });
    expect(read.length).toBeLessThan(text.length / 5);
    expect(parseTcpListeners(read, false).map((l) => l.port)).toEqual([3128, 3129, 3130]);
    expect(readProcSync(path, 1 << 20)).toBe(text);
    // every row a listener: read to the end, across chunk boundaries
    const all = header + Array.from({ length: 2000 }, (_, i) => row(i, '0A')).join('');
    writeFileSync(path, all);
    expect(readProcSync(path, 1 << 20, { listenersOnly: true })).toBe(all);
    // the cap counts bytes and is never passed; UTF-8 split across chunks survives (a socket path in net/unix)
    expect(readProcSync(path, 1000)).toBe(all.slice(0, 1000));
    const utf8 = `${'x'.repeat(65535)}é/run/ü.sock\n`;
    writeFileSync(path, utf8);
    expect(readProcSync(path, 1 << 20)).toBe(utf8);
    const fifo = join(root, 'proc/net/fifo-sync');
    if (spawnSync('mkfifo', [fifo]).status === 0) expect(() => readProcSync(fifo, 4096)).toThrow(/regular/);
  });

  it("ties a daemon's TCP listener from its namespace's tables, tcp6 only when sockstat6 counts one", async () => {
    const tree = mkdtempSync(join(tmpdir(), 'bp-procnet-pid-'));
    try {
      const p = join(tree, 'proc/4100');
      mkdirSync(join(p, 'fd'), { recursive: true });
      mkdirSync(join(p, 'net'));
      mkdirSync(join(p, 'ns'));
      writeFileSync(join(p, 'comm'), 'buildkitd\n');
      writeFileSync(join(p, 'environ'), 'HTTPS_PROXY=http://proxy.corp.example:3128\0HOME=/root\0');
      writeFileSync(join(p, 'cmdline'), 'buildkitd\0--addr\0tcp://127.0.0.1:3128\0');
      symlinkSync('socket:[4242]', join(p, 'fd/3'));
      symlinkSync('socket:[9999]', join(p, 'fd/4'));
      symlinkSync('net:[4026531840]', join(p, 'ns/net'));
      writeFileSync(join(p, 'net/unix'), 'Num       RefCount Protocol Flags    Type St Inode Path\n');
      // the listener first, then 5000 connections: the kernel's order
      writeFileSync(
        join(p, 'net/tcp'),
        header + row(0, '0A') + Array.from({ length: 5000 }, (_, i) => row(i + 1, '01')).join(''),
      );
      writeFileSync(
        join(p, 'net/tcp6'),
        '  sl  local_address                         remote_address                        st\n' +
          '   0: 00000000000000000000000000000000:0C8F 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 9999 1 0\n',
      );
      writeFileSync(join(p, 'net/sockstat6'), 'TCP6: inuse 0\nUDP6: inuse 0\n');
      const [d] = await scanProcesses(tree);
      expect(d).toMatchObject({ name: 'buildkitd', pid: 4100, sockets: ['tcp://127.0.0.1:3128'] });
      expect(d!.argv).toEqual(['buildkitd', '--addr', 'tcp://127.0.0.1:3128']);
      writeFileSync(join(p, 'net/sockstat6'), 'TCP6: inuse 1\nUDP6: inuse 0\n');
      expect((await scanProcesses(tree))[0]!.sockets).toEqual(['tcp://127.0.0.1:3128', 'tcp://[::]:3215']);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });

  it('tells connection rows and sockstat6 counts from anything else', () => {
    expect(isConnectionRow(row(0, '01').trimEnd())).toBe(true);
    expect(isConnectionRow(row(0, '06'))).toBe(true);
    expect(isConnectionRow(row(0, '0A'))).toBe(false);
    for (const s of ['', header, '  sl  local_address st', '0: x', 'bad: 0100007F:0C38 x 01', '1: a b zz'])
      expect(isConnectionRow(s), s).toBe(false);
    expect(tcp6InUse('TCP6: inuse 12\nUDP6: inuse 0\n')).toBe(12);
    expect(tcp6InUse('UDP6: inuse 0\nTCP6: inuse 0\n')).toBe(0);
    for (const s of ['', 'TCP6: inuse\n', 'TCP: inuse 3\n', 'XTCP6: inuse 3', 'TCP6: inuse 99999999999'])
      expect(tcp6InUse(s), s).toBeNull();
  });
});

describe('hostile /proc/net text', () => {
  it('IPv6, v4-mapped and malformed rows', () => {
    const v6 = parseTcpListeners(
      '0: 00000000000000000000000001000000:0C38 x 0A\n1: 0000000000000000FFFF00000100007F:0050 x 0A\nbad: zz 0A\n2: 1234:0C38 x 0A',
      true,
    );
    expect(v6).toEqual([
      { addr: '::1', port: 3128 },
      { addr: '::ffff:127.0.0.1', port: 80 },
    ]);
  });

  it('is capped and never throws', () => {
    const many = Array.from({ length: MAX_LISTENERS + 50 }, (_, i) => `${i}: 0100007F:0C38 x 0A`).join('\n');
    expect(parseTcpListeners(many, false)).toHaveLength(MAX_LISTENERS);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.boolean(), (s, v6) => {
        parseTcpListeners(s, v6);
        parseFibLocal(s);
        bridgeAddress(s, s);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
