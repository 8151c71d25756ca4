// What a capture keeps of files it reads whole: a capture is made to be attached to bug reports, so the lines of
// environment files (/etc/environment, /etc/default/docker, a unit's EnvironmentFile=) and a Dockerfile's ARG and
// ENV values are kept only for the variables the analysis reads (isRelevantVar). Everything else is dropped,
// not masked: a token masked letter by letter still tells its length and punctuation.
import { parseSystemctlShow } from '../formats/systemctl.js';
import { parseUnitFile } from '../formats/systemd.js';
import { isRelevantVar } from '../proxy/env.js';
import { shellRcPath } from './canonical.js';
import type { Evidence } from './schema.js';

/** Files of KEY=value lines the capture reads whole, whatever a unit says. */
export const ENVIRONMENT_FILES = ['/etc/environment', '/etc/default/docker', '/etc/sysconfig/docker'];

function keyOf(line: string): string | null {
  let s = line.trimStart();
  if (s.startsWith('export ')) s = s.slice(7).trimStart();
  const eq = s.indexOf('=');
  if (eq <= 0) return null;
  const key = s.slice(0, eq).trimEnd();
  for (const ch of key) if (!/[A-Za-z0-9_]/.test(ch)) return null;
  return key;
}

/**
 * An environment file with every line that does not set an allowed variable emptied (comments too: people park
 * old passwords there). Line numbers stay, so what the doctor cites still points at the right line.
 */
export function keepAllowedLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const key = keyOf(line);
      return key !== null && isRelevantVar(key) ? line : '';
    })
    .join('\n');
}

/** A Dockerfile with the value of every ARG and ENV that is not an allowed variable dropped (the name stays). */
export function dropDockerfileValues(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(\s*(?:ARG|ENV)\s+)([A-Za-z_][A-Za-z0-9_]*)([=\s].*)?$/i.exec(line);
      if (!m || m[3] === undefined || isRelevantVar(m[2]!)) return line;
      return `${m[1]}${m[2]}`;
    })
    .join('\n');
}

/**
 * Every file the bundle names as an environment file: the fixed ones, each unit's EnvironmentFile=, and the
 * shell's start-up file (people export tokens there; a capture keeps only its proxy lines).
 */
export function environmentFilesOf(ev: Evidence): Set<string> {
  const out = new Set(ENVIRONMENT_FILES);
  for (const shell of ['zsh', 'bash', undefined]) out.add(shellRcPath(ev.host.home, shell));
  for (const [path, content] of Object.entries(ev.files)) {
    if (!content || !/\.(service|conf)$/.test(path)) continue;
    for (const a of parseUnitFile(path, content))
      if (a.key === 'EnvironmentFile' && a.value) out.add(a.value.replace(/^-/, ''));
  }
  for (const c of ev.commands) {
    if (c.argv[0] !== 'systemctl' || c.exitCode !== 0) continue;
    for (const f of parseSystemctlShow(c.stdout).environmentFiles) out.add(f.path);
  }
  return out;
}
