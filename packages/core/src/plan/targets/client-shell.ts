import { sentence } from '../sentences.js';
// client-shell: the proxy in the shell that runs docker/buildx (registry tokens are fetched there).

import { proxyShPath, shellRcPath } from '../../evidence/canonical.js';
import { fishQuote, shQuote } from '../../formats/encode.js';
import type { Target } from '../../targets.js';
import { change, HEADER, ok, type PlanContext, type TargetDefinition } from '../context.js';
import type { FileChange, PlanSnippet, TargetResult } from '../types.js';

export const BLOCK_START = '# >>> buildproxy >>>';
export const BLOCK_END = '# <<< buildproxy <<<';

/** Replace our managed block, or append it: applying twice changes nothing. */
export function withBlock(text: string, block: string): string {
  const start = text.indexOf(BLOCK_START);
  const end = text.indexOf(BLOCK_END);
  const full = `${BLOCK_START}\n${block}\n${BLOCK_END}`;
  if (start >= 0 && end > start) return `${text.slice(0, start)}${full}${text.slice(end + BLOCK_END.length)}`;
  return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${text === '' ? '' : '\n'}${full}\n`;
}

/** PowerShell's quoting: single quotes, a quote doubled. */
export function psQuote(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}

/** Windows: no POSIX files to write; the PowerShell lines, for this session and for the user's environment. */
function windowsShell(ctx: PlanContext, target: Target): TargetResult {
  const vars: [string, string][] = [
    ['HTTP_PROXY', ctx.proxy.http],
    ['HTTPS_PROXY', ctx.proxy.https],
    ['NO_PROXY', ctx.proxy.noProxy.join(',')],
  ];
  return ok(
    [],
    [],
    [
      {
        title: 'PowerShell, this session',
        language: 'powershell',
        text: vars.map(([k, v]) => `$env:${k} = ${psQuote(v)}`).join('\n'),
        target,
      },
      {
        title: 'PowerShell, every new session (your user environment)',
        language: 'powershell',
        text: vars
          .map(([k, v]) => `[Environment]::SetEnvironmentVariable('${k}', ${psQuote(v)}, 'User')`)
          .join('\n'),
        target,
      },
    ],
  );
}

function clientShell(ctx: PlanContext, target: Target): TargetResult {
  if (ctx.state.host.platform === 'win32') return windowsShell(ctx, target);
  const home = ctx.state.host.home;
  const no = ctx.proxy.noProxy.join(',');
  const vars: [string, string][] = [
    ['HTTP_PROXY', ctx.proxy.http],
    ['HTTPS_PROXY', ctx.proxy.https],
    ['NO_PROXY', no],
    ['http_proxy', ctx.proxy.http],
    ['https_proxy', ctx.proxy.https],
    ['no_proxy', no],
  ];
  const shPath = proxyShPath(home);
  const fishPath = `${home}/.config/fish/conf.d/buildproxy.fish`;
  const changes: (FileChange | null)[] = [
    change(ctx, {
      path: shPath,
      mode: '0600',
      needsRoot: false,
      after: `${HEADER}\n${vars.map(([k, v]) => `export ${k}=${shQuote(v)}`).join('\n')}\n`,
      target,
      why: sentence('client-shell.proxy-docker-buildx-your'),
    }),
  ];
  // macOS's login shell is zsh since 10.15 (Catalina): without SHELL in the capture, zsh's rc file is the one
  const shell =
    ctx.state.client.SHELL ??
    ctx.evidence.env.SHELL ??
    (ctx.state.host.platform === 'darwin' ? '/bin/zsh' : undefined);
  if (shell?.endsWith('fish')) {
    changes.push(
      change(ctx, {
        path: fishPath,
        mode: '0600',
        needsRoot: false,
        after: `${HEADER}\n${vars.map(([k, v]) => `set -gx ${k} ${fishQuote(v)}`).join('\n')}\n`,
        target,
        why: 'fish reads conf.d files at start-up',
      }),
    );
  }
  const rc = shellRcPath(home, shell);
  const rcText = ctx.read(rc);
  const source = `[ -f ${shQuote(shPath)} ] && . ${shQuote(shPath)}`;
  const snippets: PlanSnippet[] = [];
  if (rcText !== undefined && !shell?.endsWith('fish')) {
    changes.push(
      change(ctx, {
        path: rc,
        mode: '0644',
        needsRoot: false,
        after: withBlock(rcText ?? '', source),
        target,
        why: 'new shells load the proxy file',
      }),
    );
  } else if (!shell?.endsWith('fish')) {
    snippets.push({
      title: sentence('client-shell.load-from', { rc }),
      language: 'sh',
      text: source,
      target,
    });
  }
  snippets.push({
    title: sentence('client-shell.or-let-builder-fetch'),
    language: 'sh',
    text: 'export BUILDKIT_NO_CLIENT_TOKEN=1',
    target,
  });
  return ok(changes, [], snippets);
}

export const clientShellTarget: TargetDefinition<'client-shell'> = {
  id: 'client-shell',
  generate: clientShell,
  declares: {
    files: [
      { path: proxyShPath('{home}'), mode: '0600', credential: true },
      { path: '{home}/.config/fish/conf.d/buildproxy.fish', mode: '0600', credential: true },
      ...['zsh', 'bash', undefined].map((shell) => ({
        path: shellRcPath('{home}', shell),
        mode: '0644' as const,
      })),
    ],
    commands: [],
  },
};
