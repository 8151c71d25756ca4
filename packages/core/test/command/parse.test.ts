// Build commands as users paste them: quoting, continuation lines, $VAR, sudo/env prefixes, chained commands,
// and the flag forms each tool's real parser takes.
import { describe, expect, it } from 'vitest';
import { composeBuildArgs } from '../../src/command/compose.js';
import { parseBuildCommand } from '../../src/command/parse.js';
import { CommandError, MAX_COMMAND, shellWords } from '../../src/command/tokenize.js';
import {
  buildctlAddress,
  parseBuildkitAddress,
  rootlessBuildkitSocket,
} from '../../src/daemons/buildkit-host.js';

const ENV = { HTTPS_PROXY: 'http://proxy.corp:3128', HTTP_PROXY: 'http://proxy.corp:3128' };

describe('parseBuildCommand: buildctl', () => {
  it('only --opt build-arg: values, $VAR from the shell, --addr before build', () => {
    const c = parseBuildCommand(
      `buildctl --addr unix:///run/user/1000/buildkit/buildkitd.sock build --frontend dockerfile.v0 \\
  --local context=. --local dockerfile=. \\
  --opt build-arg:HTTPS_PROXY=$HTTPS_PROXY --opt "build-arg:NO_PROXY=localhost,.corp" --opt=filename=Dockerfile`,
      ENV,
    );
    expect(c.tool).toBe('buildctl');
    expect(c.addr).toBe('unix:///run/user/1000/buildkit/buildkitd.sock');
    expect(c.buildArgs).toEqual([
      { name: 'HTTPS_PROXY', value: 'http://proxy.corp:3128', from: 'flag' },
      { name: 'NO_PROXY', value: 'localhost,.corp', from: 'flag' },
    ]);
    expect(c.mistakes).toEqual([]);
  });
  it('--build-arg and a value-less --opt build-arg: are mistakes, not build args', () => {
    const c = parseBuildCommand('buildctl build --build-arg HTTP_PROXY=x --opt build-arg:HTTPS_PROXY', ENV);
    expect(c.buildArgs).toEqual([]);
    expect(c.mistakes).toEqual([
      'buildctl takes --opt build-arg:HTTP_PROXY=x, not --build-arg HTTP_PROXY=x',
      'buildctl rejects --opt build-arg:HTTPS_PROXY without a value; write --opt build-arg:HTTPS_PROXY="$HTTPS_PROXY"',
    ]);
  });
  it('finds the build command behind cd &&, sudo -E, env and assignments; ignores a pipe after it', () => {
    const c = parseBuildCommand(
      "cd app && sudo -E env BUILDKIT_HOST=tcp://x:1234 /usr/local/bin/buildctl build --opt 'build-arg:HTTP_PROXY=http://a b' | tee log",
      ENV,
    );
    expect(c.tool).toBe('buildctl');
    expect(c.buildArgs).toEqual([{ name: 'HTTP_PROXY', value: 'http://a b', from: 'flag' }]);
  });
});

