// The capture reads a daemon's TCP table (/proc/PID/net/tcp, tcp6) only when an address it will tie to a daemon is
// tcp:// (DOCKER_HOST, BUILDKIT_HOST, buildctl's --addr): reading it makes the kernel walk its whole connection hash
// (~3.5 ms of CPU on a 24 GiB machine, on every doctor). Which files were opened is recorded, not timed.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { needsTcpListeners } from '../../src/daemons/tcp-address.js';
import { captureEvidence } from '../../src/node/probes/capture.js';
import type { Exec } from '../../src/node/probes/exec.js';

const opened = vi.hoisted(() => [] as string[]);
vi.mock('../../src/node/probes/proc-read.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/node/probes/proc-read.js')>();
  return {
    ...m,
    readProcSync: (
      path: string,
      ...rest: Parameters<typeof m.readProcSync> extends [string, ...infer R] ? R : never
    ) => {
      opened.push(path);
      return m.readProcSync(path, ...rest);
    },
  };
});

const tree = mkdtempSync(join(tmpdir(), 'bp-capture-tcp-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

// A buildkitd listening on 127.0.0.1:3128 (inode 4242) in its own namespace's table, after which come 50
// connections; no unix socket.
const p = join(tree, 'proc/4100');
mkdirSync(join(p, 'fd'), { recursive: true });
mkdirSync(join(p, 'net'));
mkdirSync(join(p, 'ns'));
writeFileSync(join(p, 'comm'), 'buildkitd\n');
writeFileSync(join(p, 'environ'), 'HTTPS_PROXY=http://proxy.corp.example:3128\0');
writeFileSync(join(p, 'cmdline'), 'buildkitd\0--addr\0tcp://127.0.0.1:3128\0');
symlinkSync('socket:[4242]', join(p, 'fd/3'));
symlinkSync('net:[4026531840]', join(p, 'ns/net'));
writeFileSync(join(p, 'net/unix'), 'Num       RefCount Protocol Flags    Type St Inode Path\n');
const row = (i: number, st: string, inode: number) =>
  `  ${i}: 0100007F:0C38 00000000:0000 ${st} 00000000:00000000 00:00000000 00000000     0        0 ${inode} 1 0000000000000000 100 0 0 10 0\n`;
writeFileSync(
  join(p, 'net/tcp'),
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n' +
    row(0, '0A', 4242) +
    Array.from({ length: 50 }, (_, i) => row(i + 1, '01', 5000 + i)).join(''),
);
writeFileSync(join(p, 'net/sockstat6'), 'TCP6: inuse 0\n');

const exec: Exec = async (argv) => ({
  argv: [...argv],
  durationMs: 0,
  exitCode: 1,
  stdout: '',
  stderr: '',
  timedOut: false,
});
const capture = (env: Record<string, string>, buildkitAddr?: string) =>
  captureEvidence({
    root: tree,
    env: { PATH: '/nonexistent', HOME: '/home/alice', ...env },
    exec,
    buildkitAddr,
  });
const tcpReads = () => opened.filter((f) => /\/proc\/4100\/net\/tcp/.test(f));

describe("a daemon's TCP table is read only for a tcp:// address", () => {
  beforeEach(() => {
    opened.length = 0;
  });

  it('with no tcp:// address: its unix sockets only, and its TCP table never opened', async () => {
    const ev = await capture({ BUILDKIT_HOST: 'unix:///run/buildkit/buildkitd.sock' });
    expect(ev.processes).toMatchObject([{ name: 'buildkitd', pid: 4100, sockets: [] }]);
    expect(opened).toContain(join(p, 'net/unix')); // the scan did look at this daemon
    expect(tcpReads()).toEqual([]);
  });

  it.each([
    ['BUILDKIT_HOST', { BUILDKIT_HOST: 'tcp://127.0.0.1:3128' }, undefined],
    ['DOCKER_HOST', { DOCKER_HOST: 'TCP://10.0.0.5:2375' }, undefined],
    ["buildctl's --addr", {}, 'tcp://localhost:3128'],
  ] as const)('with a tcp:// %s: the listener is recorded', async (_name, env, addr) => {
    const ev = await capture({ ...env }, addr);
    expect(ev.processes).toMatchObject([{ name: 'buildkitd', sockets: ['tcp://127.0.0.1:3128'] }]);
    expect(tcpReads()).toEqual([join(p, 'net/tcp')]); // tcp6 not: sockstat6 counts no TCP6 socket
  });

  it('knows a tcp:// address from every other kind', () => {
    expect(needsTcpListeners(['tcp://h:1'])).toBe(true);
    expect(needsTcpListeners([' tcp://[::1]:2375/ '])).toBe(true);
    expect(needsTcpListeners([null, undefined, 'unix:///run/docker.sock', 'ssh://u@h', 'tcp://h:1'])).toBe(
      true,
    );
    for (const a of [
      'unix:///run/docker.sock',
      'ssh://me@host',
      'docker-container://b',
      'tcp://no-port',
      'tcp:/x:1',
      '',
    ])
      expect(needsTcpListeners([a]), a).toBe(false);
    expect(needsTcpListeners([null, undefined])).toBe(false);
  });
});
