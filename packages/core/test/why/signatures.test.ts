import { describe, expect, it } from 'vitest';
import { findRule } from '../../src/rules/index.js';
import { classifyError, readError, signatures } from '../../src/why/index.js';

// Real error texts from the reports in catalogue section K (and this project's own e2e runs).
const CASES: [string, string, string][] = [
  [
    'failed to solve with frontend dockerfile.v0: failed to build LLB: failed to load cache key: failed to do request: Head https://registry-1.docker.io/v2/library/alpine/manifests/latest: dial tcp 52.87.94.70:443: connect: connection refused',
    'builder',
    'builder-proxy-missing',
  ],
  [
    'ERROR [internal] load metadata for docker.io/library/alpine:latest\nfailed to solve: DeadlineExceeded: failed to do request: Head "https://registry-1.docker.io/v2/library/alpine/manifests/latest": dial tcp 3.94.224.37:443: i/o timeout',
    'builder',
    'builder-not-inherited',
  ],
  [
    'failed to authorize: failed to fetch oauth token: Post "https://auth.docker.io/token": read: connection reset by peer',
    'client',
    'client-token-proxy',
  ],
  [
    'failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=repository": dial tcp 1.2.3.4:443: i/o timeout',
    'client',
    'client-token-proxy',
  ],
  [
    "E: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease  Could not resolve 'deb.debian.org'",
    'run',
    'run-proxy-missing',
  ],
  ['ERROR: invalid value ".163.com", expecting k=v', 'builder', 'no-proxy-syntax'],
  [
    "fatal: unable to access 'https://github.com/moby/buildkit.git/': Failed to connect to github.com port 443 after 130 ms",
    'run',
    'run-proxy-missing',
  ],
  // the same git failure under a git build context: the outer prefix makes it the builder's
  [
    "ERROR: failed to fetch remote https://github.com/moby/buildkit.git: fatal: unable to access 'https://github.com/moby/buildkit.git/': Failed to connect to github.com port 443 after 130 ms",
    'builder',
    'git-context-proxy',
  ],
  [
    'Get "https://registry-1.docker.io/v2/": proxyconnect tcp: tls: first record does not look like a TLS handshake',
    'runtime',
    'https-proxy-scheme',
  ],
  [
    'Get https://registry-1.docker.io/v2/: proxyconnect tcp: net/http: TLS handshake timeout',
    'runtime',
    'https-proxy-scheme',
  ],
  [
    'Error response from daemon: Get https://registry-1.docker.io/v2/: proxyconnect tcp: dial tcp :0: connect: connection refused',
    'runtime',
    'proxy-url-invalid',
  ],
  [
    'docker.service: Failed to resolve specifiers, ignoring: https_proxy=http://user:abc%G4g@proxyhost:8080/',
    'runtime',
    'systemd-percent-escape',
  ],
  [
    'unexpected status from HEAD request to https://registry-1.docker.io/v2/library/alpine/manifests/3: 407 Proxy Authentication Required',
    '',
    'proxy-url-invalid',
  ],
  ['x509: certificate signed by unknown authority', '', 'tls-inspection-ca'],
  [
    'failed to do request: Head "https://auth.docker.io/token": x509: certificate signed by unknown authority',
    '',
    'tls-inspection-ca',
  ],
  [
    'curl: (60) SSL certificate problem: self-signed certificate in certificate chain',
    'run',
    'tls-inspection-ca',
  ],
  [
    'resolve image config for docker-image://docker.io/docker/dockerfile:1.4\nfailed to do request: Head "https://registry-1.docker.io/v2/docker/dockerfile/manifests/1.4": dial tcp 98.85.153.80:443: i/o timeout',
    'builder',
    'syntax-frontend-pull',
  ],
  ['ERROR: unsupported proxy configured: socks5://127.0.0.1:1089', 'run', 'all-proxy-only'],
  [
    "wget: can't connect to remote host: proxyconnect tcp: dial tcp 127.0.0.1:3128: connect: connection refused",
    'run',
    'loopback-proxy-unreachable',
  ],
  [
    'ERROR: host-gateway is not supported by the docker-container driver',
    'builder',
    'loopback-proxy-unreachable',
  ],
  [
    "unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don't match any configuration option: http-proxy, https-proxy",
    'runtime',
    'daemon-json-unsupported',
  ],
  [
    'the following directives are specified both as a flag and in the configuration file: http-proxy: (from flag: http://a, from file: http://b)',
    'runtime',
    'daemon-json-flag-conflict',
  ],
  [
    'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
    'runtime',
    'daemon-unreachable',
  ],
  // names no requester: the cause is read, the actor is not guessed, so no actor's rule either
  ['dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: no such host', '', ''],
  // This project's e2e, dockerd 20.10 behind the firewall:
  [
    'failed to solve with frontend dockerfile.v0: failed to create LLB definition: failed to do request: Head "http://registry.test:5000/v2/base/manifests/latest": dial tcp 127.0.0.2:5000: connect: connection refused',
    'builder',
    'builder-proxy-missing',
  ],
];

describe('buildproxy why: the error classifier', () => {
  it.each(CASES)('%s', (text, actor, rule) => {
    const r = readError(text);
    expect(r.recognised).toBe(true);
    expect(r.actor ?? '').toBe(actor);
    if (rule) expect(r.rules).toContain(rule);
    else expect(r.rules).toEqual([]);
  });

  it.each([
    'COPY failed: file not found in build context or excluded by .dockerignore: stat app.js: file does not exist',
    'npm ERR! Missing script: "build"',
    'executor failed running [/bin/sh -c make]: exit code: 2',
    'Successfully built 9d2f3a1b8c7e',
    '',
  ])('does not match an unrelated message: %j', (text) => {
    expect(classifyError(text)).toEqual([]);
  });

  it('every signature names real rules', () => {
    for (const s of signatures())
      for (const r of s.rules) expect(findRule(r), `${s.id} → ${r}`).toBeDefined();
  });
});

describe('signature examples (shown on the troubleshooting page)', () => {
  it.each(signatures().map((s) => [s.id, s] as const))('%s: its example is read as that cause', (id, s) => {
    expect(readError(s.example).cause).toBe(id);
  });
});
