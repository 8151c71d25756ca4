// Capture redaction over a whole bundle: passwords lose every letter and digit, structure stays.
import { maskText } from '../proxy/redact.js';
import type { Evidence } from './schema.js';

function maskRecord(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k, maskText(`${k}=${v}`).slice(k.length + 1)]),
  );
}

export function maskEvidence(ev: Evidence): Evidence {
  return {
    ...ev,
    env: maskRecord(ev.env),
    files: Object.fromEntries(Object.entries(ev.files).map(([p, c]) => [p, c === null ? null : maskText(c)])),
    commands: ev.commands.map((c) => ({ ...c, stdout: maskText(c.stdout), stderr: maskText(c.stderr) })),
    processes: ev.processes.map((p) => ({ ...p, env: p.env ? maskRecord(p.env) : null })),
    dockerfile: ev.dockerfile
      ? { ...ev.dockerfile, content: maskText(ev.dockerfile.content) }
      : ev.dockerfile,
  };
}
