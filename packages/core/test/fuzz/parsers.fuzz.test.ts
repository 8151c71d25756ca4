// Every parser and generator against arbitrary input: no uncaught exception, and every rejection is a clear
// message. FUZZ_RUNS=10000 for a nightly-size run; CI uses fewer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDaemonJson } from '../../src/analyze/daemon-config.js';
import { analyze } from '../../src/analyze/state.js';
import { buildkitdAddrs, dockerdHosts, filesToRead, unixPath } from '../../src/daemons/argv.js';
import { parseUnixTable, socketInode } from '../../src/daemons/unix-sockets.js';
import { buildxNeedsCli, cliPluginDirs, localDaemonSocket } from '../../src/evidence/endpoint.js';
import { EvidenceFormatError } from '../../src/evidence/schema.js';
import { droppedBySudo, parseProcStat, parseProcUids } from '../../src/evidence/sudo.js';
import { parseEvidence } from '../../src/evidence/validate.js';
import {
  parseBuildxInstance,
  parseBuildxVersion,
  parsePluginVersion,
} from '../../src/formats/docker-output.js';
import { parseStrictJson } from '../../src/formats/json-file.js';
import { bridgeAddress, parseFibLocal, parseTcpListeners } from '../../src/formats/proc-net.js';
import { parseSystemctlShow } from '../../src/formats/systemctl.js';
import {
  environmentFromAssignments,
  parseEnvironmentFile,
  parseUnitFile,
} from '../../src/formats/systemd.js';
import { DROP_IN, GOOD_DOCKER, variant } from '../../src/machines/fixtures.js';
import { synthesize } from '../../src/machines/synth.js';
import { parseCmdline, parseEnviron } from '../../src/node/probes/processes.js';
import { makePlan, PlanError } from '../../src/plan/index.js';
import { PlanFormatError } from '../../src/plan/types.js';
import { parsePlan } from '../../src/plan/validate.js';
import { goQuote } from '../../src/proxy/go-url.js';
import { curlNoProxyMatch } from '../../src/proxy/no-proxy-curl.js';
import { goBypass, goConfigFromEnv, goProxyForUrl, goProxyTarget } from '../../src/proxy/no-proxy-go.js';
import { maskText, redactAll } from '../../src/proxy/redact.js';
import { parseProxyUrl } from '../../src/proxy/url.js';
import { buildReport } from '../../src/report.js';
import { classifyError, MAX_ERROR_TEXT, readError } from '../../src/why/index.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const opts = { numRuns: RUNS };

// Strings biased towards the syntax each parser cares about.
const urlish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .tuple(
      fc.constantFrom('', 'http://', 'https://', 'socks5://', 'ftp://', '"', ' '),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('', '@', ':', '#', '%', '/'),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('', ':3128', ':', ':99999', ':abc'),
    )
    .map((p) => p.join('')),
);
const unitText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '[Service]',
        '[Unit]',
        'Environment=',
        'EnvironmentFile=-',
        '\\',
        '"',
        "'",
        '%',
        '%%',
        '#',
        ';',
        '=',
        ' ',
        '\n',
        'HTTP_PROXY=',
        'A=b c',
      ),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 40 },
  )
  .map((a) => a.join(''));
const jsonish = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 60 }),
  fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1))),
);

