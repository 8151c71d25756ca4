// The cntlm relay for the NTLM scenario: Debian's cntlm, run in the foreground with the scenario's configuration,
// its PID recorded where infra.sh down finds it.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E, GW, sleep } from '../harness.js';
import { listening } from './proxies.js';

export const NTLM_USER = 'alice';
export const NTLM_DOMAIN = 'CORP';
const NTLM_PASSWORD = 's3cret-ntlm';

/** `cntlm -H`: the hash lines a person pastes into the configuration (never the password itself). */
export function hashLines(): Record<'PassLM' | 'PassNT' | 'PassNTLMv2', string> {
  const r = spawnSync('cntlm', ['-H', '-u', NTLM_USER, '-d', NTLM_DOMAIN, '-p', NTLM_PASSWORD], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  const out: Record<string, string> = {};
  for (const l of `${r.stdout}\n${r.stderr}`.split('\n')) {
    const m = /^(PassLM|PassNT|PassNTLMv2)\s+([0-9A-F]{32})/.exec(l.trim());
    if (m) out[m[1]!] = `${m[1]}  ${m[2]}`;
  }
  if (!out.PassNTLMv2 || !out.PassNT || !out.PassLM) throw new Error(`cntlm -H: ${r.stdout}${r.stderr}`);
  return out as Record<'PassLM' | 'PassNT' | 'PassNTLMv2', string>;
}

/**
 * The relay's configuration as issue 15 specifies it: loopback and the bridge gateway only, Allow the bridge
 * subnet, Deny 0/0 (never an open relay carrying corporate credentials), a PassNTLMv2 hash in a 0600 file.
 */
export async function relayConfig(upstream: string, port: number): Promise<string> {
  const u = new URL(upstream);
  const h = hashLines();
  return [
    `Username    ${NTLM_USER}`,
    `Domain      ${NTLM_DOMAIN}`,
    // squid's ntlm_fake_auth sends a challenge without a target info block, and cntlm then refuses NTLMv2
    // ("No target info block. Cannot do NTLMv2!", seen here); a domain controller sends one. So against this
    // fake server the relay answers with NTLM (v1) hashes; the PassNTLMv2 line stays, commented, as it would be
    // pasted for a real proxy.
    `# ${h.PassNTLMv2}`,
    'Auth        NTLM',
    h.PassNT,
    h.PassLM,
    `Proxy       ${u.hostname}:${u.port}`,
    'NoProxy     localhost, 127.0.0.1',
    `Listen      127.0.0.1:${port}`,
    `Listen      ${GW}:${port}`,
    'Allow       127.0.0.1',
    'Allow       172.31.0.0/16',
    'Deny        0/0',
    // Go clients that disable keep-alives (dockerd 20.10's registry pings) send "Connection: close"; cntlm passes
    // it on, and squid then answers the NTLM negotiate with a bare 407 instead of a challenge (NTLM needs the
    // connection to stay open). Replacing the header keeps the upstream connection alive for the handshake.
    'Header      Connection: keep-alive',
    '',
  ].join('\n');
}

export async function startCntlm(conf: string, port: number): Promise<{ stop(): Promise<void> }> {
  const file = join(E2E, 'cntlm.conf');
  writeFileSync(file, conf, { mode: 0o600 });
  chmodSync(file, 0o600);
  const log = openSync(join(E2E, 'cntlm.log'), 'w'); // -v: every request and its NTLM handshake, for a failure
  const proc = spawn('cntlm', ['-f', '-v', '-c', file], { stdio: ['ignore', log, log] });
  closeSync(log);
  writeFileSync(join(E2E, 'run', 'cntlm.pid'), String(proc.pid));
  await listening(port, () => 'cntlm did not start');
  return {
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const gone = new Promise((r) => proc.on('close', r));
      proc.kill('SIGTERM');
      await Promise.race([gone, sleep(5_000)]);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    },
  };
}
