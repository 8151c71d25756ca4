// Ask dockerd directly over its unix socket: the same JSON `docker info` prints, without starting a Go binary
// (on a small machine each docker CLI start costs 20–60 ms of CPU; a request costs ~1 ms).
import type { CommandResult } from '../../evidence/schema.js';

export type EngineAnswer =
  | { ok: true; status: number; body: string; durationMs: number }
  | {
      ok: false;
      error: 'timeout' | 'unreachable' | 'denied' | 'failed';
      message: string;
      durationMs: number;
    };

/** `sent` is called once the request is handed to the OS, or once the answer settles if that comes first. */
export type EngineGet = (
  socketPath: string,
  path: string,
  timeoutMs: number,
  sent?: () => void,
) => Promise<EngineAnswer>;

const MAX_BODY = 2 * 1024 * 1024;

/** GET path on the Engine API; never longer than timeoutMs, whatever the other end does. */
export const engineGet: EngineGet = (socketPath, path, timeoutMs, sent) =>
  new Promise((resolve) => {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    let settled = false;
    let told = false;
    const tellSent = () => {
      if (told) return;
      told = true;
      sent?.();
    };
    const finish = (a: EngineAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      tellSent();
      resolve(a);
    };
    // Our own connection, no Agent: an Agent works out a TLS server name for every request, and its first
    // isIP() call compiles Node's IPv6 regex — 3 ms, a tenth of the whole doctor.
    // Loaded on the first request: a doctor with no local daemon never compiles Node's HTTP client.
    const http = process.getBuiltinModule('node:http') as typeof import('node:http');
    const net = process.getBuiltinModule('node:net') as typeof import('node:net');
    const req = http.request({
      createConnection: () => net.createConnection(socketPath),
      path,
      method: 'GET',
      headers: { Host: 'docker', Connection: 'close' },
    });
    const timer = setTimeout(
      () => finish({ ok: false, error: 'timeout', message: 'no answer in time', durationMs: ms() }),
      timeoutMs,
    );
    req.once('finish', tellSent);
    req.on('response', (res) => {
      let body = '';
      let size = 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        size += chunk.length;
        if (size > MAX_BODY) {
          finish({ ok: false, error: 'failed', message: 'answer larger than 2 MiB', durationMs: ms() });
          return;
        }
        body += chunk;
      });
      res.on('end', () => finish({ ok: true, status: res.statusCode ?? 0, body, durationMs: ms() }));
      res.on('error', (e) => finish({ ok: false, error: 'failed', message: e.message, durationMs: ms() }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      const error =
        e.code === 'ENOENT' || e.code === 'ECONNREFUSED'
          ? 'unreachable'
          : e.code === 'EACCES' || e.code === 'EPERM'
            ? 'denied'
            : 'failed';
      finish({ ok: false, error, message: e.code ? `${e.code}: ${e.message}` : e.message, durationMs: ms() });
    });
    req.end();
  });

function daemonMessage(body: string): string {
  try {
    const m = (JSON.parse(body) as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  } catch {
    // not JSON: use the text
  }
  return body.trim().split('\n')[0] ?? '';
}

/**
 * Record an answer under the command the user would have typed. stdout is what that command prints (the API's
 * JSON is the JSON the CLI prints, without the client's own fields), failures carry the CLI's wording, and `via`
 * says where it really came from.
 */
export function asCommand(
  argv: readonly string[],
  socketPath: string,
  apiPath: string,
  a: EngineAnswer,
  shape: (body: string) => string = (b) => b,
): CommandResult {
  const base = { argv: [...argv], durationMs: a.durationMs, via: `GET ${apiPath} on unix://${socketPath}` };
  const host = `unix://${socketPath}`;
  if (a.ok) {
    if (a.status === 200)
      return { ...base, exitCode: 0, stdout: `${shape(a.body)}\n`, stderr: '', timedOut: false };
    return {
      ...base,
      exitCode: 1,
      stdout: '',
      stderr: `Error response from daemon: ${daemonMessage(a.body) || `HTTP ${a.status}`}\n`,
      timedOut: false,
    };
  }
  if (a.error === 'timeout')
    return { ...base, exitCode: null, stdout: '', stderr: '', timedOut: true, error: 'timeout' };
  const stderr =
    a.error === 'unreachable'
      ? `Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?\n`
      : a.error === 'denied'
        ? `permission denied while trying to connect to the Docker daemon socket at ${host}: ${a.message}\n`
        : `error during connect: ${a.message}\n`;
  return { ...base, exitCode: 1, stdout: '', stderr, timedOut: false };
}
