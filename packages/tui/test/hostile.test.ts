// Hung and hostile environments: the doctor stays bounded and truthful.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBin, makeMachine, type RunResult, runCli } from './helpers.js';

describe('hostile environments', () => {
  it('a docker that floods its output: bounded time, no crash', async () => {
    const m = makeMachine();
    writeFileSync(join(m.bin, 'docker'), '#!/bin/sh\nexec /usr/bin/head -c 60000000 /dev/zero\n');
    chmodSync(join(m.bin, 'docker'), 0o755);
    const r = await runCli(['doctor', '--root', m.root, '--probes', 'commands', '--json'], { m });
    expect(r.ms).toBeLessThan(60_000); // bounded, not timed: a hang would take forever; how fast it is lives in pnpm bench
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('daemon-unreachable');
  });

  it('a docker that prints invalid JSON: says so', async () => {
    const m = makeMachine();
    fakeBin(m, 'docker', [
      { args: ['info', '--format', '{{json .}}'], stdout: 'Client: Docker Engine\n Context: default\n' },
      { args: ['version', '--format', '{{json .}}'], stdout: '{not json' },
    ]);
    const r = await runCli(['doctor', '--root', m.root, '--probes', 'commands', '--json'], { m });
    const f = JSON.parse(r.stdout).findings.find((x: { rule: string }) => x.rule === 'daemon-unreachable');
    expect(f.message).toMatch(/not JSON/);
  });

  it('a symlink in --root pointing outside it is not followed', async () => {
    const m = makeMachine();
    mkdirSync(join(m.root, 'etc/docker'), { recursive: true });
    const outside = join(m.dir, 'outside.json');
    writeFileSync(outside, '{"proxies": {"https-proxy": "http://leaked:3128"}}');
    symlinkSync(outside, join(m.root, 'etc/docker/daemon.json'));
    const r = await runCli(['doctor', '--root', m.root, '--capture', join(m.dir, 'c.json'), '--json'], { m });
    expect(r.code).not.toBe(2);
    const { readFileSync } = await import('node:fs');
    expect(
      JSON.parse(readFileSync(join(m.dir, 'c.json'), 'utf8')).files['/etc/docker/daemon.json'],
    ).toBeNull();
  });

  it('a directory where a file should be, and an empty daemon.json, are handled', async () => {
    const m = makeMachine();
    mkdirSync(join(m.root, 'etc/docker/daemon.json'), { recursive: true });
    mkdirSync(join(m.root, 'home/alice/.docker'), { recursive: true });
    writeFileSync(join(m.root, 'home/alice/.docker/config.json'), '');
    const r = await runCli(['doctor', '--root', m.root, '--json'], { m });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe('buildproxy.report/v1');
  });

  it('a FIFO where daemon.json should be: not opened for a blocking read, treated as absent', async () => {
    const m = makeMachine();
    mkdirSync(join(m.root, 'etc/docker'), { recursive: true });
    execFileSync('mkfifo', [join(m.root, 'etc/docker/daemon.json')]);
    const r = await runCli(['doctor', '--root', m.root, '--json'], { m, timeoutMs: 30_000 });
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(30_000); // bounded, not timed: a hang would take forever; how fast it is lives in pnpm bench
  });

  it('a wedged daemon socket that accepts and never answers: the doctor gives up at its timeout', async () => {
    const { createServer } = await import('node:net');
    const m = makeMachine();
    const sock = join(m.dir, 'wedged.sock');
    const held: import('node:net').Socket[] = [];
    const server = createServer((c) => held.push(c)); // accept, never answer
    await new Promise<void>((r) => server.listen(sock, r));
    try {
      const docker = '/usr/local/bin/docker';
      const { existsSync } = await import('node:fs');
      const real = existsSync(docker) ? docker : '/usr/bin/docker';
      symlinkSync(real, join(m.bin, 'docker'));
      const r = await runCli(['doctor', '--root', m.root, '--timeout', '1000', '--json'], {
        m,
        env: { DOCKER_HOST: `unix://${sock}` },
      });
      expect(r.ms).toBeLessThan(30_000); // bounded, not timed: a hang would take forever; how fast it is lives in pnpm bench
      expect(
        JSON.parse(r.stdout).findings.find((f: { rule: string }) => f.rule === 'daemon-unreachable').message,
      ).toMatch(/did not answer/);
    } finally {
      for (const c of held) c.destroy();
      server.close();
    }
  });
});