describe('parseBuildCommand: docker', () => {
  it('docker build: --build-arg NAME takes the shell value, --build-arg=NAME=V as given', () => {
    const c = parseBuildCommand(
      'docker build --build-arg HTTPS_PROXY --build-arg=NO_PROXY=.corp -t x .',
      ENV,
    );
    expect(c.tool).toBe('docker-build');
    expect(c.buildArgs).toEqual([
      { name: 'HTTPS_PROXY', value: 'http://proxy.corp:3128', from: 'environment' },
      { name: 'NO_PROXY', value: '.corp', from: 'flag' },
    ]);
    expect(parseBuildCommand('docker build --build-arg FTP_PROXY .', {}).buildArgs).toEqual([
      { name: 'FTP_PROXY', value: null, from: 'environment' },
    ]);
  });
  it('docker --context X image build, docker buildx --builder ci build, docker builder build', () => {
    const a = parseBuildCommand('docker --context remote image build .', {});
    expect([a.tool, a.context]).toEqual(['docker-build', 'remote']);
    const b = parseBuildCommand('docker buildx --builder ci build --opt build-arg:X=1 .', {});
    expect([b.tool, b.builder, b.mistakes]).toEqual([
      'buildx-build',
      'ci',
      ['docker build takes --build-arg X=1, not --opt build-arg:X=1'],
    ]);
    const c = parseBuildCommand('docker -H unix:///tmp/d.sock buildx build --builder=other .', {});
    expect([c.tool, c.builder, c.host]).toEqual(['buildx-build', 'other', 'unix:///tmp/d.sock']);
    expect(parseBuildCommand('docker builder build .', {}).tool).toBe('docker-build');
  });
  it('docker compose -f FILE build SERVICE --build-arg, and docker-compose', () => {
    const c = parseBuildCommand(
      'docker compose -f a.yml --file=b.yml build --build-arg HTTP_PROXY=x web',
      {},
    );
    expect(c).toMatchObject({ tool: 'compose-build', composeFiles: ['a.yml', 'b.yml'], services: ['web'] });
    expect(c.buildArgs).toEqual([{ name: 'HTTP_PROXY', value: 'x', from: 'flag' }]);
    expect(parseBuildCommand('docker-compose build', {}).tool).toBe('compose-build');
  });
  it.each([
    'ls -la',
    'docker run alpine',
    'buildctl debug workers',
    'docker buildx ls',
    '',
    '# buildctl build',
  ])('%j is no build command: an error naming the forms accepted', (t) => {
    expect(() => parseBuildCommand(t, {})).toThrow(CommandError);
    expect(() => parseBuildCommand(t, {})).toThrow(/--command "buildctl build/);
  });
  it('caps the input; hostile quoting does not hang', () => {
    expect(() => shellWords('x'.repeat(MAX_COMMAND + 1), {})).toThrow(/at most/);
    expect(() => parseBuildCommand(`docker build ${'"'.repeat(50_000)}`, {})).not.toThrow(RangeError);
    const w = shellWords(`buildctl build --opt 'build-arg:A=\\'"$x"' # comment $y`, {});
    expect(w).toEqual([['buildctl', 'build', '--opt', 'build-arg:A=\\$x']]);
  });
});

describe('BUILDKIT_HOST / --addr', () => {
  it.each([
    ['unix:///run/buildkit/buildkitd.sock', { kind: 'unix', path: '/run/buildkit/buildkitd.sock' }],
    ['tcp://10.0.0.5:1234', { kind: 'tcp', target: '10.0.0.5:1234' }],
    ['docker-container://buildx_buildkit_ci0', { kind: 'docker-container', target: 'buildx_buildkit_ci0' }],
    ['podman-container://bk', { kind: 'podman-container', target: 'bk' }],
    ['nerdctl-container://bk', { kind: 'nerdctl-container', target: 'bk' }],
    ['kube-pod://buildkitd-0?namespace=ci', { kind: 'kube-pod', target: 'buildkitd-0', namespace: 'ci' }],
    ['ssh://me@build-host', { kind: 'ssh', target: 'me@build-host' }],
    ['npipe:////./pipe/buildkitd', { kind: 'other' }],
    ['/run/buildkit/buildkitd.sock', { kind: 'other' }],
  ])('%s', (raw, want) => expect(parseBuildkitAddress(raw)).toMatchObject(want));
  it('--addr beats BUILDKIT_HOST beats the default, which is the same for every user', () => {
    expect(buildctlAddress({ BUILDKIT_HOST: 'tcp://a:1' }, 'tcp://b:2')).toMatchObject({ source: '--addr' });
    expect(buildctlAddress({ BUILDKIT_HOST: 'tcp://a:1' }, null).address.target).toBe('a:1');
    expect(buildctlAddress({ XDG_RUNTIME_DIR: '/run/user/1000' }, null)).toMatchObject({
      source: 'default',
      address: { path: '/run/buildkit/buildkitd.sock' },
    });
    expect(rootlessBuildkitSocket('/run/user/1000/', 1000)).toBe('/run/user/1000/buildkit/buildkitd.sock');
    expect(rootlessBuildkitSocket(undefined, 1000)).toBe('/run/user/1000/buildkit/buildkitd.sock');
    expect(rootlessBuildkitSocket(undefined, 0)).toBeNull();
  });
});

describe('composeBuildArgs', () => {
  it('map and list forms, braced and bare variables with defaults, $$, and NAME alone from the shell', () => {
    const text = `services:
  web:
    build:
      context: .
      args:
        HTTP_PROXY: \${HTTP_PROXY}
        NO_PROXY: "\${NO_PROXY:-localhost}"
        PRICE: "$$5"
        HTTPS_PROXY:
  api:
    build:
      context: ./api
      args:
        - HTTPS_PROXY=$HTTPS_PROXY
        - FTP_PROXY
  db:
    image: postgres
  short:
    build: ./short
`;
    expect(composeBuildArgs(text, ENV)).toEqual([
      {
        service: 'web',
        args: [
          { name: 'HTTP_PROXY', value: 'http://proxy.corp:3128' },
          { name: 'NO_PROXY', value: 'localhost' },
          { name: 'PRICE', value: '$5' },
          { name: 'HTTPS_PROXY', value: 'http://proxy.corp:3128' },
        ],
      },
      {
        service: 'api',
        args: [
          { name: 'HTTPS_PROXY', value: 'http://proxy.corp:3128' },
          { name: 'FTP_PROXY', value: null },
        ],
      },
    ]);
  });
  it('duplicate keys, alias bombs and huge files are errors, not guesses', () => {
    expect(() => composeBuildArgs('services:\n  a: {}\n  a: {}\n', {})).toThrow();
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from(
      { length: 12 },
      (_, i) =>
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
    ).join('\n')}\n`;
    expect(() => composeBuildArgs(bomb, {})).toThrow();
    expect(() => composeBuildArgs('#'.repeat(1024 * 1024 + 1), {})).toThrow(/larger than/);
    expect(composeBuildArgs('services:\n  a:\n    build:\n      args: {X: {toString: 0}}\n', {})).toEqual([
      { service: 'a', args: [] },
    ]);
  });
});
