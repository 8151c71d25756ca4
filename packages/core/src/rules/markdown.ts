// Render a rule as markdown: the docs page and `buildproxy explain` both come from here.

import { profileFlags } from '../analyze/profile-form.js';
import type { ProfileInput } from '../analyze/types.js';
import { csvField, shQuote } from '../formats/encode.js';
import type { MachineSpec } from '../machines/synth.js';
import { examplesOf } from './examples.js';
import { RULE_TEXTS } from './texts.js';
import type { Rule, RuleExample } from './types.js';

export interface Snippet {
  label: string;
  language: string;
  text: string;
}

function languageOf(path: string): string {
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.toml')) return 'toml';
  if (path.endsWith('.conf') || path.endsWith('.service')) return 'ini';
  return 'sh';
}

function profileArgs(p: ProfileInput | undefined): string {
  return p ? profileFlags(p).join(' ') : '';
}

/** The parts of an example machine a person needs to see: its files, shell, Dockerfile and docker facts. */
/** A Windows profile seen from WSL or macOS (/mnt/c/Users/alice/…, /Users/alice/…): the user is the reader's. */
function windowsHome(path: string): string {
  const m = /^(\/mnt\/[a-z]\/Users\/|\/Users\/)[^/]+\//.exec(path);
  return m ? `${m[1]}YOUR_USER/${path.slice(m[0].length)}` : path;
}

export function describeMachine(machine: MachineSpec, profile?: ProfileInput): Snippet[] {
  const out: Snippet[] = [];
  const env = Object.entries(machine.env ?? {});
  out.push({
    label: 'shell',
    language: 'sh',
    text: env.length ? env.map(([k, v]) => `export ${k}=${v}`).join('\n') : '# no proxy variables exported',
  });
  // Paths in the example's home are shown as ~/…: a reader's home is not the fixture's (issue 19).
  const home = machine.home ?? '/home/alice';
  for (const [path, content] of Object.entries(machine.files ?? {})) {
    const label = path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : windowsHome(path);
    // Windows files end lines with CRLF; shown, a bare CR is a control character the terminal-safe output escapes
    if (content !== null)
      out.push({ label, language: languageOf(path), text: content.replace(/\r\n/g, '\n').trimEnd() });
  }
  if (machine.dockerfile !== undefined)
    out.push({ label: 'Dockerfile', language: 'dockerfile', text: machine.dockerfile.trimEnd() });
  const d = machine.docker;
  const facts: string[] = [];
  if (d === false) facts.push('docker is not installed');
  else {
    facts.push(
      `Docker Engine ${d?.engine ?? '26.1.5'}${d?.desktop ? ' (Docker Desktop)' : ''}${d?.rootless ? ' (rootless)' : ''}${d?.daemon === 'down' ? ', daemon stopped' : ''}`,
    );
    if (d?.loadedEnv) facts.push('systemd has not reloaded the drop-ins (no daemon-reload since the edit)');
    for (const b of d?.builders ?? []) {
      // As buildx reads them: one CSV field per option, quoted for the shell (an unquoted a,b,c splits).
      const opts = Object.entries(b.driverOpts ?? {}).map(
        ([k, v]) => `--driver-opt ${shQuote(csvField(`${k}=${v}`))}`,
      );
      facts.push(
        `builder "${b.name}": docker buildx create --name ${b.name} --driver ${b.driver}${opts.length ? ` ${opts.join(' ')}` : ''}`,
      );
      if (b.config) facts.push(`builder "${b.name}" buildkitd.toml: ${b.config}`);
    }
    if (d?.current && d.current !== 'default') facts.push(`docker buildx use ${d.current}`);
    if (d?.execStart) facts.push(`ExecStart=${d.execStart.join(' ')}`);
  }
  const args = profileArgs(profile);
  if (args) facts.push(`buildproxy doctor ${args}`);
  out.push({ label: 'machine', language: 'text', text: facts.join('\n') });
  return out;
}

function exampleMarkdown(kind: string, ex: RuleExample): string {
  const parts = describeMachine(ex.machine, ex.profile).map(
    (s) => `${s.label}:\n\n\`\`\`${s.language}\n${s.text}\n\`\`\``,
  );
  return `### ${kind}: ${ex.title}\n\n${parts.join('\n\n')}`;
}

export interface RuleDocOptions {
  /** include the H1 title (the docs site renders it from frontmatter) */
  title?: boolean;
}

export function ruleMarkdown(rule: Rule, opts: RuleDocOptions = {}): string {
  const head = opts.title === false ? '' : `# ${rule.title}\n\n`;
  return `${head}\`${rule.id}\` · ${rule.severity} · actor: **${rule.actor}**

${rule.summary}

## Why it happens

${RULE_TEXTS[rule.id]?.explanation ?? ''}

## Fix

${RULE_TEXTS[rule.id]?.fix ?? ''}

Plan targets: ${rule.targets.length ? rule.targets.map((t) => `\`${t}\``).join(', ') : 'none (diagnostic only)'}

## Examples

${exampleMarkdown('Triggers', examplesOf(rule).bad)}

${exampleMarkdown('Does not trigger', examplesOf(rule).good)}

## References

${rule.references.map((r) => `- [${r.title}](${r.url})`).join('\n')}
`;
}
