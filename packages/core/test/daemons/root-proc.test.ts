// The wizard under --root DIR reads every absolute path under DIR, /proc too (capture's hostProc: false): a staged
// tree without a proc/ of its own has no running daemons and no listeners. Before, the capture fell back to this
// host's /proc and adopted a real daemon's proxy (another test's dockerd, here a fake one with a canary proxy in its
// environment) into the staged machine. The doctor keeps the fallback (hostProc default true): the e2e suite runs it
// on staged trees beside real daemons and names them by pid.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEvidence } from '../../src/node/probes/capture.js';
import { readHostNet } from '../../src/node/probes/host-net.js';
import { scanProcesses } from '../../src/node/probes/processes.js';

const CANARY = 'http://host-proc-canary.example:3128';
// node named "dockerd" (comm), with the canary proxy in its environment, until the test ends
const DAEMON = `require('node:fs').writeFileSync('/proc/self/comm', 'dockerd'); setTimeout(() => {}, 60000);`;

let dir = '';
let kid: ChildProcess | null = null;
let server: Server | null = null;
let port = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bp-root-proc-'));
  symlinkSync(process.execPath, join(dir, 'dockerd'));
  kid = spawn(join(dir, 'dockerd'), ['-e', DAEMON], {
    stdio: 'ignore',
    env: { PATH: '/usr/bin:/bin', HTTPS_PROXY: CANARY },
  });
  server = createServer();
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  // the fake daemon is up once this host's /proc shows it by its name
  for (let i = 0; i < 200; i++) {
    if ((await scanProcesses(undefined)).some((p) => p.pid === kid!.pid && p.name === 'dockerd')) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the fake dockerd never showed in /proc');
});
afterAll(() => {
  kid?.kill('SIGKILL');
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function stagedRoot(name: string): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'etc'), { recursive: true });
  return root;
}

describe.runIf(process.platform === 'linux')(
  'hostProc: false reads only the root tree, /proc included',
  () => {
    it('this host: the fake dockerd and its proxy are seen (the check can fail)', async () => {
      const me = (await scanProcesses(undefined)).find((p) => p.pid === kid!.pid);
      expect(me?.env?.HTTPS_PROXY).toBe(CANARY);
      expect((await readHostNet(undefined))?.listeners).toContainEqual({ addr: '127.0.0.1', port });
    });

    it('a root without proc/: no processes, no listeners, nothing of this host', async () => {
      const root = stagedRoot('no-proc');
      expect(await scanProcesses(root, false)).toEqual([]);
      expect(await readHostNet(root, false)).toBeNull();
      // the doctor's default: this host's, as before
      expect((await scanProcesses(root)).some((p) => p.pid === kid!.pid)).toBe(true);
    });

    it("a root with its own proc/: that tree's daemons only", async () => {
      const root = stagedRoot('own-proc');
      mkdirSync(join(root, 'proc/4242'), { recursive: true });
      writeFileSync(join(root, 'proc/4242/comm'), 'dockerd\n');
      writeFileSync(join(root, 'proc/4242/environ'), 'HTTPS_PROXY=http://staged.example:3128\0');
      const procs = await scanProcesses(root, false);
      expect(procs.map((p) => [p.pid, p.env?.HTTPS_PROXY])).toEqual([[4242, 'http://staged.example:3128']]);
    });

    it("the whole capture under --root: the host daemon's proxy is nowhere in the evidence", async () => {
      const root = stagedRoot('capture');
      const ev = await captureEvidence({
        root,
        hostProc: false,
        timeoutMs: 2000,
        env: { PATH: join(dir, 'no-such-bin'), HOME: '/home/alice' },
      });
      expect(ev.processes).toEqual([]);
      expect(JSON.stringify(ev)).not.toContain('host-proc-canary');
      expect(ev.net ?? null).toBeNull(); // no listeners: the host's (with this test's port) are not the tree's
    });
  },
);
