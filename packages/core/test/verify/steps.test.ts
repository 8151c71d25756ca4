// verify's pure half: the image reference (digest only, as docker normalises it) and the build command it
// runs for each builder the doctor can find (docker build, buildx with the chosen builder, buildctl).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/state.js';
import { parseBuildCommand } from '../../src/command/parse.js';
import { fixtures, synthesize } from '../../src/machines/index.js';
import {
  buildArgv,
  buildRoute,
  DEFAULT_VERIFY_IMAGE,
  ImageRefError,
  parseDigestRef,
  registryUrl,
  verifyDockerfile,
} from '../../src/verify/index.js';

const D = 'sha256:73aaf090f3d85aa34ee199857f03fa3a95c8ede2ffd4cc2cdb5b94e566b11662';

describe('parseDigestRef', () => {
  it.each([
    [`busybox@${D}`, 'docker.io/library/busybox', 'registry-1.docker.io', 'library/busybox'],
    [
      `index.docker.io/library/busybox@${D}`,
      'docker.io/library/busybox',
      'registry-1.docker.io',
      'library/busybox',
    ],
    [`alice/tool:1.2@${D}`, 'docker.io/alice/tool', 'registry-1.docker.io', 'alice/tool'],
    [`registry.test:5000/base:latest@${D}`, 'registry.test:5000/base', 'registry.test:5000', 'base'],
    [`localhost/team/app@${D}`, 'localhost/team/app', 'localhost', 'team/app'],
    [`r.example/a__b/c--d/e.f_g@${D}`, 'r.example/a__b/c--d/e.f_g', 'r.example', 'a__b/c--d/e.f_g'],
  ])('%s', (input, name, api, repo) => {
    const r = parseDigestRef(input);
    expect(r.ref).toBe(`${name}@${D}`); // a tag given with the digest is dropped: nothing is tagged
    expect(r.apiHost).toBe(api);
    expect(r.repository).toBe(repo);
  });

  it('the default image parses and is docker.io busybox by digest', () => {
    expect(parseDigestRef(DEFAULT_VERIFY_IMAGE).ref).toBe(DEFAULT_VERIFY_IMAGE);
  });

  it.each([
    ['busybox:1.36', /no digest/],
    ['busybox@sha256:abc', /not a sha256 digest/],
    [`Busybox@${D}`, /not a valid image name/],
    [`registry.test:5000/@${D}`, /not a valid image name/],
    [`a..b@${D}`, /not a valid image name/],
    [`a_-b@${D}`, /not a valid image name/],
    [`a___b@${D}`, /not a valid image name/],
    [`a-@${D}`, /not a valid image name/],
    [`${'a'.repeat(600)}@${D}`, /longer than 512/],
    [`bad host!/x@${D}`, /not a valid image name|not a registry/],
  ])('refuses %s', (input, msg) => {
    expect(() => parseDigestRef(input)).toThrow(ImageRefError);
    expect(() => parseDigestRef(input)).toThrow(msg);
  });
});

const image = parseDigestRef(`registry.test:5000/base@${D}`);

function stateWith(spec: Parameters<typeof synthesize>[0], command?: string) {
  const ev = synthesize(spec);
  if (command) ev.buildCommand = { text: command, cwd: '/home/alice/app' };
  return analyze(ev);
}

