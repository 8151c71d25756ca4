// Under --root DIR every absolute path is read under DIR, /proc too, for every command (doctor, plan, the wizard,
// --capture): one rule in core's capture. A tree without a proc/ of its own has its processes and listeners "not
// captured" (said in the bundle and the report), never this host's. Before, the capture fell back to this host's
// /proc and adopted a real daemon's proxy (another test's dockerd; here a live child process named dockerd with a
// canary proxy in its environment) into the staged machine. A tree with a proc/ (hand-made here; a bind mount of
// the live /proc in the e2e suite) is read, and only through paths that stay inside the tree.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvidence } from '../../src/evidence/validate.js';
import { captureEvidence } from '../../src/node/probes/capture.js';
import { readHostNet } from '../../src/node/probes/host-net.js';
import { procDir, scanProcesses } from '../../src/node/probes/processes.js';
import { buildReport, notCapturedLines } from '../../src/report.js';

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

/** A hand-made /proc/PID in the tree: comm, environ, cmdline, and optionally one listening unix socket. */
function stagedProcess(root: string, pid: number, files: Record<string, string>): void {
  const p = join(root, 'proc', String(pid));
  mkdirSync(p, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(p, name), content);
}

const capture = (root: string) =>
  captureEvidence({ root, timeoutMs: 2000, env: { PATH: join(dir, 'no-such-bin'), HOME: '/home/alice' } });

