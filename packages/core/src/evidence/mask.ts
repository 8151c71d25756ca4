// Capture redaction over a whole bundle: passwords lose every letter and digit, structure stays.
import { decodeBase64, encodeBase64 } from '../formats/base64.js';
import { maskAuthHeaders } from '../formats/proxy-answer.js';
import { pickRelevant } from '../proxy/env.js';
import { maskText, maskValue } from '../proxy/redact.js';
import {
  dropDockerfileValues,
  environmentFilesOf,
  isUnitFile,
  keepAllowedEnvironment,
  keepAllowedLines,
  keepAllowedShow,
} from './allow.js';
import type { NetworkEvidence } from './network.js';
import type { Evidence } from './schema.js';

/** Proxy URLs and the proxies' answers: a proxy may echo a request back, credentials and all. */
function maskNetwork(n: NetworkEvidence): NetworkEvidence {
  return {
    ...n,
    routes: n.routes.map((r) => ({
      ...r,
      proxy: r.proxy === null ? null : maskValue(r.proxy),
      hosts: r.hosts.map((h) => ({
        ...h,
        connect: { ...h.connect, excerpt: maskText(maskAuthHeaders(h.connect.excerpt)) },
      })),
    })),
  };
}

/** Only the allowed variables (whatever the bundle came with), each value masked. */
function maskRecord(r: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(pickRelevant(r)).map(([k, v]) => [k, maskValue(v)]));
}

function isBase64Char(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61
  );
}

/**
 * maskText, also inside the base64-encoded files buildx hands over ("Files": {"buildkitd.toml": "…"} in
 * `buildx ls --format json` and its instance records), which a text search would never see. A scan, not a
 * regex: the text is a daemon's or a plugin's answer, and a long run of letters must stay cheap.
 */
export function maskAll(text: string): string {
  const masked = maskText(text);
  let out = '';
  let pos = 0;
  let k = masked.indexOf('.toml"');
  while (k !== -1) {
    // "name.toml" : "BASE64"
    let j = k + 6;
    while (masked[j] === ' ' || masked[j] === '\t' || masked[j] === '\n' || masked[j] === '\r') j++;
    if (masked[j] === ':') {
      j++;
      while (masked[j] === ' ' || masked[j] === '\t' || masked[j] === '\n' || masked[j] === '\r') j++;
    } else j = -1;
    if (j !== -1 && masked[j] === '"') {
      let end = j + 1;
      while (end < masked.length && isBase64Char(masked.charCodeAt(end))) end++;
      if (masked[end] === '"' && end > j + 1) {
        let inner: string | null = null;
        try {
          inner = encodeBase64(maskText(decodeBase64(masked.slice(j + 1, end))));
        } catch {
          inner = null; // not base64 after all
        }
        if (inner !== null) {
          out += masked.slice(pos, j + 1) + inner;
          pos = end;
        }
        k = masked.indexOf('.toml"', end);
        continue;
      }
    }
    k = masked.indexOf('.toml"', k + 6);
  }
  return out + masked.slice(pos);
}

export function maskEvidence(ev: Evidence): Evidence {
  const envFiles = environmentFilesOf(ev);
  const kept = (path: string, c: string) =>
    envFiles.has(path) ? keepAllowedLines(c) : isUnitFile(path) ? keepAllowedEnvironment(c) : c;
  const show = (argv: string[], out: string) => (argv[0] === 'systemctl' ? keepAllowedShow(out) : out);
  return {
    ...ev,
    env: maskRecord(ev.env),
    files: Object.fromEntries(
      Object.entries(ev.files).map(([p, c]) => [p, c === null ? null : maskAll(kept(p, c))]),
    ),
    commands: ev.commands.map((c) => ({
      ...c,
      stdout: maskAll(show(c.argv, c.stdout)),
      stderr: maskText(c.stderr),
    })),
    processes: ev.processes.map((p) => ({
      ...p,
      env: p.env ? maskRecord(p.env) : null,
      ...(p.argv ? { argv: p.argv.map((a) => maskValue(a)) } : {}),
    })),
    ...(ev.buildCommand
      ? { buildCommand: { ...ev.buildCommand, text: maskText(ev.buildCommand.text) } }
      : {}),
    dockerfile: ev.dockerfile
      ? { ...ev.dockerfile, content: maskText(dropDockerfileValues(ev.dockerfile.content)) }
      : ev.dockerfile,
    ...(ev.network ? { network: maskNetwork(ev.network) } : {}),
    // the URL is recorded redacted; answers and errors are the script's text: mask whatever it printed
    ...(ev.pac
      ? {
          pac: {
            ...ev.pac,
            url: maskValue(ev.pac.url),
            answers: ev.pac.answers.map((a) => ({
              ...a,
              url: maskValue(a.url),
              answer: a.answer === null ? null : maskText(a.answer),
              error: a.error === null ? null : maskText(a.error),
            })),
          },
        }
      : {}),
  };
}
