// The Dockerfile features that change who needs the proxy: # syntax=, ENV/ARG of proxy variables, git and URL sources.
import { isProxyVar } from '../proxy/env.js';
import type { DockerfileFacts } from './types.js';

interface Instruction {
  line: number;
  keyword: string;
  args: string;
  text: string;
}

function instructions(content: string): {
  directives: { line: number; key: string; value: string }[];
  list: Instruction[];
} {
  const lines = content.split(/\r?\n/);
  const directives: { line: number; key: string; value: string }[] = [];
  const list: Instruction[] = [];
  let inDirectives = true;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const t = raw.trim();
    if (inDirectives) {
      // Parser directives only count before the first comment, blank line or instruction.
      const d = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(\S.*)$/.exec(t);
      if (d) {
        directives.push({ line: i + 1, key: d[1]!.toLowerCase(), value: d[2]!.trim() });
        continue;
      }
      inDirectives = false;
    }
    if (t === '' || t.startsWith('#')) continue;
    const start = i + 1;
    let text = t;
    while (text.endsWith('\\') && i + 1 < lines.length) {
      i++;
      const next = lines[i]!.trim();
      if (next.startsWith('#')) continue;
      text = `${text.slice(0, -1).trimEnd()} ${next}`;
    }
    const m = /^([A-Za-z]+)\s+([\s\S]*)$/.exec(text);
    if (m) list.push({ line: start, keyword: m[1]!.toUpperCase(), args: m[2]!, text });
  }
  return { directives, list };
}

const GIT_SOURCE =
  /(^|\s)(git@[^\s]+|https?:\/\/[^\s]+\.git(#[^\s]*)?|https?:\/\/[^\s]+\.git\/?(\s|$)|git:\/\/[^\s]+)/;

export function analyzeDockerfile(path: string, content: string): DockerfileFacts {
  const { directives, list } = instructions(content);
  const syntax = directives.find((d) => d.key === 'syntax');
  const facts: DockerfileFacts = {
    path,
    syntax: syntax ? { line: syntax.line, image: syntax.value } : null,
    envProxy: [],
    argProxy: [],
    gitSources: [],
    addUrls: [],
    caInstall: null,
  };
  for (const ins of list) {
    if (ins.keyword === 'ENV') {
      for (const m of ins.args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)(?:=|\s)/g)) {
        if (isProxyVar(m[1]!)) facts.envProxy.push({ line: ins.line, name: m[1]!, text: ins.text });
      }
    } else if (ins.keyword === 'ARG') {
      for (const m of ins.args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)(?==|\s|$)/g)) {
        if (isProxyVar(m[1]!)) facts.argProxy.push({ line: ins.line, name: m[1]!, text: ins.text });
      }
    }
    // The image gets a CA of its own: update-ca-certificates/update-ca-trust, or a tool pointed at a bundle.
    if (
      facts.caInstall === null &&
      (ins.keyword === 'RUN' || ins.keyword === 'ENV') &&
      /update-ca-(?:certificates|trust)|SSL_CERT_FILE|NODE_EXTRA_CA_CERTS|REQUESTS_CA_BUNDLE|PIP_CERT/.test(
        ins.args,
      )
    )
      facts.caInstall = { line: ins.line, text: ins.text };
    if (ins.keyword === 'ADD') {
      if (GIT_SOURCE.test(ins.args)) facts.gitSources.push({ line: ins.line, text: ins.text });
      else if (/(^|\s)https?:\/\//.test(ins.args)) facts.addUrls.push({ line: ins.line, text: ins.text });
    }
  }
  return facts;
}