describe.runIf(process.platform === 'linux')('under --root, processes come only from DIR/proc', () => {
  it('this host: the fake dockerd, its proxy and the listener are seen (the checks below can fail)', async () => {
    const me = (await scanProcesses(undefined)).find((p) => p.pid === kid!.pid);
    expect(me?.env?.HTTPS_PROXY).toBe(CANARY);
    expect((await readHostNet(undefined))?.listeners).toContainEqual({ addr: '127.0.0.1', port });
  });

  it('a root without proc/: no processes, no listeners, nothing of this host', async () => {
    const root = stagedRoot('no-proc');
    expect(procDir(root)).toBeNull();
    expect(await scanProcesses(root)).toEqual([]);
    expect(await readHostNet(root)).toBeNull();
  });

  it('the whole capture of a root without proc/: the host daemon is nowhere; both parts are "not captured"', async () => {
    const ev = await capture(stagedRoot('capture'));
    expect(ev.processes).toEqual([]);
    expect(ev.net).toBeUndefined(); // the host's listeners (this test's port among them) are not the tree's
    expect(JSON.stringify(ev)).not.toContain('host-proc-canary');
    expect(JSON.stringify(ev)).not.toContain(`"pid":${kid!.pid}`);
    expect(ev.notCaptured).toEqual([
      { part: 'processes', missing: '/proc' },
      { part: 'net', missing: '/proc/net/tcp' },
    ]);
    // the bundle keeps it through a --capture round trip, and the report says it to people and to --json
    const replayed = parseEvidence(JSON.parse(JSON.stringify(ev)));
    expect(replayed.notCaptured).toEqual(ev.notCaptured);
    const { report } = buildReport(replayed);
    expect(report.notCaptured?.map((n) => n.message)).toEqual([
      "the running daemons (their environment, command lines and sockets): the --root tree has no /proc, and this host's is never read in its place",
      "the listening TCP ports: the --root tree has no /proc/net/tcp, and this host's is never read in its place",
    ]);
    // for people, one line per missing path: /proc/net/tcp is said with /proc
    expect(notCapturedLines(replayed.notCaptured!)).toEqual([
      "the running daemons (their environment, command lines and sockets) and the listening TCP ports: the --root tree has no /proc, and this host's is never read in its place",
    ]);
    expect(notCapturedLines([{ part: 'net', missing: '/proc/net/tcp' }])).toEqual([
      "the listening TCP ports: the --root tree has no /proc/net/tcp, and this host's is never read in its place",
    ]);
  });

  it('without --root nothing is "not captured"', async () => {
    const ev = await captureEvidence({
      timeoutMs: 2000,
      env: { PATH: join(dir, 'no-such-bin'), HOME: '/x' },
    });
    expect(ev.notCaptured).toBeUndefined();
    expect(ev.processes.some((p) => p.pid === kid!.pid)).toBe(true);
  });

  it("a root with a hand-made proc/: that tree's daemon, its environment, argv and socket; no host's", async () => {
    const root = stagedRoot('own-proc');
    stagedProcess(root, 4242, {
      comm: 'dockerd\n',
      environ: 'HTTPS_PROXY=http://staged.example:3128\0PATH=/usr/bin\0',
      cmdline: 'dockerd\0-H\0unix:///run/staged.sock\0',
    });
    // one listening unix socket: fd 3 is socket:[777], and the tree's net/unix names inode 777
    mkdirSync(join(root, 'proc/4242/fd'));
    symlinkSync('socket:[777]', join(root, 'proc/4242/fd/3'));
    mkdirSync(join(root, 'proc/4242/net'));
    writeFileSync(
      join(root, 'proc/4242/net/unix'),
      'Num       RefCount Protocol Flags    Type St Inode Path\n' +
        '0000000000000000: 00000002 00000000 00010000 0001 01 777 /run/staged.sock\n',
    );
    stagedProcess(root, 99, { comm: 'bash\n', environ: 'HTTPS_PROXY=http://not-a-daemon.example\0' });
    const procs = await scanProcesses(root);
    expect(procs).toEqual([
      {
        name: 'dockerd',
        pid: 4242,
        env: { HTTPS_PROXY: 'http://staged.example:3128' },
        argv: ['dockerd', '-H', 'unix:///run/staged.sock'],
        sockets: ['/run/staged.sock'],
      },
    ]);
    const ev = await capture(root);
    expect(ev.processes.map((p) => p.pid)).toEqual([4242]);
    expect(JSON.stringify(ev)).not.toContain('host-proc-canary');
    // a proc without net/tcp: the processes were captured, the listeners were not
    expect(ev.notCaptured).toEqual([{ part: 'net', missing: '/proc/net/tcp' }]);
  });

  it('a hand-made proc/net/tcp is the listeners read', async () => {
    const root = stagedRoot('own-net');
    mkdirSync(join(root, 'proc/net'), { recursive: true });
    writeFileSync(
      join(root, 'proc/net/tcp'),
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n' +
        '   0: 0100007F:0C38 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4711 1 0 100 0 0 10 0\n',
    );
    const ev = await capture(root);
    expect(ev.net?.listeners).toEqual([{ addr: '127.0.0.1', port: 3128 }]);
    expect(ev.net?.listeners).not.toContainEqual({ addr: '127.0.0.1', port });
    expect(ev.notCaptured).toBeUndefined();
  });

  it("symlinks out of the tree are not the tree's: proc/ -> /proc, proc/PID -> /proc/PID, proc/PID/environ", async () => {
    const linked = stagedRoot('proc-link');
    symlinkSync('/proc', join(linked, 'proc'));
    expect(procDir(linked)).toBeNull();
    expect(await scanProcesses(linked)).toEqual([]);
    expect(await readHostNet(linked)).toBeNull();
    expect((await capture(linked)).notCaptured?.map((n) => n.part)).toEqual(['processes', 'net']);

    const pidLink = stagedRoot('pid-link');
    mkdirSync(join(pidLink, 'proc'));
    symlinkSync(`/proc/${kid!.pid}`, join(pidLink, 'proc', String(kid!.pid)));
    expect(await scanProcesses(pidLink)).toEqual([]);

    const fileLink = stagedRoot('file-link');
    stagedProcess(fileLink, 7, { comm: 'dockerd\n' });
    symlinkSync(`/proc/${kid!.pid}/environ`, join(fileLink, 'proc/7/environ'));
    symlinkSync(`/proc/${kid!.pid}/cmdline`, join(fileLink, 'proc/7/cmdline'));
    const [seven] = await scanProcesses(fileLink);
    expect(seven).toMatchObject({ pid: 7, env: null });
    expect(seven?.argv).toBeUndefined();
    expect(JSON.stringify(await capture(fileLink))).not.toContain('host-proc-canary');
  });

  it('a FIFO where comm or environ should be does not block the scan', async () => {
    const root = stagedRoot('fifo');
    stagedProcess(root, 5, { comm: 'dockerd\n' });
    mkdirSync(join(root, 'proc/6'));
    const made = [
      spawnSync('mkfifo', [join(root, 'proc/5/environ')]).status,
      spawnSync('mkfifo', [join(root, 'proc/6/comm')]).status,
    ];
    if (made.some((s) => s !== 0)) return; // no mkfifo here: nothing to check
    expect(await scanProcesses(root)).toEqual([{ name: 'dockerd', pid: 5, env: null }]);
  });
});
