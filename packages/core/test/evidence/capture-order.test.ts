// How the capture schedules its probes, by order and count (never by a clock): the daemon's requests are on the
// wire before the synchronous part of the capture (file reads, the /proc scan) starts, both requests are in
// flight at once, and every command of the first round (podman's, buildah's and the contexts' too) runs at the
// same time as the others, started before that synchronous part. A probe that needs one answer waits for that
// one only. A real HTTP server on a unix socket plays the daemon; the commands are a fake runner that records
// when each starts.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CommandResult } from '../../src/evidence/schema.js';
import { captureEvidence } from '../../src/node/probes/capture.js';
import type { Exec } from '../../src/node/probes/exec.js';

const events = vi.hoisted(() => [] as string[]);

// Observe the two points the order is about: a request handed to the OS, and the start of the /proc scan.
vi.mock('../../src/node/probes/engine-api.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/node/probes/engine-api.js')>();
  return {
    ...m,
    engineGet: (sock: string, path: string, ms: number, sent?: () => void) =>
      m.engineGet(sock, path, ms, () => {
        events.push(`sent ${path}`);
        sent?.();
      }),
  };
});
vi.mock('../../src/node/probes/processes.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/node/probes/processes.js')>();
  return {
    ...m,
    scanProcesses: (root: string | undefined) => {
      events.push('scan /proc');
      return m.scanProcesses(root);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'bp-capture-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('captureEvidence schedules its probes', () => {
  it('asks the daemon before its synchronous reads, and runs the first round of commands together', async () => {
    const root = join(dir, 'root');
    mkdirSync(join(root, 'proc'), { recursive: true });
    mkdirSync(join(root, 'run/systemd/system'), { recursive: true }); // systemd-booted: systemctl is asked
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'docker'), '#!/bin/sh\nexit 1\n'); // a docker CLI on PATH; never run here
    chmodSync(join(bin, 'docker'), 0o755);

    // The daemon holds each answer until both requests have arrived: they can only both arrive if both are in
    // flight together. (A fallback timer keeps a regression from hanging the test; it then fails below.)
    const sock = join(dir, 'docker.sock');
    const held: { path: string; res: ServerResponse }[] = [];
    let together = false;
    const answer = () => {
      for (const h of held.splice(0))
        h.res.end(
          h.path === '/info'
            ? JSON.stringify({ ServerVersion: '26.1.5' })
            : JSON.stringify({ Version: '26.1.5' }),
        );
    };
    const server = createServer((req, res) => {
      held.push({ path: req.url ?? '', res });
      if (held.length === 2) {
        together = true;
        answer();
      }
    });
    await new Promise<void>((r) => server.listen(sock, r));
    const fallback = setTimeout(answer, 5000);

    // Every command started before the event loop turns is in flight with the others; none finishes before then.
    let inFlight = 0;
    let most = 0;
    let gate: Promise<void> | null = null;
    const exec: Exec = async (argv) => {
      events.push(`run ${argv.slice(0, 2).join(' ')}`);
      most = Math.max(most, ++inFlight);
      gate ??= new Promise<void>((r) => setImmediate(r));
      await gate;
      inFlight--;
      return { argv: [...argv], durationMs: 0, exitCode: 1, stdout: '', stderr: '', timedOut: false };
    };

    try {
      const ev = await captureEvidence({
        env: { PATH: bin, HOME: '/home/alice', DOCKER_HOST: `unix://${sock}` },
        root,
        exec,
        timeoutMs: 10_000,
      });
      const info = ev.commands.find(
        (c: CommandResult) => c.argv.join(' ') === 'docker info --format {{json .}}',
      );
      expect(info).toMatchObject({ exitCode: 0, via: `GET /info on unix://${sock}` });
      expect(together, 'both Engine API requests in flight at once').toBe(true);

      const scan = events.indexOf('scan /proc');
      expect(scan).toBeGreaterThan(-1);
      // both requests on the wire before the scan (and the file reads that run with it)
      expect(events.slice(0, scan)).toEqual(expect.arrayContaining(['sent /version', 'sent /info']));
      // the first round's commands: systemctl for each unit, buildctl twice; all of them at once
      const firstRound = events.slice(0, scan).filter((e) => e.startsWith('run '));
      expect(firstRound).toEqual(
        expect.arrayContaining(['run systemctl show', 'run buildctl --version', 'run buildctl debug']),
      );
      expect(most).toBe(firstRound.length);
    } finally {
      clearTimeout(fallback);
      server.close();
    }
  });

  it('--probes commands: every command of the first round at once, before the file reads; the slowest first', async () => {
    events.length = 0;
    const root = join(dir, 'root-commands');
    mkdirSync(join(root, 'proc'), { recursive: true });
    const bin = join(dir, 'bin-commands');
    mkdirSync(bin);
    for (const tool of ['docker', 'dockerd', 'podman', 'buildah']) {
      writeFileSync(join(bin, tool), '#!/bin/sh\nexit 1\n'); // on PATH; never run here
      chmodSync(join(bin, tool), 0o755);
    }
    // podman info answers only once dockerd --version has started: dockerd --version waits for docker info (the
    // daemon is down), not for the whole first round. (A fallback timer keeps a regression from hanging the test.)
    let dockerdStarted!: () => void;
    const dockerd = new Promise<void>((r) => {
      dockerdStarted = r;
    });
    const fallback = setTimeout(dockerdStarted, 5000);
    let podmanInfoDone = false;
    let dockerdBeforePodmanInfo = false;
    let inFlight = 0;
    let most = 0;
    let gate: Promise<void> | null = null;
    const exec: Exec = async (argv) => {
      events.push(`run ${argv.slice(0, 2).join(' ')}`);
      if (argv[0] === 'dockerd') {
        dockerdBeforePodmanInfo = !podmanInfoDone;
        dockerdStarted();
      }
      most = Math.max(most, ++inFlight);
      gate ??= new Promise<void>((r) => setImmediate(r));
      await gate;
      if (argv[0] === 'podman' && argv[1] === 'info') {
        await dockerd;
        podmanInfoDone = true;
      }
      inFlight--;
      return { argv: [...argv], durationMs: 0, exitCode: 1, stdout: '', stderr: '', timedOut: false };
    };
    try {
      const ev = await captureEvidence({
        env: { PATH: bin, HOME: '/home/alice' },
        root,
        exec,
        probes: 'commands',
        timeoutMs: 10_000,
      });
      const scan = events.indexOf('scan /proc');
      expect(scan).toBeGreaterThan(-1);
      // dockerd --version is not of the first round: it follows docker info's answer
      const firstRound = events
        .slice(0, scan)
        .filter((e) => e.startsWith('run ') && e !== 'run dockerd --version');
      expect(firstRound).toEqual(
        expect.arrayContaining([
          'run docker version',
          'run docker info',
          'run docker buildx',
          'run systemctl show',
          'run podman version',
          'run podman info',
          'run podman system',
          'run podman machine',
          'run buildah version',
          'run buildah info',
          'run docker context',
        ]),
      );
      // all in flight together: none waited for another to finish
      expect(most).toBe(firstRound.length);
      // podman info (~300 ms on Debian: a dpkg lookup per helper) starts right after the daemon's two commands
      expect(firstRound.indexOf('run podman info')).toBeLessThan(firstRound.indexOf('run docker buildx'));
      // every command the capture ran, but dockerd --version, was in that first round
      expect(ev.commands.filter((c) => c.argv[0] !== 'dockerd').length).toBe(firstRound.length);
      expect(events).toContain('run dockerd --version');
      expect(dockerdBeforePodmanInfo, 'dockerd --version started while podman info ran').toBe(true);
    } finally {
      clearTimeout(fallback);
    }
  });
});
