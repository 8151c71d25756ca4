// Plans for what doctor --network found, and --ca-cert producing a CA step for every actor (issue 15).
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../../src/analyze/profile.js';
import { analyze } from '../../src/analyze/state.js';
import { HOST_CA_COPY } from '../../src/evidence/canonical.js';
import type { HostNetEvidence } from '../../src/formats/proc-net.js';
import { GOOD_CONTAINER, GOOD_DOCKER, PROXY, variant } from '../../src/machines/fixtures.js';
import { connectOk, inspectedTls, network } from '../../src/machines/network.js';
import { synthesize } from '../../src/machines/synth.js';
import { HEADER } from '../../src/plan/context.js';
import { makePlan, withCommands, withFiles } from '../../src/plan/index.js';
import { diagnose } from '../../src/report.js';

const CA = '/home/alice/corp-ca.pem';
const ntlm = network({
  proxy: 'http://CORP%5Calice@proxy.corp.example:8080',
  connect: () => ({ ...connectOk(), result: 'auth', status: 407, schemes: ['Negotiate', 'NTLM'] }),
});

describe('cntlm-relay', () => {
  it('an NTLM-only proxy plans a loopback + bridge-only relay with the hash in a 0600 file', () => {
    const ev = synthesize(variant(GOOD_DOCKER, { network: ntlm }));
    const { plan, findings } = makePlan(ev, { proxy: 'http://CORP%5Calice@proxy.corp.example:8080' });
    expect(findings.find((f) => f.rule === 'proxy-auth-required')?.message).toMatch(
      /Go's HTTP client sends only Basic/,
    );
    expect(plan.targets).toContain('cntlm-relay');
    const conf = plan.changes.find((c) => c.path === '/etc/cntlm.conf')!;
    expect(conf.mode).toBe('0600');
    expect(conf.after).toMatch(/^Username {4}alice$/m);
    expect(conf.after).toMatch(/^Domain {6}CORP$/m);
    expect(conf.after).toMatch(/^Proxy {7}proxy\.corp\.example:8080$/m);
    const listen = [...conf.after.matchAll(/^Listen\s+(\S+)$/gm)].map((m) => m[1]);
    expect(listen).toEqual(['127.0.0.1:3128', '172.17.0.1:3128']);
    expect(conf.after).toMatch(/^Allow {7}172\.17\.0\.0\/16$/m);
    // cntlm reads its ACL in order: every Allow before the final Deny
    const acl = [...conf.after.matchAll(/^(Allow|Deny)\s+(\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(acl).toEqual(['Allow 127.0.0.1', 'Allow 172.17.0.0/16', 'Deny 0/0']);
    // the keep-alive the e2e relay needed against squid for dockerd 20.10's "Connection: close" pings
    expect(conf.after).toMatch(/^Header {6}Connection: keep-alive$/m);
    // never a password, never a listener on every address
    expect(conf.after).not.toMatch(/^Password/m);
    expect(conf.after).not.toMatch(/^Gateway\s+yes/im);
    expect(conf.after).not.toMatch(/^Listen\s+(0\.0\.0\.0:)?\d+$/m);
  });

  it('a hostile user name cannot add cntlm directives', () => {
    const ev = synthesize(variant(GOOD_DOCKER, { network: ntlm }));
    const { plan } = makePlan(
      ev,
      { proxy: 'http://a%0AListen%200.0.0.0%3A1@proxy.corp.example:8080' },
      { targets: ['cntlm-relay'] },
    );
    const conf = plan.changes.find((c) => c.path === '/etc/cntlm.conf')!.after;
    expect([...conf.matchAll(/^Listen\s/gm)]).toHaveLength(2);
  });
});

describe('cntlm-relay: the relay port', () => {
  const plan = (net?: HostNetEvidence, files: Record<string, string> = {}) => {
    const ev = synthesize(variant(GOOD_DOCKER, { network: ntlm, files }));
    const { plan } = makePlan(
      { ...ev, ...(net ? { net } : {}) },
      { proxy: 'http://CORP%5Calice@proxy.corp.example:8080' },
      { targets: ['cntlm-relay'] },
    );
    const conf = plan.changes.find((c) => c.path === '/etc/cntlm.conf')!.after;
    return {
      listen: [...conf.matchAll(/^Listen\s+(\S+)$/gm)].map((m) => m[1]),
      snippet: plan.snippets.find((s) => s.target === 'cntlm-relay')!.text,
    };
  };
  const ifaces = { docker0: '172.17.0.1' };

  it("cntlm's usual 3128 when nothing holds it here (a listener elsewhere does not count)", () => {
    expect(plan({ listeners: [{ addr: '10.1.2.3', port: 3128 }], ifaces }).listen).toEqual([
      '127.0.0.1:3128',
      '172.17.0.1:3128',
    ]);
    expect(plan().listen).toEqual(['127.0.0.1:3128', '172.17.0.1:3128']);
  });

  it('a local squid on 3128 (loopback, every address or the bridge): the next free port, also in the snippet', () => {
    const r = plan({
      listeners: [
        { addr: '127.0.0.1', port: 3128 },
        { addr: '::', port: 3129 },
        { addr: '172.17.0.1', port: 3130 },
      ],
      ifaces,
    });
    expect(r.listen).toEqual(['127.0.0.1:3131', '172.17.0.1:3131']);
    expect(r.snippet).toContain('--proxy http://172.17.0.1:3131');
  });

  it('a cntlm.conf buildproxy wrote keeps its port, even though its own relay now holds it', () => {
    const before = `${HEADER}\nUsername    alice\nListen      127.0.0.1:3140\nListen      172.17.0.1:3140\n`;
    const r = plan({ listeners: [{ addr: '127.0.0.1', port: 3140 }], ifaces }, { '/etc/cntlm.conf': before });
    expect(r.listen).toEqual(['127.0.0.1:3140', '172.17.0.1:3140']);
  });

  it("someone else's cntlm.conf does not choose the port", () => {
    const theirs = 'Username x\nListen 127.0.0.1:9\n';
    expect(plan(undefined, { '/etc/cntlm.conf': theirs }).listen).toEqual([
      '127.0.0.1:3128',
      '172.17.0.1:3128',
    ]);
  });
});

describe('no-proxy-direct-only', () => {
  it('the internal host that answers only directly lands in the generated NO_PROXY', () => {
    const net = network({
      extraHosts: [{ host: 'registry.internal.example', port: 5000, direct: 'ok' }],
      connect: (h) =>
        h === 'registry.internal.example'
          ? { ...connectOk(), result: 'bad-gateway', status: 502 }
          : connectOk(),
    });
    const { plan } = makePlan(synthesize(variant(GOOD_DOCKER, { network: net })), { proxy: PROXY });
    const dropIn = plan.changes.find((c) => c.path.endsWith('http-proxy.conf'))?.after ?? '';
    expect(dropIn).toContain('registry.internal.example:5000');
    expect(dropIn).not.toMatch(/NO_PROXY=[^\n]*registry-1\.docker\.io/);
  });
});

describe('--ca-cert: a CA step for every actor', () => {
  it('docker driver: the host store, update-ca-certificates and a dockerd restart; RUN snippets; resolved after commands', () => {
    const ev = synthesize(GOOD_DOCKER);
    const { plan } = makePlan(ev, { proxy: PROXY, caCert: CA });
    expect(plan.targets).toContain('ca-trust');
    expect(plan.commands.map((c) => c.argv.join(' '))).toEqual(
      expect.arrayContaining([
        `install -m 0644 ${CA} ${HOST_CA_COPY}`,
        'update-ca-certificates',
        'systemctl restart docker',
      ]),
    );
    const titles = plan.snippets.map((s) => s.title).join('\n');
    expect(titles).toMatch(/RUN steps: add to your Dockerfile/);
    expect(plan.snippets.find((s) => /secret mount/.test(s.title))!.text).toContain(
      `--secret id=corp-ca,src=${CA}`,
    );
    // fixed for the host store after the commands; RUN stays open (only the Dockerfile can fix it): said once
    const r = plan.resolves!;
    expect(r.partly).toEqual([
      {
        rule: 'tls-inspection-ca',
        fixed: ['runtime'],
        when: 'afterCommands',
        open: [
          { actor: 'run', message: expect.stringMatching(/^RUN steps trust only the CAs inside the image/) },
        ],
      },
    ]);
    for (const list of [r.now, r.afterCommands, r.remaining]) expect(list).not.toContain('tls-inspection-ca');
    expect(plan.changes.some((c) => /Dockerfile$/.test(c.path))).toBe(false);
  });

  it('docker-container: the builder is recreated with a buildkitd.toml that lists the CA, and then trusts it', () => {
    const ev = synthesize(GOOD_CONTAINER);
    const input = { proxy: PROXY, caCert: CA, registries: ['registry.corp.example'] };
    const { plan, findings } = makePlan(ev, input);
    expect(
      findings
        .filter((f) => f.rule === 'tls-inspection-ca')
        .map((f) => f.actor)
        .sort(),
    ).toEqual(['builder', 'run', 'runtime']);
    const toml = plan.changes.find((c) => c.path.endsWith('buildkitd-proxied.toml'))!;
    const doc = parse(toml.after) as { registry: Record<string, { ca: string[] }> };
    expect(doc.registry['docker.io']!.ca).toEqual([CA]);
    expect(doc.registry['registry.corp.example']!.ca).toEqual([CA]);
    const create = plan.commands.find((c) => c.argv.slice(0, 3).join(' ') === 'docker buildx create')!;
    expect(create.argv).toContain('--buildkitd-config');
    const after = analyze(withCommands(withFiles(ev, plan), plan));
    const left = diagnose(after, resolveProfile(input, after.layers, after.client)).filter(
      (f) => f.rule === 'tls-inspection-ca',
    );
    // what remains is the RUN step: only the user's Dockerfile can fix it, and the plan gives the snippets
    expect(left.map((f) => f.actor)).toEqual(['run']);
    expect(plan.resolves!.partly!.find((p) => p.rule === 'tls-inspection-ca')).toMatchObject({
      fixed: ['runtime', 'builder'],
      open: [{ actor: 'run' }],
    });
  });

  it('a Dockerfile that installs the CA already: no RUN finding', () => {
    const ev = synthesize(
      variant(GOOD_DOCKER, {
        dockerfile:
          'FROM debian\nCOPY corp.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates\n',
      }),
    );
    const { findings } = makePlan(ev, { proxy: PROXY, caCert: CA });
    expect(findings.filter((f) => f.rule === 'tls-inspection-ca' && f.actor === 'run')).toEqual([]);
  });

  it('measured inspection with the host trusting the CA: only the builder container is named', () => {
    const ev = synthesize(
      variant(GOOD_CONTAINER, { network: network({ tls: () => inspectedTls({ host: true }) }) }),
    );
    const { findings } = makePlan(ev, { proxy: PROXY });
    const f = findings.filter((x) => x.rule === 'tls-inspection-untrusted');
    expect(f.map((x) => x.actor).sort()).toEqual(['builder', 'run']);
    expect(f[0]!.message).toContain('Corp Inspection Root CA');
  });
});

describe('--ca-cert with targets chosen (the wizard)', () => {
  it('the CA steps join a chosen target list', () => {
    const { plan } = makePlan(
      synthesize(GOOD_CONTAINER),
      { proxy: PROXY, caCert: CA },
      { targets: ['docker-cli-config'] },
    );
    expect(plan.targets).toEqual(
      expect.arrayContaining(['docker-cli-config', 'ca-trust', 'buildx-docker-container']),
    );
    expect(plan.commands.some((c) => c.argv[0] === 'install' && c.argv.at(-1) === HOST_CA_COPY)).toBe(true);
  });
});
