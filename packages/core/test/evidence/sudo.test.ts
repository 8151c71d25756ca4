// The sudo user's environment, read back from the sudo process: /proc/PID/stat and status parsed as the kernel
// writes them (a name may hold spaces and ")"), and the walk up the parents trusts only a process named sudo
// with the user's real uid and effective uid 0 (what the setuid sudo binary is, and no user can fake).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { droppedBySudo, parseProcStat, parseProcUids } from '../../src/evidence/sudo.js';
import { MAX_ENVIRON, sudoEnvironment } from '../../src/node/probes/invoker.js';

describe('/proc parsing', () => {
  it('reads the name and parent from stat, even with ") " inside the name', () => {
    expect(parseProcStat('4242 (sudo) S 4200 4242 4200 34816 4242 4194560 120 0')).toEqual({
      comm: 'sudo',
      ppid: 4200,
    });
    expect(parseProcStat('77 (evil) S 1 (x) R 5) S 66 77 66 0')).toEqual({
      comm: 'evil) S 1 (x) R 5',
      ppid: 66,
    });
    expect(parseProcStat('garbage')).toBeNull();
    expect(parseProcStat('1 (x) S notanumber')).toBeNull();
  });

  it('reads the real and effective uid from status', () => {
    const status =
      'Name:\tsudo\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t1003\t0\t0\t0\nGid:\t1003\t1003\t1003\t1003\n';
    expect(parseProcUids(status)).toEqual({ real: 1003, effective: 0 });
    expect(parseProcUids('Name:\tx\n')).toBeNull();
  });

  it('names the proxy variables, either case, that the user had and sudo did not pass on', () => {
    expect(
      droppedBySudo(
        {
          HTTPS_PROXY: 'http://p:3128',
          no_proxy: 'localhost',
          http_proxy: '',
          Https_Proxy: 'x',
          PATH: '/bin',
        },
        { PATH: '/usr/bin', no_proxy: 'localhost' },
      ),
    ).toEqual(['HTTPS_PROXY']);
    expect(droppedBySudo({}, {})).toEqual([]);
  });
});

describe('the walk up to the sudo process', () => {
  let proc = '';
  afterEach(() => rmSync(proc, { recursive: true, force: true }));

  function fakeProc(
    procs: { pid: number; comm: string; ppid: number; uids: [number, number]; environ?: string }[],
  ) {
    proc = mkdtempSync(join(tmpdir(), 'buildproxy-proc-'));
    for (const p of procs) {
      const d = join(proc, String(p.pid));
      mkdirSync(d);
      writeFileSync(join(d, 'stat'), `${p.pid} (${p.comm}) S ${p.ppid} 1 1 0 -1 0`);
      writeFileSync(join(d, 'status'), `Name:\t${p.comm}\nUid:\t${p.uids[0]}\t${p.uids[1]}\t0\t0\n`);
      if (p.environ !== undefined) writeFileSync(join(d, 'environ'), p.environ);
    }
    return proc;
  }

  it('finds the sudo monitor and its parent alike (use_pty), through a shell wrapper', () => {
    const p = fakeProc([
      { pid: 30, comm: 'sh', ppid: 20, uids: [0, 0] },
      {
        pid: 20,
        comm: 'sudo',
        ppid: 10,
        uids: [1003, 0],
        environ: 'HTTPS_PROXY=http://p:3128\0HOME=/home/a\0',
      },
      { pid: 10, comm: 'bash', ppid: 1, uids: [1003, 1003] },
    ]);
    expect(sudoEnvironment(1003, p, 30)).toEqual({ env: { HTTPS_PROXY: 'http://p:3128', HOME: '/home/a' } });
  });

  it('trusts no process that only calls itself sudo: another uid, or not effective root', () => {
    const p = fakeProc([
      { pid: 30, comm: 'sudo', ppid: 20, uids: [1003, 1003], environ: 'HTTPS_PROXY=http://fake:1\0' },
      { pid: 20, comm: 'sudo', ppid: 10, uids: [1004, 0], environ: 'HTTPS_PROXY=http://other:1\0' },
      { pid: 10, comm: 'bash', ppid: 1, uids: [1003, 1003] },
    ]);
    const r = sudoEnvironment(1003, p, 30);
    expect('problem' in r && r.problem).toMatch(/no sudo process run by uid 1003/);
  });

  it('an environment larger than ARG_MAX allows is refused, not read whole', () => {
    const p = fakeProc([
      { pid: 20, comm: 'sudo', ppid: 1, uids: [1003, 0], environ: 'A='.padEnd(MAX_ENVIRON + 10, 'x') },
    ]);
    const r = sudoEnvironment(1003, p, 20);
    expect('problem' in r && r.problem).toMatch(/larger than 2 MiB/);
  });

  it('a parent that cannot be read ends the walk with the reason', () => {
    const p = fakeProc([]);
    const r = sudoEnvironment(1003, p, 99);
    expect('problem' in r && r.problem).toMatch(/process 99 could not be read/);
  });
});
