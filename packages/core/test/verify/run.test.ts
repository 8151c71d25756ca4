// verify's node half against fake docker/buildctl executables on PATH (temp dirs): what it runs, what it reads
// from a failure (real error texts from public issues), what it removes, and that a wedged tool cannot hold it.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/state.js';
import { fixtures, synthesize } from '../../src/machines/index.js';
import { runVerify } from '../../src/node/verify/run.js';
import type { TokenResult } from '../../src/node/verify/token.js';
import { parseDigestRef, verifyDockerfile } from '../../src/verify/index.js';

const D = 'sha256:73aaf090f3d85aa34ee199857f03fa3a95c8ede2ffd4cc2cdb5b94e566b11662';
const IID = `sha256:${'b'.repeat(64)}`;
const image = parseDigestRef(`registry.test:5000/base@${D}`);
const okToken = async (): Promise<TokenResult> => ({ ok: true, detail: 'token', via: null, timedOut: false });

let dir: string;
let bin: string;
let tmp: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-verify-test-'));
  bin = join(dir, 'bin');
  tmp = join(dir, 'tmp');
  execFileSync('mkdir', ['-p', bin, tmp]);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A fake docker: logs each argv line to $dir/log; `image inspect` answers from $dir/images (one ref per line);
 * `pull` adds the ref; `build` writes --iidfile and adds the id; `image rm` removes. BEHAVIOUR picks failures.
 */
function fakeDocker(behaviour: Record<string, string> = {}) {
  const script = `#!/bin/sh
echo "$*" >> "${dir}/log"
touch "${dir}/images"
case "$*" in
  *"image inspect"*) for a; do last=$a; done; grep -qxF "$last" "${dir}/images" && { echo "$last"; exit 0; }; echo "Error: No such image: $last" >&2; exit 1 ;;
  *"image rm"*) for a; do last=$a; done; grep -vxF "$last" "${dir}/images" > "${dir}/images.new"; mv "${dir}/images.new" "${dir}/images"; echo "Deleted: $last"; exit 0 ;;
  *" pull "*|"pull "*) ${behaviour.pull ?? 'for a; do last=$a; done; grep -qxF "$last" "' + dir + '/images" || echo "$last" >> "' + dir + '/images"; exit 0'} ;;
  *build*) ${behaviour.build ?? `prev=""; for a; do [ "$prev" = --iidfile ] && echo "${IID}" > "$a"; prev=$a; done; echo "${IID}" >> "${dir}/images"; exit 0`} ;;
esac
exit 0
`;
  writeFileSync(join(bin, 'docker'), script);
  chmodSync(join(bin, 'docker'), 0o755);
}

const log = () => readFileSync(join(dir, 'log'), 'utf8').trim().split('\n');
const images = () => readFileSync(join(dir, 'images'), 'utf8').trim().split('\n').filter(Boolean);
const env = () => ({ PATH: `${bin}:/usr/bin:/bin` });
const state = (spec = fixtures.GOOD_DOCKER) => analyze(synthesize(spec));

const verify = (over: Partial<Parameters<typeof runVerify>[0]> = {}) =>
  runVerify({
    state: state(),
    image,
    url: 'http://registry.test:5000/v2/',
    plainHttp: true,
    steps: ['client', 'runtime', 'builder', 'run'],
    timeoutMs: 10_000,
    env: env(),
    token: okToken,
    tmp,
    ...over,
  });

