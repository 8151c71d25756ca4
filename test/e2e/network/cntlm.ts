// The cntlm relay for the NTLM scenario: Debian's cntlm, run in the foreground with the configuration the plan wrote,
// its PID recorded where infra.sh down finds it.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E, sleep } from '../harness.js';
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

/** cntlm in the foreground with this configuration file (the plan's, the hash pasted), as its service would run. */
export async function startCntlm(file: string, port: number): Promise<{ stop(): Promise<void> }> {
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
