// The probe on real processes: a daemon named "dockerd" listening on a unix socket it bound itself, and one
// started by systemd-socket-activate on an inherited fd (as docker.socket starts `dockerd -H fd://`). Only the
// socket inode ties the second to its path: its argv says nothing but fd://.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDaemon } from '../../src/daemons/resolve.js';
import { scanProcesses } from '../../src/node/probes/processes.js';

const ACTIVATE = '/usr/bin/systemd-socket-activate';
let dir = '';
const kids: ChildProcess[] = [];

async function waitFor(test: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for the test daemon');
}

// A fake daemon: node under the name "dockerd" (comm is the basename of the path exec'd), listening on the path
// it is given, or on fd 3 when started with LISTEN_FDS (sd_listen_fds' protocol).
// Node 24 names its main thread "MainThread" at start-up; a real daemon keeps its name, so give it back.
const SERVER = `
require('node:fs').writeFileSync('/proc/self/comm', 'dockerd');
const net = require('node:net');
const s = net.createServer(() => {});
if (process.env.LISTEN_FDS) s.listen({ fd: 3 }); else s.listen(process.argv.at(-1));
setTimeout(() => process.exit(0), 60000);
`;

function canConnect(to: { path: string } | { port: number; host: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(to as never, () => {
      c.destroy();
      resolve(true);
    });
    c.on('error', () => resolve(false));
  });
}

// buildkitd --addr tcp://127.0.0.1:PORT: the port comes back on stdout.
const TCP_SERVER = `
require('node:fs').writeFileSync('/proc/self/comm', 'buildkitd');
const s = require('node:net').createServer(() => {});
s.listen({ host: '127.0.0.1', port: 0 }, () => console.log(s.address().port));
setTimeout(() => process.exit(0), 60000);
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-sockets-'));
  symlinkSync(process.execPath, join(dir, 'dockerd'));
  symlinkSync(process.execPath, join(dir, 'buildkitd'));
});
afterAll(() => {
  for (const k of kids) k.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('scanProcesses: argv and listening sockets', () => {
  it('records argv and the socket a daemon bound itself; the resolver ties it by the socket', async () => {
    const sock = join(dir, 'self.sock');
    const k = spawn(join(dir, 'dockerd'), ['-e', SERVER, '--', '--host', `unix://${sock}`, sock], {
      stdio: 'ignore',
    });
    kids.push(k);
    // The path exists from bind(); the socket listens (and shows in /proc/net/unix as such) from listen().
    await waitFor(() => existsSync(sock) && canConnect({ path: sock }));
    const procs = await scanProcesses(undefined);
    const me = procs.find((p) => p.pid === k.pid)!;
    expect(me.name).toBe('dockerd');
    expect(me.argv).toEqual([join(dir, 'dockerd'), '-e', SERVER, '--', '--host', `unix://${sock}`, sock]);
    expect(me.sockets).toEqual([sock]);
    const tie = resolveDaemon({
      daemon: 'dockerd',
      address: `unix://${sock}`,
      processes: procs,
      files: {},
      defaults: { address: 'unix:///var/run/docker.sock' },
    });
    expect(tie?.process.pid).toBe(k.pid);
    expect(tie?.how).toBe('socket');
  });

  it.skipIf(!existsSync(ACTIVATE))(
    'a daemon on an inherited fd (systemd-socket-activate, -H fd://) is tied by the socket inode alone',
    async () => {
      const sock = join(dir, 'activated.sock');
      const k = spawn(ACTIVATE, ['-l', sock, join(dir, 'dockerd'), '-e', SERVER, '--', '-H', 'fd://'], {
        stdio: 'ignore',
      });
      kids.push(k);
      // systemd-socket-activate (like systemd) starts the daemon on the first connection.
      await waitFor(() => existsSync(sock));
      const knock = connect(sock);
      knock.on('error', () => {});
      await waitFor(async () => {
        const p = (await scanProcesses(undefined)).find((x) => x.pid === k.pid);
        return p?.name === 'dockerd' && (p.sockets?.length ?? 0) > 0;
      });
      const procs = await scanProcesses(undefined);
      const me = procs.find((p) => p.pid === k.pid)!;
      knock.destroy();
      expect(me.argv?.slice(-2)).toEqual(['-H', 'fd://']);
      expect(me.sockets).toEqual([sock]);
      const tie = resolveDaemon({
        daemon: 'dockerd',
        address: `unix://${sock}`,
        processes: procs,
        files: {},
        defaults: { address: 'unix:///var/run/docker.sock' },
      });
      expect(tie).toMatchObject({ how: 'socket', process: { pid: k.pid } });
      // The other fake daemon is not this one, whatever its argv.
      expect(
        resolveDaemon({
          daemon: 'dockerd',
          address: `unix://${join(dir, 'nobody.sock')}`,
          processes: procs,
          files: {},
          defaults: { address: 'unix:///var/run/docker.sock' },
        }),
      ).toBeNull();
    },
  );

  it('a buildkitd on tcp:// is tied by its listening TCP socket (/proc/PID/net/tcp inode), not by its argv', async () => {
    const k = spawn(join(dir, 'buildkitd'), ['-e', TCP_SERVER], { stdio: ['ignore', 'pipe', 'ignore'] });
    kids.push(k);
    const port = await new Promise<number>((resolve) =>
      k.stdout!.once('data', (d) => resolve(Number(String(d)))),
    );
    await waitFor(() => canConnect({ host: '127.0.0.1', port }));
    const procs = await scanProcesses(undefined);
    const me = procs.find((p) => p.pid === k.pid)!;
    expect(me.sockets).toContain(`tcp://127.0.0.1:${port}`);
    const tie = (address: string) =>
      resolveDaemon({
        daemon: 'buildkitd',
        address,
        processes: procs,
        files: {},
        defaults: { address: 'unix:///run/buildkit/buildkitd.sock' },
      });
    expect(tie(`tcp://127.0.0.1:${port}`)).toMatchObject({ how: 'socket', process: { pid: k.pid } });
    expect(tie(`tcp://localhost:${port}`)).toMatchObject({ how: 'socket', process: { pid: k.pid } });
    // Another port, or another host's address: not this process (loopback-only listener).
    expect(tie(`tcp://127.0.0.1:${port === 65535 ? 1 : port + 1}`)?.process.pid).not.toBe(k.pid);
    expect(tie(`tcp://10.1.2.3:${port}`)?.process.pid).not.toBe(k.pid);
  });
});
