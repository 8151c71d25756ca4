// doctor --network through the built CLI against a real TLS-inspecting proxy on loopback: the finding, the CA
// saved, the capture masked, and credentials only on the wire to their own proxy.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspecting, makeCa, type Running, type TestCa } from '../../core/test/network/servers.js';
import { makeMachine, runCli } from './helpers.js';

describe('buildproxy doctor --network', () => {
  let ca: TestCa;
  let proxy: Running;
  beforeAll(async () => {
    ca = makeCa('Netskope Test Root');
    proxy = await inspecting(ca);
  });
  afterAll(async () => {
    await proxy.close();
    ca.cleanup();
  });

  it('finds the inspection, names the issuer, saves the CA and masks the capture', async () => {
    const m = makeMachine();
    const url = `http://alice:s3cr%40t@127.0.0.1:${proxy.port}`;
    const capture = join(m.dir, 'bundle.json');
    const caFile = join(m.dir, 'corp-ca.pem');
    const r = await runCli(
      [
        'doctor',
        '--network',
        '--root',
        m.root,
        '--json',
        '--capture',
        capture,
        '--save-ca',
        caFile,
        '--timeout',
        '5000',
      ],
      { m, env: { HTTPS_PROXY: url, HTTP_PROXY: url } },
    );
    const report = JSON.parse(r.stdout);
    const f = report.findings.find((x: { rule: string }) => x.rule === 'tls-inspection-untrusted');
    expect(f?.message).toContain('Netskope Test Root');
    expect(r.stdout + r.stderr).not.toContain('s3cr');
    expect(readFileSync(caFile, 'utf8').replace(/\s/g, '')).toBe(ca.caPem.replace(/\s/g, ''));
    expect(statSync(caFile).mode & 0o777).toBe(0o600);
    expect(r.stderr).toMatch(/Saved the CA "O=Corp, CN=Netskope Test Root" \(SHA-256 [0-9A-F:]+\)/);
    const bundle = readFileSync(capture, 'utf8');
    expect(bundle).not.toContain('s3cr');
    expect(JSON.parse(bundle).network.routes[0].hosts[0].tls.result).toBe('untrusted');
    // the credentials went to this proxy, decoded as Go decodes them
    const basic = Buffer.from('alice:s3cr@t').toString('base64');
    expect(proxy.received.join('')).toContain(`Proxy-Authorization: Basic ${basic}`);
  });

  it('--save-ca without --network, and --network with --from, are usage errors', async () => {
    const m = makeMachine();
    const a = await runCli(['doctor', '--root', m.root, '--save-ca', join(m.dir, 'x.pem')], { m });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--save-ca needs --network');
    const b = await runCli(['doctor', '--network', '--from', join(m.dir, 'none.json')], { m });
    expect(b.code).toBe(2);
  });
});
