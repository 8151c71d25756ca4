// Whom a TLS-inspecting proxy's CA is trusted by on this host: the OS bundle (client, dockerd, a host buildkitd)
// and dockerd's per-registry /etc/docker/certs.d. Read only when a handshake did not verify, each file capped.
import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { CertSummary } from '../../evidence/network.js';
import { listDir, readBounded, underRoot } from './files.js';

/** Debian/Ubuntu/Alpine, Fedora/RHEL, and the OpenSSL default: the first that exists is the host's store. */
export const HOST_CA_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/cert.pem',
];
const MAX_BUNDLE = 4 * 1024 * 1024;
const MAX_CERTS = 2000;
const MAX_CHAIN = 8;

export function toPem(raw: Buffer): string {
  const b64 = raw.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** The PEM blocks of a bundle, parsed; a block that does not parse is skipped. A linear scan. */
export function parsePemBundle(text: string): X509Certificate[] {
  const out: X509Certificate[] = [];
  const begin = '-----BEGIN CERTIFICATE-----';
  const end = '-----END CERTIFICATE-----';
  let i = text.indexOf(begin);
  while (i !== -1 && out.length < MAX_CERTS) {
    const j = text.indexOf(end, i);
    if (j === -1) break;
    try {
      out.push(new X509Certificate(text.slice(i, j + end.length)));
    } catch {
      // not a certificate after all
    }
    i = text.indexOf(begin, j);
  }
  return out;
}

/** The certificate itself, or its issuer (name and signature), is among the CAs. */
export function issuedBy(top: X509Certificate, cas: X509Certificate[]): boolean {
  return cas.some((ca) => {
    if (ca.fingerprint256 === top.fingerprint256) return true;
    try {
      return top.checkIssued(ca) && top.verify(ca.publicKey);
    } catch {
      return false;
    }
  });
}

function readCerts(path: string): X509Certificate[] | null {
  const r = readBounded(path, MAX_BUNDLE);
  return 'text' in r ? parsePemBundle(r.text) : null;
}

/** The host store's CAs (the first bundle that exists), loaded once per doctor run; null: none found. */
export function hostStore(root: string | undefined): () => X509Certificate[] | null {
  let cached: X509Certificate[] | null | undefined;
  return () => {
    if (cached !== undefined) return cached;
    cached = null;
    for (const p of HOST_CA_BUNDLES) {
      const certs = readCerts(underRoot(root, p));
      if (certs) {
        cached = certs;
        break;
      }
    }
    return cached;
  };
}

/** dockerd's CAs for one registry: /etc/docker/certs.d/<host[:port]>/*.crt (docs: engine/security/certificates). */
export async function certsDFor(root: string | undefined, hostport: string): Promise<X509Certificate[]> {
  const dir = `/etc/docker/certs.d/${hostport}`;
  const names = (await listDir(root, dir)).filter((n) => n.endsWith('.crt')).slice(0, 32);
  return names.flatMap((n) => readCerts(underRoot(root, `${dir}/${n}`)) ?? []);
}

/** The chain the server sent, leaf first, and its top-most certificate (the one to trust). */
export function peerChain(socket: TLSSocket): { chain: CertSummary[]; top: X509Certificate | null } {
  const chain: CertSummary[] = [];
  let top: X509Certificate | null = null;
  let c = socket.getPeerX509Certificate();
  const seen = new Set<string>();
  while (c && chain.length < MAX_CHAIN && !seen.has(c.fingerprint256)) {
    seen.add(c.fingerprint256);
    chain.push({ subject: oneLine(c.subject), issuer: oneLine(c.issuer), fingerprint256: c.fingerprint256 });
    top = c;
    c = c.issuerCertificate ?? undefined;
  }
  return { chain, top };
}

/** "C=US\nO=Corp\nCN=Corp Root" → "C=US, O=Corp, CN=Corp Root" (a name is attacker-chosen: capped) */
function oneLine(name: string): string {
  return name.split('\n').join(', ').slice(0, 512);
}
