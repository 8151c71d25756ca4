// tcp:// addresses tied by the listening socket (issue 13): /proc/net/tcp rows as the kernel prints them
// (net/ipv4/tcp_ipv4.c, get_tcp4_sock: the inode is the tenth column), and the resolver's matching rules.
import { describe, expect, it } from 'vitest';
import { resolveDaemon } from '../../src/daemons/resolve.js';
import { tcpListenRows, tcpSocketName } from '../../src/formats/proc-net.js';

// Copied from this machine's /proc/net/tcp and /proc/net/tcp6 (kernel 6.18).
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 636 1 0000000049e95119 100 0 0 10 0
   1: 0100007F:8A93 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4548413 1 00000000e228bcac 100 0 0 10 0
   2: 0100007F:8A93 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 4548999 1 00000000e228bcac 20 4 30 10 -1`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:04D2 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 777 1 0000000000000000 100 0 0 10 0`;

describe('/proc/net/tcp listening rows with their inodes', () => {
  it('reads LISTEN rows only, with the inode, and names them tcp://ADDR:PORT', () => {
    const rows = tcpListenRows(TCP, false);
    expect(rows).toEqual([
      { addr: '0.0.0.0', port: 2024, inode: 636 },
      { addr: '127.0.0.1', port: 35475, inode: 4548413 },
    ]);
    expect(rows.map(tcpSocketName)).toEqual(['tcp://0.0.0.0:2024', 'tcp://127.0.0.1:35475']);
    expect(tcpListenRows(TCP6, true).map(tcpSocketName)).toEqual(['tcp://[::]:1234']);
  });
});

describe('resolveDaemon on tcp://', () => {
  const procs = [
    { name: 'buildkitd', pid: 10, env: {}, argv: ['buildkitd'], sockets: ['tcp://0.0.0.0:1234'] },
    { name: 'buildkitd', pid: 11, env: {}, argv: ['buildkitd'], sockets: ['tcp://127.0.0.1:5678'] },
    { name: 'buildkitd', pid: 12, env: {}, argv: ['buildkitd'], sockets: ['tcp://[::1]:9999'] },
    { name: 'buildkitd', pid: 13, env: {}, argv: ['buildkitd', '--addr', 'tcp://build.corp:4000'] },
  ];
  const tie = (address: string) =>
    resolveDaemon({ daemon: 'buildkitd', address, processes: procs, files: {}, defaults: { address: 'x' } });
  it.each([
    ['tcp://10.0.0.5:1234', 10, 'socket'],
    ['tcp://localhost:5678', 11, 'socket'],
    ['tcp://[::1]:5678', 11, 'socket'],
    ['tcp://127.0.0.1:9999', 12, 'socket'],
    ['tcp://build.corp:4000', 13, 'argv'],
  ])('%s → pid %i (%s)', (address, pid, how) => {
    expect(tie(address)).toMatchObject({ process: { pid }, how });
  });
  it('a loopback listener does not serve another address; a wrong port serves nothing', () => {
    expect(tie('tcp://10.0.0.5:5678')).toBeNull();
    expect(tie('tcp://127.0.0.1:1')).toBeNull();
  });
});