describe(`fuzz (${RUNS} cases each)`, () => {
  it('docker endpoint, buildx decision and buildx records: an answer for any environment and file text', () => {
    const jsonish = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.json({ maxDepth: 3 }),
      fc
        .record({ currentContext: fc.string(), cliPluginsExtraDirs: fc.array(fc.anything()) })
        .map((o) => JSON.stringify(o)),
      fc
        .record({
          Name: fc.anything(),
          Nodes: fc.array(fc.record({ Name: fc.anything(), Platforms: fc.anything() })),
        })
        .map((o) => JSON.stringify(o)),
    );
    const env = fc.dictionary(
      fc.constantFrom('DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'BUILDX_BUILDER'),
      fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('unix:///x.sock', 'tcp://h:2376', 'default')),
    );
    fc.assert(
      fc.property(
        env,
        jsonish,
        jsonish,
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
        (e, a, b, names) => {
          const sock = localDaemonSocket(e, a);
          expect(sock === null || sock.startsWith('/')).toBe(true);
          expect(cliPluginDirs({ home: '/h', env: e }, a).every((d) => typeof d === 'string')).toBe(true);
          expect(typeof buildxNeedsCli(e, b, names, [])).toBe('boolean');
          const rec = parseBuildxInstance(b);
          if (rec) for (const n of rec) for (const p of n.platforms) expect(p).toMatch(/\//);
          parsePluginVersion(a);
          parseBuildxVersion(b);
        },
      ),
      opts,
    );
  });

  it('proxy URL validation: ok or a problem with a message and a fix; Go parsing never throws', () => {
    fc.assert(
      fc.property(urlish, (v) => {
        const r = parseProxyUrl(v);
        if (!r.ok) expect(r.problem.message.length && r.problem.fix.length).toBeGreaterThan(0);
        goProxyForUrl({ httpProxy: v, httpsProxy: v, noProxy: v }, 'https://registry-1.docker.io/v2/');
      }),
      opts,
    );
  });

  it('Go proxy choice (1.24 and 1.19): any target, any variables; errors are Go-shaped, quoting is JSON-safe', () => {
    const names = fc.constantFrom(
      'HTTP_PROXY',
      'http_proxy',
      'HTTPS_PROXY',
      'https_proxy',
      'NO_PROXY',
      'No_Proxy',
      'REQUEST_METHOD',
    );
    fc.assert(
      fc.property(
        fc.dictionary(names, urlish, { maxKeys: 5 }),
        urlish,
        fc.constantFrom('1.24' as const, '1.19' as const),
        (env, url, go) => {
          const d = goProxyForUrl(goConfigFromEnv(env), url, go);
          if (d.proxy === null && 'error' in d && d.why === 'bad-url') expect(d.error).toMatch(/^parse "/);
          if (d.proxy !== null) expect(d.dial === null || typeof d.dial === 'string').toBe(true);
          goProxyTarget(url, go);
          const q = goQuote(url);
          expect(q).not.toMatch(/[\x00-\x1f\x7f]/);
          expect(q.startsWith('"') && q.endsWith('"')).toBe(true);
        },
      ),
      opts,
    );
  });

  it('/proc/net tables (tcp, tcp6, route, fib_trie): never throw, only well-formed listeners', () => {
    const row = fc
      .tuple(
        fc.nat(99),
        fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFabcdefg'), minLength: 8, maxLength: 32 }),
        fc.string({ unit: fc.constantFrom(...'0123456789ABCDEF'), minLength: 4, maxLength: 4 }),
        fc.constantFrom('0A', '01', 'zz'),
      )
      .map(([i, a, p, st]) => `${i}: ${a}:${p} 00000000:0000 ${st}`);
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(row, { maxLength: 20 }).map((r) => r.join('\n')),
    );
    fc.assert(
      fc.property(text, fc.boolean(), (s, v6) => {
        for (const l of parseTcpListeners(s, v6)) expect(l.port).toBeLessThanOrEqual(65535);
        parseFibLocal(s);
        bridgeAddress(s, s);
      }),
      opts,
    );
  });

  it('NO_PROXY matching, Go and curl', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 20 })),
        fc.integer({ min: 0, max: 70000 }),
        (np, host, port) => {
          const b = goBypass(np, host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);
          expect(typeof b.bypass).toBe('boolean');
          curlNoProxyMatch(np, host);
        },
      ),
      opts,
    );
  });

  it('systemd units, EnvironmentFile= files and systemctl show output', () => {
    fc.assert(
      fc.property(unitText, (t) => {
        environmentFromAssignments(parseUnitFile('/x.conf', t));
        parseEnvironmentFile('/x.env', t);
        parseSystemctlShow(t);
      }),
      opts,
    );
  });

  it('/proc stat and status of the sudo process, and its environ against the one sudo passed on', () => {
    const procish = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc
        .tuple(
          fc.nat(),
          fc.string({ maxLength: 30 }),
          fc.constantFrom(' S ', ') S ', ' ('),
          fc.string({ maxLength: 30 }),
        )
        .map(([pid, comm, mid, rest]) => `${pid} (${comm}${mid}${rest}`),
      fc.string({ maxLength: 60 }).map((t) => `Name:\tsudo\nUid:\t${t}\n`),
    );
    fc.assert(
      fc.property(
        procish,
        fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 })),
        (t, env) => {
          const st = parseProcStat(t);
          if (st) expect(Number.isInteger(st.ppid) && st.ppid >= 0).toBe(true);
          const u = parseProcUids(t);
          if (u) expect(Number.isInteger(u.real) && Number.isInteger(u.effective)).toBe(true);
          for (const n of droppedBySudo(env, {})) expect(env[n]).toBeTruthy();
        },
      ),
      opts,
    );
  });

  it("a daemon's /proc cmdline, environ and socket table, and the flags read from its argv", () => {
    const word = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(
        '-H',
        '--host',
        '-H=',
        '--addr',
        '-addr=',
        '--pidfile',
        '-p',
        '--config',
        '--',
        'fd://',
      ),
      fc.string({ maxLength: 20 }).map((t) => `unix://${t}`),
    );
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 12 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        (argv, raw) => {
          for (const a of [...dockerdHosts(argv), ...buildkitdAddrs(argv)]) {
            expect(typeof a).toBe('string');
            const u = unixPath(a);
            if (u !== null) expect(u.startsWith('/')).toBe(true);
          }
          filesToRead(
            [
              { name: 'dockerd', argv },
              { name: 'buildkitd', argv },
            ],
            {
              dockerdPidfile: '/var/run/docker.pid',
              buildkitdConfig: '/etc/buildkit/buildkitd.toml',
            },
          );
          expect(Array.isArray(parseCmdline(argv.join('\0')))).toBe(true);
          parseEnviron(raw);
          for (const [inode, path] of parseUnixTable(raw))
            expect(Number.isInteger(inode) && typeof path).toBeTruthy();
          const i = socketInode(raw);
          if (i !== null) expect(Number.isInteger(i)).toBe(true);
        },
      ),
      opts,
    );
  });

  it('daemon.json and config.json: parsed, or an error with line and column', () => {
    fc.assert(
      fc.property(jsonish, (t) => {
        const r = parseStrictJson('/etc/docker/daemon.json', t);
        if (!r.ok) expect(r.error.line).toBeGreaterThan(0);
        const d = readDaemonJson('/etc/docker/daemon.json', t);
        if (d.error) expect(d.error.message.length).toBeGreaterThan(0);
      }),
      opts,
    );
  });

  it('a whole machine with hostile files (drop-in, daemon.json, config.json, buildkitd.toml) analyses without throwing', () => {
    fc.assert(
      fc.property(unitText, jsonish, jsonish, fc.string({ maxLength: 80 }), (unit, dj, cfg, toml) => {
        const m = variant(GOOD_DOCKER, {
          files: {
            [DROP_IN]: unit,
            '/etc/docker/daemon.json': dj,
            '/home/alice/.docker/config.json': cfg,
            '/etc/buildkit/buildkitd.toml': toml,
          },
        });
        const ev = synthesize({ ...m, docker: { engine: '26.1.5', daemon: 'down' } });
        buildReport(ev);
      }),
      opts,
    );
  });

  it('evidence bundles: valid, or EvidenceFormatError naming the field', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              format: fc.constant('buildproxy.evidence/v1'),
              host: fc.jsonValue(),
              env: fc.jsonValue(),
              files: fc.jsonValue(),
              commands: fc.jsonValue(),
              processes: fc.jsonValue(),
              capturedAt: fc.jsonValue(),
            },
            { requiredKeys: ['format'] },
          ),
        ),
        (data) => {
          try {
            analyze(parseEvidence(data));
          } catch (e) {
            expect(e).toBeInstanceOf(EvidenceFormatError);
            expect((e as Error).message).toMatch(/bundle|format/);
          }
        },
      ),
      opts,
    );
  });

  it('plan files: valid, or PlanFormatError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            format: fc.constantFrom('buildproxy.plan/v1', 'buildproxy.plan/v2'),
            changes: fc.jsonValue(),
            commands: fc.jsonValue(),
            snippets: fc.jsonValue(),
          }),
        ),
        (data) => {
          try {
            parsePlan(data);
          } catch (e) {
            expect(e).toBeInstanceOf(PlanFormatError);
          }
        },
      ),
      opts,
    );
  });

  it('plan generation with hostile profile values: a plan, or PlanError with a hint', () => {
    const ev = synthesize(GOOD_DOCKER);
    fc.assert(
      fc.property(
        urlish,
        fc.string({ maxLength: 60 }),
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
        (proxy, noProxy, registries) => {
          try {
            makePlan(
              ev,
              { proxy, noProxy, registries },
              { targets: ['docker-systemd', 'docker-cli-config', 'client-shell', 'build-command'] },
            );
          } catch (e) {
            expect(e).toBeInstanceOf(PlanError);
          }
        },
      ),
      opts,
    );
  });

  it('the error reader: never throws, prints no control characters, reads only the last 64 KiB', () => {
    // Fragments of real error chains glued by hostile separators: escapes, bidi overrides, wrapped lines.
    const fragment = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        'proxyconnect tcp: ',
        'dial tcp ',
        'dial tcp: lookup ',
        '127.0.0.1:3128',
        '10.0.2.2:3128',
        ': connect: connection refused',
        'Get "https://registry-1.docker.io/v2/": ',
        'Get https://',
        ': Forbidden',
        'failed to solve: ',
        'failed to fetch oauth token: ',
        'Error response from daemon: ',
        'curl: (56) ',
        'Failed to connect to ',
        ' port ',
        'x509: certificate signed by unknown authority',
        'http://http://',
        'lookup http',
        '\x1b[31m',
        '\x1b]8;;http://evil\x07',
        '\u202e',
        '\r\n',
        '\n',
        '"',
        '\\"',
      ),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const r = readError(parts.join(''));
        for (const s of [r.excerpt, r.explanation, r.requester ?? '', r.address ?? ''])
          expect(s).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(r.excerpt.length).toBeLessThanOrEqual(210);
        if (r.recognised) expect(r.cause).not.toBeNull();
      }),
      opts,
    );
    // Bounded: a megabyte of near-misses is read as its last 64 KiB, and what came before cannot matter.
    const head = 'Error response from daemon: Get https://registry-1.docker.io/v2/: Forbidden\n';
    const tail =
      'failed to solve: failed to do request: Head "https://r.example/v2/": dial tcp 3.3.3.3:443: i/o timeout';
    const big = `${head}${'dial tcp: lookup '.repeat(60_000)}\n${tail}`;
    expect(big.length).toBeGreaterThan(MAX_ERROR_TEXT * 10);
    const r = readError(big);
    expect(r.cause).toBe('direct');
    expect(r.also).not.toContain('proxy-refused');
  });

  it('the error classifier and the redactors', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (t) => {
        classifyError(t);
        redactAll(t);
        maskText(t);
      }),
      opts,
    );
  });

  it('redaction: a password never survives display or capture redaction', () => {
    const pw = fc.stringMatching(/^[A-Za-z0-9]{6,20}$/);
    fc.assert(
      fc.property(
        pw,
        fc.constantFrom('http://', 'https://', 'socks5://', ''),
        fc.constantFrom('', 'HTTPS_PROXY=', 'Environment="HTTP_PROXY=', '"httpProxy": "'),
        (secret, scheme, pre) => {
          const text = `${pre}${scheme}alice:${secret}@proxy.corp:3128`;
          expect(redactAll(text)).not.toContain(secret);
          expect(maskText(text)).not.toContain(secret);
        },
      ),
      opts,
    );
  });
});
