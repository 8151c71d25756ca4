// `systemctl show UNIT --property=…` output: what systemd has loaded, which may lag behind the files on disk.
import { splitWords } from './systemd.js';

export interface SystemctlUnit {
  loaded: boolean;
  environment: Record<string, string>;
  environmentFiles: { path: string; optional: boolean }[];
  execStart: string[] | null; // argv
  activeEnterTimestamp: string | null;
  fragmentPath: string | null;
  dropInPaths: string[];
}

export function parseSystemctlShow(stdout: string): SystemctlUnit {
  const props = new Map<string, string[]>();
  for (const line of stdout.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    props.set(key, [...(props.get(key) ?? []), line.slice(eq + 1)]);
  }
  const one = (k: string) => props.get(k)?.[0] ?? '';
  const environment: Record<string, string> = {};
  for (const word of splitWords(one('Environment'))) {
    const eq = word.indexOf('=');
    if (eq > 0) environment[word.slice(0, eq)] = word.slice(eq + 1);
  }
  const environmentFiles = (props.get('EnvironmentFiles') ?? [])
    .filter((v) => v.trim() !== '')
    .map((v) => {
      const m = /^(\S+)(?:\s+\(ignore_errors=(yes|no)\))?/.exec(v.trim())!;
      return { path: m[1]!, optional: m[2] === 'yes' };
    });
  const exec = /argv\[\]=([^;]*)/.exec(one('ExecStart'));
  const fragment = one('FragmentPath');
  const ts = one('ActiveEnterTimestamp');
  return {
    loaded: fragment !== '',
    environment,
    environmentFiles,
    execStart: exec ? splitWords(exec[1]!.trim()) : null,
    activeEnterTimestamp: ts && ts !== 'n/a' ? ts : null,
    fragmentPath: fragment || null,
    dropInPaths: one('DropInPaths').split(/\s+/).filter(Boolean),
  };
}
