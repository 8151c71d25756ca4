// doctor --network with a PAC file, through the built CLI (dist/pac.cjs carries the QuickJS sandbox): a real
// corporate-style PAC served over HTTP, found through the machine's own setting (WSL_PAC_URL) or given with
// --pac; its answers in the report, in the capture, and the same again when the capture is replayed. A hostile
// PAC ends bounded with a finding.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMachine, runCli } from './helpers.js';

const CORPORATE = readFileSync(
  join(import.meta.dirname, '../../core/test/fixtures/pac/corporate.pac'),
  'utf8',
);
const LOOP = 'function FindProxyForURL(url, host) { while (true) {} }';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200);
    res.end(req.url === '/loop.pac' ? LOOP : CORPORATE);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

type Finding = { rule: string; actor: string; message: string };
const rules = (stdout: string) =>
  (JSON.parse(stdout).findings as Finding[]).filter((f) => f.rule.startsWith('pac-'));

describe('buildproxy doctor --network with a PAC file', () => {
  it('runs the PAC file WSL named, records it, and replays it', async () => {
    const m = makeMachine();
    const capture = join(m.dir, 'bundle.json');
    const r = await runCli(
      ['doctor', '--network', '--root', m.root, '--json', '--capture', capture, '--timeout', '3000'],
      { m, env: { WSL_PAC_URL: `${base}/proxy.pac` } },
    );
    const found = rules(r.stdout);
    const stat = found.find((f) => f.rule === 'pac-static-proxy');
    expect(stat?.message).toContain(
      '"PROXY proxy.corp.example:8080; PROXY proxy2.corp.example:8080" for registry-1.docker.io',
    );
    expect(stat?.message).toContain('HTTPS_PROXY=http://proxy.corp.example:8080');
    expect(found.some((f) => f.rule === 'pac-proxy-not-used' && f.actor === 'client')).toBe(true);
    const bundle = JSON.parse(readFileSync(capture, 'utf8'));
    expect(bundle.pac.source).toBe('WSL autoProxy (WSL_PAC_URL)');
    expect(bundle.pac.answers.find((a: { host: string }) => a.host === 'auth.docker.io').answer).toMatch(
      /^PROXY /,
    );
    const replay = await runCli(['doctor', '--from', capture, '--json'], { m });
    expect(rules(replay.stdout)).toEqual(found);
  });

  it('an endless PAC ends with pac-unusable; --pac needs --network', async () => {
    const m = makeMachine();
    const r = await runCli(['doctor', '--network', '--root', m.root, '--json', '--pac', `${base}/loop.pac`], {
      m,
    });
    const f = rules(r.stdout).find((x) => x.rule === 'pac-unusable');
    expect(f?.message).toMatch(/for registry-1\.docker\.io it did not finish within \d+ ms/);
    const bad = await runCli(['doctor', '--root', m.root, '--pac', `${base}/proxy.pac`], { m });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--pac needs --network');
  });
});
