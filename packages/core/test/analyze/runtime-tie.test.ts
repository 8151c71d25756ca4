// The right dockerd: the one DOCKER_HOST reaches, tied by the daemon resolver; another dockerd's environment is
// never used. And daemon.json edited without a restart (file has proxies, docker info has other or none).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/state.js';
import type { ProcessInfo } from '../../src/evidence/schema.js';
import { GOOD_DAEMON_JSON, GOOD_DOCKER, PROXY, variant } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { buildReport } from '../../src/report.js';

const OTHER = 'http://other-proxy.example:8080';

describe('which dockerd is the runtime', () => {
  const second: ProcessInfo = {
    name: 'dockerd',
    pid: 2000,
    env: { HTTPS_PROXY: OTHER, NO_PROXY: 'a b' },
    argv: ['/opt/dockerd', '--host', 'unix:///srv/d2.sock'],
    sockets: ['/srv/d2.sock'],
  };
  it('DOCKER_HOST names the second dockerd: its process is the runtime, tied by its socket', () => {
    const ev = synthesize(GOOD_DOCKER);
    ev.processes.push(second);
    ev.env = { ...ev.env, DOCKER_HOST: 'unix:///srv/d2.sock' }; // synth shares the spec's env object
    const s = analyze(ev);
    expect(s.dockerdTie).toMatchObject({ how: 'socket', process: { pid: 2000 } });
    expect(s.dockerdEnv?.pid).toBe(2000);
    expect(s.layers.find((l) => l.id === 'dockerd-process')?.label).toBe('dockerd (pid 2000) environment');
  });
  it('the default socket is the first one (docker.socket, -H fd://), whatever else runs', () => {
    const ev = synthesize(GOOD_DOCKER);
    ev.processes.push(second);
    const s = analyze(ev);
    expect(s.dockerdTie).toMatchObject({ how: 'socket', process: { pid: 812 } });
  });
  it('nothing tied (DOCKER_HOST at a socket no process holds): the environment is unknown, never borrowed', () => {
    const ev = synthesize(variant(GOOD_DOCKER, { docker: { engine: '26.1.5', daemon: 'down' } }));
    ev.processes.push(second);
    ev.env = { ...ev.env, DOCKER_HOST: 'unix:///srv/none.sock' };
    const s = analyze(ev);
    expect(s.dockerdTie).toBeNull();
    expect(s.dockerdEnv).toBeNull();
    expect(s.layers.find((l) => l.id === 'dockerd-process')).toBeUndefined();
    expect(JSON.stringify(s.actors.runtime.proxy)).not.toContain('other-proxy');
  });
  it('-H fd:// without readable fds (a non-root doctor): the pidfile ties the default daemon', () => {
    const ev = synthesize(GOOD_DOCKER);
    delete ev.processes[0]!.sockets;
    ev.files['/var/run/docker.pid'] = '812\n';
    expect(analyze(ev).dockerdTie).toMatchObject({ how: 'pidfile', process: { pid: 812 } });
    delete ev.files['/var/run/docker.pid'];
    expect(analyze(ev).dockerdTie).toBeNull();
  });
  it('a bundle captured before processes had argv keeps its one dockerd', () => {
    const ev = synthesize(GOOD_DOCKER);
    delete ev.processes[0]!.sockets;
    delete ev.processes[0]!.argv;
    expect(analyze(ev).dockerdEnv?.pid).toBe(812);
  });
});

describe('daemon.json edited, dockerd not restarted', () => {
  it('Engine 26: daemon.json has proxies, docker info has none: builder-config-stale says restart dockerd', () => {
    const ev = synthesize(GOOD_DAEMON_JSON);
    const info = ev.commands.find((c) => c.argv.join(' ') === 'docker info --format {{json .}}')!;
    const j = JSON.parse(info.stdout);
    for (const k of ['HttpProxy', 'HttpsProxy', 'NoProxy']) j[k] = '';
    info.stdout = JSON.stringify(j);
    const f = buildReport(ev).report.findings.filter((x) => x.rule === 'builder-config-stale');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/daemon\.json sets .*https-proxy=http:\/\/proxy\.corp\.example:3128/);
    expect(f[0]!.message).toMatch(/restart dockerd/);
  });
  it('docker info masks credentials: the same proxy with a password is not stale', () => {
    const ev = synthesize(GOOD_DAEMON_JSON);
    expect(buildReport(ev).report.findings.map((x) => x.rule)).not.toContain('builder-config-stale');
    expect(PROXY).toBe('http://proxy.corp.example:3128');
  });
});
