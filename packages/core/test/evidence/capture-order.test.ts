// How the capture schedules its probes, by order and count (never by a clock): the daemon's requests are on the
// wire before the synchronous part of the capture (file reads, the /proc scan) starts, both requests are in
// flight at once, and every command of the first round runs at the same time as the others. A real HTTP server on
// a unix socket plays the daemon; the commands are a fake runner that records when each starts.
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
});
