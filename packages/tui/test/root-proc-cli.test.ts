// Every command that takes --root reads processes only from DIR/proc (core's capture, one rule): the built CLI's
// doctor, its --capture and plan, with a live dockerd on this host that the CLI's DOCKER_HOST names and a canary
// proxy in its environment. Without DIR/proc that daemon is nowhere in the output, and the report says what was not
// captured; with a hand-made DIR/proc, the tree's own dockerd on the same socket is the one read.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMachine, runCli } from './helpers.js';

const CANARY = 'http://root-proc-cli-canary.example:3128';
const m = makeMachine();
const sock = join(m.dir, 'docker.sock');
const env = { DOCKER_HOST: `unix://${sock}` };
let kid: ChildProcess | null = null;

beforeAll(async () => {
  // node named "dockerd", listening on the socket DOCKER_HOST names: the CLI's daemon, as far as this host shows
  symlinkSync(process.execPath, join(m.dir, 'dockerd'));
  const daemon = `require('node:fs').writeFileSync('/proc/self/comm', 'dockerd');
    require('node:net').createServer().listen(${JSON.stringify(sock)});`;
  kid = spawn(join(m.dir, 'dockerd'), ['-e', daemon], {
    stdio: 'ignore',
    env: { PATH: '/usr/bin:/bin', HTTPS_PROXY: CANARY, HTTP_PROXY: CANARY },
  });
  for (let i = 0; i < 200; i++) {
    try {
      if (readFileSync(`/proc/${kid.pid}/comm`, 'utf8').trim() === 'dockerd' && statSync(sock).isSocket())
        return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the canary dockerd never listened');
});
afterAll(() => {
  kid?.kill('SIGKILL');
});

describe.runIf(process.platform === 'linux')('--root reads only the tree, /proc included', () => {
  it('this host without --root: the live dockerd and its canary proxy are read (so the checks below can fail)', async () => {
    const r = await runCli(['doctor', '--json'], { m, env });
    const runtime = JSON.parse(r.stdout).actors.runtime;
    expect(runtime.httpsProxy).toEqual({ value: CANARY, source: `dockerd (pid ${kid!.pid})` });
  });

  it('a tree without proc/: doctor, --capture and plan say "not captured" and never show the host daemon', async () => {
    rmSync(join(m.root, 'proc'), { recursive: true, force: true });
    const json = await runCli(['doctor', '--root', m.root, '--json'], { m, env });
    const report = JSON.parse(json.stdout);
    expect(report.actors.runtime.httpsProxy).toBeNull();
    expect(report.notCaptured.map((n: { part: string }) => n.part)).toEqual(['processes', 'net']);

    const capture = join(m.dir, 'capture.json');
    const text = await runCli(['doctor', '--root', m.root, '--no-color', '--capture', capture], { m, env });
    expect(text.stdout).toContain(
      "Not captured: the running daemons (their environment, command lines and sockets) and the listening TCP ports: the --root tree has no /proc, and this host's is never read in its place",
    );
    const bundle = JSON.parse(readFileSync(capture, 'utf8'));
    expect(bundle.processes).toEqual([]);
    expect(bundle.notCaptured).toEqual([
      { part: 'processes', missing: '/proc' },
      { part: 'net', missing: '/proc/net/tcp' },
    ]);

    const plan = await runCli(['plan', '--root', m.root, '--proxy', 'http://proxy.corp:3128'], { m, env });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stderr).toMatch(/^Not captured: the running daemons .*has no \/proc/m);
    const planJson = await runCli(['plan', '--root', m.root, '--proxy', 'http://proxy.corp:3128', '--json'], {
      m,
      env,
    });
    for (const out of [json, text, plan, planJson]) {
      expect(out.stdout + out.stderr).not.toContain('root-proc-cli-canary');
      expect(out.stdout + out.stderr).not.toContain(`pid ${kid!.pid}`);
    }
    expect(readFileSync(capture, 'utf8')).not.toContain('root-proc-cli-canary');
  });

  it("a tree with a hand-made proc/: its dockerd on the same socket is the one read, the host's never", async () => {
    const p = join(m.root, 'proc/4242');
    mkdirSync(join(p, 'fd'), { recursive: true });
    mkdirSync(join(p, 'net'));
    writeFileSync(join(p, 'comm'), 'dockerd\n');
    writeFileSync(join(p, 'environ'), 'HTTPS_PROXY=http://staged.example:3128\0');
    writeFileSync(join(p, 'cmdline'), `dockerd\0-H\0unix://${sock}\0`);
    symlinkSync('socket:[777]', join(p, 'fd/3'));
    writeFileSync(
      join(p, 'net/unix'),
      `Num       RefCount Protocol Flags    Type St Inode Path\n0000000000000000: 00000002 00000000 00010000 0001 01 777 ${sock}\n`,
    );
    const r = await runCli(['doctor', '--root', m.root, '--json'], { m, env });
    const report = JSON.parse(r.stdout);
    expect(report.actors.runtime.httpsProxy).toEqual({
      value: 'http://staged.example:3128',
      source: 'dockerd (pid 4242)',
    });
    // the tree's proc has no net/tcp: only the listeners are not captured
    expect(report.notCaptured.map((n: { part: string }) => n.part)).toEqual(['net']);
    expect(r.stdout).not.toContain('root-proc-cli-canary');
  });
});