describe('hostile daemons behind the socket (the Engine API path)', () => {
  async function withDaemon(
    handler: Parameters<typeof createServer>[1],
    check: (r: RunResult) => void,
  ): Promise<void> {
    const m = makeMachine();
    symlinkSync(
      existsSync('/usr/local/bin/docker') ? '/usr/local/bin/docker' : '/usr/bin/docker',
      join(m.bin, 'docker'),
    );
    const sock = join(m.dir, 'docker.sock');
    const server = createServer(handler);
    await new Promise<void>((r) => server.listen(sock, r));
    try {
      check(
        await runCli(['doctor', '--root', m.root, '--timeout', '2000', '--json'], {
          m,
          env: { DOCKER_HOST: `unix://${sock}` },
        }),
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }
  const unreachable = (r: RunResult) =>
    JSON.parse(r.stdout).findings.find((f: { rule: string }) => f.rule === 'daemon-unreachable')?.message;

  it('answers something that is not JSON: says so, and where it came from', async () => {
    await withDaemon(
      (_q, res) => res.end('<html>nginx</html>'),
      (r) => expect(unreachable(r)).toMatch(/GET \/info on unix:.* with something that is not JSON/),
    );
  });

  it("answers an error status: the daemon's message", async () => {
    await withDaemon(
      (_q, res) => {
        res.writeHead(500);
        res.end('{"message":"write /var/lib/docker: no space left on device"}');
      },
      (r) => expect(unreachable(r)).toMatch(/Error response from daemon: write .*no space left on device/),
    );
  });

  it('floods its answer: cut at 2 MiB, bounded time, no crash', async () => {
    await withDaemon(
      (_q, res) => {
        const chunk = 'x'.repeat(65536);
        const pump = () => {
          while (res.write(chunk)) {
            // fill the socket buffer, then wait for drain
          }
          res.once('drain', pump);
        };
        pump();
      },
      (r) => {
        expect(r.ms).toBeLessThan(30_000); // bounded, not timed: a hang would take forever; how fast it is lives in pnpm bench
        expect(unreachable(r)).toMatch(/larger than 2 MiB/);
      },
    );
  });
});

describe('as a user who may not read a root-only file', () => {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  it.runIf(isRoot)('the doctor says the file is unreadable instead of treating it as empty', async () => {
    const { spawnSync } = await import('node:child_process');
    const { CLI } = await import('./helpers.js');
    const m = makeMachine();
    const dir = join(m.root, 'etc/systemd/system/docker.service.d');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'http-proxy.conf'),
      '[Service]\nEnvironmentFile=/etc/systemd/system/docker.service.d/http-proxy.env\n',
    );
    writeFileSync(join(dir, 'http-proxy.env'), 'HTTPS_PROXY=http://alice:secret@proxy:3128\n', {
      mode: 0o600,
    });
    for (const d of [
      m.dir,
      m.root,
      join(m.root, 'etc'),
      join(m.root, 'etc/systemd'),
      join(m.root, 'etc/systemd/system'),
      dir,
    ])
      chmodSync(d, 0o755);
    const r = spawnSync(
      '/usr/bin/setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        CLI,
        'doctor',
        '--root',
        m.root,
        '--json',
      ],
      {
        encoding: 'utf8',
        env: { PATH: m.bin, HOME: '/nonexistent' },
      },
    );
    const report = JSON.parse(r.stdout);
    const f = report.findings.find((x: { rule: string }) => x.rule === 'file-unreadable');
    expect(f.message).toContain(
      '/etc/systemd/system/docker.service.d/http-proxy.env exists but could not be read',
    );
  });
});
