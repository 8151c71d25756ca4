// Real servers on loopback for the network probe tests: CONNECT proxies that answer as corporate proxies do, a
// TLS-inspecting proxy with its own CA (made with the openssl CLI), and a canary that records every byte it gets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext, TLSSocket } from 'node:tls';

export interface Running {
  port: number;
  /** every byte each connection sent, latin1 */
  received: string[];
  /** connections still open on the server side */
  open(): number;
  close(): Promise<void>;
}

export async function listen(
  onConn: (s: Socket, first: string) => void,
  opts: { raw?: boolean } = {},
): Promise<Running> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    const idx = received.push('') - 1;
    if (opts.raw) {
      s.on('data', (d: Buffer) => {
        received[idx] += d.toString('latin1');
      });
      onConn(s, '');
      return;
    }
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString('latin1');
      received[idx] = buf;
      if (buf.includes('\r\n\r\n')) {
        s.off('data', onData);
        onConn(s, buf);
      }
    };
    s.on('data', onData);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    received,
    open: () => sockets.size,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A proxy that answers every CONNECT with this head and body, then closes. */
export function answering(head: string, body = ''): Promise<Running> {
  return listen((s) => s.end(`${head}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`));
}

/** A port nothing listens on (bound, then closed). */
export async function deadPort(): Promise<number> {
  const r = await listen(() => {});
  await r.close();
  return r.port;
}

export interface TestCa {
  dir: string;
  caPem: string;
  leafKey: string;
  leafPem: string;
  cleanup(): void;
}

/** A CA named like an inspection appliance, and a leaf for registry-1.docker.io it signs — openssl CLI. */
export function makeCa(cn = 'Corp Inspection Root CA'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'bp-netca-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    `/O=Corp/CN=${cn}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  run([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'leaf.key',
    '-out',
    'leaf.csr',
    '-subj',
    '/CN=registry-1.docker.io',
  ]);
  const ext = join(dir, 'ext.cnf');
  execFileSync('sh', [
    '-c',
    `printf 'subjectAltName=DNS:registry-1.docker.io,DNS:auth.docker.io\\n' > ${ext}`,
  ]);
  run([
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'leaf.pem',
    '-days',
    '2',
    '-extfile',
    ext,
  ]);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return {
    dir,
    caPem: read('ca.pem'),
    leafKey: read('leaf.key'),
    leafPem: read('leaf.pem'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A TLS-inspecting proxy: CONNECT gets 200, then the proxy itself terminates TLS with a leaf its CA signed. */
export function inspecting(ca: TestCa, sendCa = true): Promise<Running> {
  const context = createSecureContext({ key: ca.leafKey, cert: sendCa ? ca.leafPem + ca.caPem : ca.leafPem });
  return listen((s) => {
    s.write('HTTP/1.1 200 Connection established\r\n\r\n');
    const t = new TLSSocket(s, { isServer: true, secureContext: context });
    t.on('error', () => {});
  });
}
