// Capture redaction over a whole bundle: passwords lose every letter and digit, structure stays.
import { decodeBase64, encodeBase64 } from '../formats/base64.js';
import { maskText } from '../proxy/redact.js';
import type { Evidence } from './schema.js';

function maskRecord(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k, maskText(`${k}=${v}`).slice(k.length + 1)]),
  );
}

/**
 * maskText, also inside the base64-encoded files buildx hands over ("Files": {"buildkitd.toml": "…"} in
 * `buildx ls --format json` and its instance records), which a text search would never see.
 */
function maskAll(text: string): string {
  return maskText(text).replace(
    /("[\w.-]+\.toml"\s*:\s*")([A-Za-z0-9+/]+={0,2})(")/g,
    (all, open, b64, close) => {
      try {
        return `${open}${encodeBase64(maskText(decodeBase64(b64)))}${close}`;
      } catch {
        return all; // not base64 after all
      }
    },
  );
}

export function maskEvidence(ev: Evidence): Evidence {
  return {
    ...ev,
    env: maskRecord(ev.env),
    files: Object.fromEntries(Object.entries(ev.files).map(([p, c]) => [p, c === null ? null : maskAll(c)])),
    commands: ev.commands.map((c) => ({ ...c, stdout: maskAll(c.stdout), stderr: maskText(c.stderr) })),
    processes: ev.processes.map((p) => ({
      ...p,
      env: p.env ? maskRecord(p.env) : null,
      ...(p.argv ? { argv: p.argv.map(maskText) } : {}),
    })),
    dockerfile: ev.dockerfile
      ? { ...ev.dockerfile, content: maskText(ev.dockerfile.content) }
      : ev.dockerfile,
  };
}