describe('buildRoute: the builder the user build command reaches', () => {
  it('docker driver: docker build, the image lands in dockerd (removed by id)', () => {
    const r = buildRoute(stateWith(fixtures.GOOD_DOCKER))!;
    expect(r.tool).toBe('docker-build');
    expect(r.prefix).toEqual(['docker', 'build']);
    expect(r.loadsImage).toBe(true);
  });

  it('a docker-container builder chosen with buildx use: docker buildx build --builder NAME, nothing loaded', () => {
    const r = buildRoute(stateWith(fixtures.GOOD_CONTAINER))!;
    expect(r.tool).toBe('buildx-build');
    expect(r.prefix).toEqual(['docker', 'buildx', 'build', '--builder', 'proxied']);
    expect(r.loadsImage).toBe(false);
  });

  it('--command docker --context x buildx build --builder ci with proxy build args: exactly those, as named', () => {
    const s = stateWith(
      fixtures.REFERENCE_MACHINE,
      'docker --context x buildx build --builder ci --build-arg http_proxy=http://p:3128 --build-arg FOO=1 .',
    );
    const r = buildRoute(s)!;
    expect(r.prefix).toEqual(['docker', '--context', 'x', 'buildx', 'build', '--builder', 'ci']);
    expect(r.buildArgs).toEqual([['http_proxy', 'http://p:3128']]);
    const argv = buildArgv(r, 'run', '/ctx', '/ctx.iid', 'http://registry.test:5000/v2/');
    expect(argv).toEqual([
      ...r.prefix,
      '--pull',
      '--no-cache',
      '--iidfile',
      '/ctx.iid',
      '--build-arg',
      'http_proxy=http://p:3128',
      '--build-arg',
      'BUILDPROXY_VERIFY_URL=http://registry.test:5000/v2/',
      '/ctx',
    ]);
    expect(argv).not.toContain('--push');
    expect(argv).not.toContain('-t');
  });

  it('buildctl with --addr and --opt build-arg: buildctl build, image-resolve-mode=pull, no output', () => {
    const s = stateWith(
      { ...fixtures.GOOD_DOCKER, buildkitd: { env: {} } },
      'buildctl --addr tcp://bk:1234 build --frontend dockerfile.v0 --opt build-arg:HTTPS_PROXY=http://p:3128',
    );
    const r = buildRoute(s)!;
    expect(r.tool).toBe('buildctl');
    const argv = buildArgv(r, 'builder', '/c', '/c.iid', 'u');
    expect(argv.slice(0, 4)).toEqual(['buildctl', '--addr', 'tcp://bk:1234', 'build']);
    expect(argv).toContain('image-resolve-mode=pull');
    expect(argv.join(' ')).not.toMatch(/--output|push/);
    // the builder step passes no build args; the run step passes the command's proxy and the URL
    expect(argv.join(' ')).not.toContain('build-arg:');
    expect(buildArgv(r, 'run', '/c', '/c.iid', 'u')).toContain('build-arg:HTTPS_PROXY=http://p:3128');
  });

  it('no docker and no buildkitd: no builder (the build steps are skipped, not faked)', () => {
    expect(buildRoute(stateWith({ docker: false }))).toBeNull();
  });

  it('parses the same commands the doctor accepts', () => {
    expect(() => parseBuildCommand('docker build .', {})).not.toThrow();
  });
});

describe('the Dockerfiles', () => {
  it('builder: two lines, FROM by digest and a LABEL with the nonce', () => {
    const f = verifyDockerfile('builder', image, 'n0nce');
    expect(f.trim().split('\n')).toEqual([
      `FROM registry.test:5000/base@${D}`,
      'LABEL io.buildproxy.verify="n0nce"',
    ]);
  });

  it('run: the fetch passes on 2xx and 401 only, and prints the tool error for why', () => {
    const f = verifyDockerfile('run', image, 'n0nce');
    expect(f).toContain('ARG BUILDPROXY_VERIFY_URL');
    expect(f).toMatch(/HTTP\/1\.1 401/);
    expect(f).toMatch(/2\?\?\|401/);
    expect(f.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('registryUrl: https unless the registry speaks plain HTTP', () => {
    expect(registryUrl(image, false)).toBe('https://registry.test:5000/v2/');
    expect(registryUrl(image, true)).toBe('http://registry.test:5000/v2/');
  });
});

describe('redactKeeping', () => {
  it('keeps a registry-with-port digest reference readable and still hides a proxy password', async () => {
    const { redactKeeping } = await import('../../src/verify/index.js');
    const ref = `registry.test:5000/base@${D}`;
    const text = `docker pull ${ref} via http://bob:hunter2@proxy:3128`;
    const out = redactKeeping(text, [ref]);
    expect(out).toContain(ref);
    expect(out).not.toContain('hunter2');
  });
});
