// Sockets with a deadline for the network probes: a dial that settles by its deadline (and says why it failed),
// and the read of a proxy's answer to CONNECT, capped. Whatever happens, the caller gets a result in time.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { DialResult } from '../../evidence/network.js';
import { MAX_HEAD, parseProxyAnswer } from '../../formats/proxy-answer.js';

export const EXCERPT = 2048;
const BODY_WAIT_MS = 300;

export function classify(e: unknown): { result: DialResult; detail: string } {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const detail = code || String((e as Error)?.message ?? e).slice(0, 200);
  if (code === 'ECONNREFUSED') return { result: 'refused', detail };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL')
    return { result: 'dns', detail };
  if (code === 'ETIMEDOUT') return { result: 'timeout', detail };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL')
    return { result: 'unreachable', detail };
  if (code === 'ECONNRESET' || code === 'EPIPE') return { result: 'reset', detail };
  return { result: 'error', detail };
}

/** A TCP (or, for an https:// proxy, TLS) connection, settled by its deadline: the socket, or why not. */
export function dial(
  host: string,
  port: number,
  deadline: number,
  tlsToProxy: boolean,
): Promise<{ socket: Socket } | { result: DialResult; detail: string }> {
  return new Promise((resolve) => {
    const opts = { host, port, timeout: Math.max(1, deadline - Date.now()) };
    const s: Socket = tlsToProxy
      ? tlsConnect({ ...opts, servername: isIp(host) ? undefined : host, rejectUnauthorized: false })
      : netConnect(opts);
    let done = false;
    const finish = (v: { socket: Socket } | { result: DialResult; detail: string }) => {
      if (done) return;
      done = true;
      clearTimeout(t);
      if (!('socket' in v)) s.destroy();
      resolve(v);
    };
    const t = setTimeout(
      () => finish({ result: 'timeout', detail: 'no connection before the timeout' }),
      opts.timeout,
    );
    s.once(tlsToProxy ? 'secureConnect' : 'connect', () => finish({ socket: s }));
    s.once('error', (e) => finish(classify(e)));
    s.once('close', () => finish({ result: 'reset', detail: 'closed while connecting' }));
  });
}

export function isIp(h: string): boolean {
  return /^[\d.]+$/.test(h) || h.includes(':');
}

/** Read the proxy's answer to CONNECT until its head is complete, then a little of the body; never past deadline. */
export function readAnswer(
  s: Socket,
  deadline: number,
): Promise<{ text: string; ended: boolean; timedOut: boolean }> {
  return new Promise((resolve) => {
    let text = '';
    let bodyTimer: NodeJS.Timeout | undefined;
    const finish = (ended: boolean, timedOut: boolean) => {
      clearTimeout(t);
      clearTimeout(bodyTimer);
      s.removeAllListeners('data');
      resolve({ text, ended, timedOut });
    };
    const t = setTimeout(() => finish(false, true), Math.max(1, deadline - Date.now()));
    s.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const a = parseProxyAnswer(text);
      if (a.kind === 'not-http' || text.length > MAX_HEAD + EXCERPT) return finish(false, false);
      if (a.kind === 'head') {
        // 200: the tunnel is open; nothing more is the proxy's. Otherwise take what of the body comes soon.
        if (a.status === 200 || a.rest.length >= EXCERPT) return finish(false, false);
        bodyTimer ??= setTimeout(() => finish(false, false), BODY_WAIT_MS);
      }
    });
    s.once('end', () => finish(true, false));
    s.once('error', () => finish(true, false));
    s.once('close', () => finish(true, false));
  });
}