describe('runVerify with a fake docker', () => {
  it('all steps pass; it removes the base image and the built image it added, and tags and pushes nothing', async () => {
    fakeDocker();
    const r = await verify();
    expect(r.steps.map((s) => [s.step, s.status])).toEqual([
      ['client', 'ok'],
      ['runtime', 'ok'],
      ['builder', 'ok'],
      ['run', 'ok'],
    ]);
    expect(r.ok).toBe(true);
    expect(r.cleanup.removed).toEqual([IID, image.ref]);
    expect(images()).toEqual([]);
    const calls = log();
    expect(calls.some((c) => /\b(tag|push)\b/.test(c))).toBe(false);
    expect(calls).toContain(`pull ${image.ref}`);
    const builds = calls.filter((c) => c.startsWith('build '));
    expect(builds).toHaveLength(2);
    for (const b of builds) expect(b).toMatch(/^build --pull --no-cache --iidfile /);
    expect(builds[1]).toContain('--build-arg BUILDPROXY_VERIFY_URL=http://registry.test:5000/v2/');
    expect(readdirSync(tmp)).toEqual([]); // the private build context is gone
  });

  it('an image that was there before is left exactly as it was', async () => {
    fakeDocker();
    writeFileSync(join(dir, 'images'), `${image.ref}\n`);
    const r = await verify({ steps: ['runtime'] });
    expect(r.cleanup.kept).toEqual([image.ref]);
    expect(r.cleanup.removed).toEqual([]);
    expect(images()).toEqual([image.ref]);
    expect(log().some((c) => c.startsWith('image rm'))).toBe(false);
  });

  it('a failed pull is read by why: runtime, the proxy is unreachable, with its rules', async () => {
    // https://github.com/docker/for-win/issues/9400 (title)
    const real =
      'Error response from daemon: Get https://registry-1.docker.io/v2/: proxyconnect tcp: dial tcp 127.0.0.1:8080: connect: connection refused';
    fakeDocker({ pull: `echo '${real}' >&2; exit 1` });
    const r = await verify({ steps: ['runtime'] });
    const s = r.steps[0]!;
    expect(s.status).toBe('failed');
    expect(s.actor).toBe('runtime');
    expect(s.reading?.cause).toBe('proxy-unreachable');
    expect(s.reading?.explanation).toContain('127.0.0.1:8080');
    expect(s.detail).toContain('proxyconnect tcp');
    expect(r.ok).toBe(false);
  });

  it('a client token request that went direct maps to client-token-proxy', async () => {
    // https://github.com/docker/desktop-feedback/issues/28 (the buildx client fetches the token itself)
    const real =
      'failed to fetch oauth token: Post "https://auth.docker.io/token": dial tcp 104.244.43.136:443: i/o timeout';
    const token = async (): Promise<TokenResult> => ({ ok: false, detail: real, via: null, timedOut: false });
    const r = await verify({ steps: ['client'], token });
    expect(r.steps[0]!.actor).toBe('client');
    expect(r.steps[0]!.reading?.rules).toEqual(['client-token-proxy']);
  });

  it('a builder failure that reads like dockerd is still the builder (verify knows who asked)', async () => {
    // https://github.com/docker/for-win/issues/9400: the same words, seen in a build's base-image resolve
    const real =
      'ERROR: failed to solve: registry.test:5000/base: failed to do request: Head "https://registry.test:5000/v2/base/manifests/latest": proxyconnect tcp: dial tcp 127.0.0.1:8080: connect: connection refused';
    fakeDocker({ build: `echo '${real}' >&2; exit 1` });
    const r = await verify({ steps: ['builder'] });
    expect(r.steps[0]!.actor).toBe('builder');
    expect(r.steps[0]!.reading?.cause).toBe('proxy-unreachable');
  });

  it('a RUN step refused by the proxy with 407 reads as proxy-auth for RUN steps', async () => {
    fakeDocker({
      build: `case "$*" in *BUILDPROXY_VERIFY_URL*) echo '#6 0.412 wget: server returned error: HTTP/1.1 407 Proxy Authentication Required' >&2; exit 1;; esac; exit 0`,
    });
    const r = await verify({ steps: ['run'] });
    expect(r.steps[0]!.actor).toBe('run');
    expect(r.steps[0]!.reading?.cause).toBe('proxy-auth');
  });

  it('a wedged docker: each step stops at its timeout and verify still returns', async () => {
    fakeDocker({ pull: 'sleep 600', build: 'sleep 600' });
    const t0 = Date.now();
    const r = await verify({ steps: ['runtime', 'builder'], timeoutMs: 300 });
    expect(r.steps.map((s) => s.status)).toEqual(['timeout', 'timeout']);
    expect(r.ok).toBe(false);
    expect(Date.now() - t0).toBeLessThan(60_000); // bounded, with room for a loaded machine
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('a docker that is not there: the docker steps fail with the reason, nothing hangs', async () => {
    const r = await verify({ steps: ['runtime'], env: { PATH: bin } });
    expect(r.steps[0]!.status).toBe('failed');
  });

  it('no builder anywhere: the build steps are skipped with the reason', async () => {
    const r = await verify({ state: state({ docker: false }), steps: ['builder', 'run'] });
    expect(r.steps.map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(r.steps[0]!.detail).toMatch(/no builder/);
    expect(r.ok).toBe(true);
  });

  it('credentials in the command build args are masked in what verify reports', async () => {
    fakeDocker();
    const ev = synthesize(fixtures.GOOD_DOCKER);
    ev.buildCommand = {
      text: 'docker build --build-arg HTTPS_PROXY=http://bob:s3cr%65t@p:3128 .',
      cwd: '/w',
    };
    const r = await verify({ state: analyze(ev), steps: ['run'] });
    expect(JSON.stringify(r)).not.toMatch(/s3cr/);
    expect(log().join('\n')).toContain('HTTPS_PROXY=http://bob:s3cr%65t@p:3128'); // the build itself gets it
  });
});

describe('runVerify with a fake buildctl', () => {
  it('a standalone buildkitd: buildctl build with image-resolve-mode=pull; no docker is touched', async () => {
    writeFileSync(join(bin, 'buildctl'), `#!/bin/sh\necho "buildctl $*" >> "${dir}/log"\nexit 0\n`);
    chmodSync(join(bin, 'buildctl'), 0o755);
    const ev = synthesize({ ...fixtures.GOOD_DOCKER, docker: false, buildkitd: { env: {} } });
    const r = await verify({ state: analyze(ev), steps: ['builder', 'run'] });
    expect(r.builder).toBe('buildctl build');
    expect(r.steps.map((s) => s.status)).toEqual(['ok', 'ok']);
    const calls = log();
    expect(calls).toHaveLength(2);
    for (const c of calls)
      expect(c).toMatch(/^buildctl build --frontend dockerfile.v0 .*image-resolve-mode=pull/);
    expect(calls[1]).toContain('build-arg:BUILDPROXY_VERIFY_URL=');
  });

  it('a wedged buildctl is stopped at the step timeout', async () => {
    writeFileSync(join(bin, 'buildctl'), '#!/bin/sh\nsleep 600\n');
    chmodSync(join(bin, 'buildctl'), 0o755);
    const ev = synthesize({ ...fixtures.GOOD_DOCKER, docker: false, buildkitd: { env: {} } });
    const r = await verify({ state: analyze(ev), steps: ['builder'], timeoutMs: 300 });
    expect(r.steps[0]!.status).toBe('timeout');
  });
});

describe('the RUN step script, in a real /bin/sh with fake wget and curl', () => {
  const runLine = () =>
    verifyDockerfile('run', image, 'n')
      .split('\n')
      .find((l) => l.startsWith('RUN '))!
      .slice(4);
  const sh = (tool: 'wget' | 'curl', body: string) => {
    for (const t of ['wget', 'curl']) rmSync(join(bin, t), { force: true });
    writeFileSync(join(bin, tool), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, tool), 0o755);
    try {
      const out = execFileSync('/bin/sh', ['-c', runLine()], {
        env: { PATH: bin, BUILDPROXY_VERIFY_URL: 'http://r/v2/' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { code: 0, out };
    } catch (e) {
      const x = e as { status: number; stdout: string };
      return { code: x.status, out: x.stdout };
    }
  };
  it.each([
    ['wget', 'exit 0', 0],
    ['wget', 'echo "wget: server returned error: HTTP/1.1 401 Unauthorized" >&2; exit 1', 0],
    ['wget', 'echo "wget: server returned error: HTTP/1.1 407 Proxy Authentication Required" >&2; exit 1', 1],
    ['wget', 'echo "wget: can\'t connect to remote host (127.0.0.1): Connection refused" >&2; exit 1', 1],
    ['curl', 'printf 200', 0],
    ['curl', 'printf 401', 0],
    ['curl', 'printf 403', 1],
    ['curl', 'echo "curl: (56) CONNECT tunnel failed, response 407" >&2; printf 000; exit 56', 1],
  ] as const)('%s: %s → exit %d', (tool, body, code) => {
    const r = sh(tool, body);
    expect(r.code).toBe(code);
    if (code === 1 && tool === 'wget') expect(r.out).toMatch(/wget:/); // the tool's words reach the log
  });
});

describe('real dockerd texts seen in test/e2e/network.e2e.ts', () => {
  it('dockerd 20.10 through a Basic-auth squid without credentials: read as proxy-auth', async () => {
    fakeDocker({
      pull: `echo 'Error response from daemon: error parsing HTTP 407 response body: invalid character '"'"'<'"'"' looking for beginning of value: "<!DOCTYPE html PUBLIC \\"-//W3C//DTD HTML 4.01//EN\\">"' >&2; exit 1`,
    });
    const r = await verify({ steps: ['runtime'] });
    expect(r.steps[0]!.reading?.cause).toBe('proxy-auth');
  });
});
