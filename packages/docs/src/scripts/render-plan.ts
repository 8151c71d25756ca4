// A plan as the reader needs it: each file with its path, mode, reason and the shell steps that write it; the
// commands with their reasons and the restart caution; the snippets; what stays open. One view, two renderings:
// HTML for the snippet generator (build time and again in the browser, identical markup, so no layout shift) and
// markdown for the generated guides. Text shown is redacted; a copy button copies the real content.
import { type Plan, type Rich, redactAll, shQuote } from '@buildproxy/core';
import { homePath, homeText, languageOf } from './home';

export interface Block {
  title: string;
  /** why the file or command is there, mode and who owns it */
  note: string;
  text: string;
  lang: string;
}

export interface Warning {
  rule: string;
  /** in the page's language */
  message: string;
  /** on a zh-CN page, the finding's message in Chinese (core's template by its typed id), values as code */
  detail?: Rich;
  /** on a zh-CN page, the doctor's own English line, quoted as output, for a finding without a typed message */
  cli?: string;
}

export interface PlanView {
  lang: Lang;
  blocks: Block[];
  cautions: string[];
  remaining: string[];
  refused: string[];
  warnings: Warning[];
}

/** A path in a shell line: the home as "$HOME", quoted when it needs it. */
function shPath(path: string, home: string): string {
  const p = homePath(path, home);
  return p.startsWith('~/') ? `"$HOME${p.slice(1)}"` : shQuote(p);
}

/** mkdir, a new file created with its mode before any byte is written, then the content through tee. */
function writeSteps(
  path: string,
  mode: string,
  isNew: boolean,
  root: boolean,
  content: string,
  home: string,
) {
  const sudo = root ? 'sudo ' : '';
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  let eof = 'EOF';
  while (content.split('\n').includes(eof)) eof += '_';
  return [
    `${sudo}mkdir -p ${shPath(dir, home)}`,
    ...(isNew ? [`${sudo}install -m ${mode} /dev/null ${shPath(path, home)}`] : []),
    `${sudo}tee ${shPath(path, home)} > /dev/null <<'${eof}'`,
    content.endsWith('\n') ? `${content}${eof}` : `${content}\n${eof}`,
  ].join('\n');
}

export type Lang = 'en' | 'zh-CN';
/** The few words the renderings add around core's text (core's reasons stay in English). */
const WORDS = {
  en: {
    mode: 'Mode',
    root: 'needs root',
    you: 'owned by you',
    isNew: 'a new file',
    replaces: 'replaces the whole file',
    write: 'Write',
    thenRun: 'Then run',
    order: 'In this order; each line says why.',
    restarts: 'Restarts',
    open: 'Stays open after this plan',
    fromShell: 'from a shell (mkdir, mode, tee)',
    warning: 'Warning',
    caution: 'Caution',
    openNone: 'nothing the doctor finds on this machine',
    copy: 'Copy',
    colon: ': ',
  },
  'zh-CN': {
    mode: '权限',
    root: '需要 root',
    you: '属于你',
    isNew: '新文件',
    replaces: '替换整个文件',
    write: '写入',
    thenRun: '然后运行',
    order: '按顺序执行；每行上方注明原因。',
    restarts: '重启',
    open: '此方案之后仍未解决',
    fromShell: '的 shell 步骤（mkdir、权限、tee）',
    warning: '警告',
    caution: '注意',
    openNone: 'doctor 在这台机器上没有发现其他问题',
    copy: '复制',
    colon: '：',
  },
} as const;

/**
 * `tr` translates core's English reasons and snippet titles (the zh-CN guides pass their table; the snippet
 * generator shows the CLI's English). A sentence it does not know stays English, which the docs tests catch.
 */
export function planView(
  plan: Plan,
  home: string,
  warnings: Warning[] = [],
  lang: Lang = 'en',
  tr: (english: string) => string = (s) => s,
): PlanView {
  const w = WORDS[lang];
  const zh = lang === 'zh-CN';
  const stop = zh ? '。' : '.';
  const sep = zh ? '，' : ', ';
  const blocks: Block[] = [];
  for (const c of plan.changes) {
    const lang = languageOf(c.path);
    const content = homeText(c.after, home, lang);
    const target = zh ? `（${c.target}）` : ` (${c.target})`;
    const note = `${tr(c.why)}${stop}${zh ? '' : ' '}${w.mode} ${c.mode}${sep}${c.needsRoot ? w.root : w.you}${sep}${c.before === null ? w.isNew : w.replaces}${target}${stop}`;
    blocks.push({ title: homePath(c.path, home), note, text: content, lang });
    blocks.push({
      title: `${w.write} ${homePath(c.path, home)}`,
      note: '',
      text: writeSteps(c.path, c.mode, c.before === null, c.needsRoot, content, home),
      lang: 'sh',
    });
  }
  if (plan.commands.length) {
    blocks.push({
      title: w.thenRun,
      note: w.order,
      text: plan.commands
        .map((c) => `# ${tr(c.why)}\n${c.needsRoot ? 'sudo ' : ''}${c.argv.map(shQuote).join(' ')}`)
        .join('\n'),
      lang: 'sh',
    });
  }
  for (const s of plan.snippets)
    blocks.push({
      title: tr(s.title.split(`${home}/`).join('~/')),
      note: `(${s.target})`,
      text: homeText(s.text, home, s.language),
      lang: s.language,
    });
  return {
    lang,
    blocks,
    cautions: plan.commands
      .filter((c) => c.disruptive)
      .map((c) => `\`${c.argv.join(' ')}\`: ${tr(c.why)}${stop}`),
    // a rule fixed for some actors and open for another (the RUN part of a CA) still stays open
    remaining: [...(plan.resolves?.remaining ?? []), ...(plan.resolves?.partly ?? []).map((p) => p.rule)],
    refused: (plan.refused ?? []).map((r) => `\`${r.target}\`${zh ? '：' : ': '}${tr(r.reason)}`),
    warnings,
  };
}

/** Back-compatible: the blocks a copy button copies. */
export function planBlocks(plan: Plan, home: string): Block[] {
  return planView(plan, home).blocks;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** `code` spans of a sentence as <code>, everything else escaped. */
const inline = (s: string) => escapeHtml(s).replace(/`([^`]+)`/g, (_, c: string) => `<code>${c}</code>`);

/** A block's caption: a path or an English title as code; a zh-CN title is prose that marks its own code. */
function titleHtml(title: string, lang: Lang): string {
  const w = WORDS['zh-CN'].write;
  if (lang !== 'zh-CN' || /^[~/%$]|^[A-Za-z]:\\/.test(title)) return `<code>${escapeHtml(title)}</code>`;
  if (title.startsWith(`${w} `)) return `${w} <code>${escapeHtml(title.slice(w.length + 1))}</code>`;
  return inline(title);
}

/** A translated message: prose escaped, each value masked and escaped in its own code span. */
const detailHtml = (r: Rich) =>
  r
    .map((p) =>
      typeof p === 'string'
        ? escapeHtml(redactAll(p))
        : `<code>${escapeHtml(redactAll('code' in p ? p.code : p.label))}</code>`,
    )
    .join('');

export function renderPlanHtml(view: PlanView, rules = '/rules/'): string {
  const w = WORDS[view.lang];
  const warn = view.warnings.map(
    (x) =>
      `<div class="bp-warning" role="note"><strong>${w.warning}</strong> <a href="${rules}${escapeHtml(x.rule)}/">${escapeHtml(x.rule)}</a>${w.colon}${escapeHtml(redactAll(x.message))}` +
      `${x.detail ? `<br><span class="bp-detail">${detailHtml(x.detail)}</span>` : ''}` +
      `${x.cli ? `<pre class="bp-cli" lang="en" tabindex="0"><code>${escapeHtml(redactAll(x.cli))}</code></pre>` : ''}</div>`,
  );
  const blocks = view.blocks.map(
    (b, i) =>
      `<figure class="bp-block"><figcaption>${titleHtml(b.title, view.lang)}${b.note ? ` <span class="bp-note">${inline(b.note)}</span>` : ''}</figcaption>` +
      `<button type="button" class="bp-copy" data-block="${i}" aria-label="${w.copy} ${escapeHtml(b.title)}">${w.copy}</button>` +
      `<pre data-lang="${escapeHtml(b.lang)}" tabindex="0"><code>${escapeHtml(redactAll(b.text))}</code></pre></figure>`,
  );
  const caution = view.cautions.length
    ? [
        `<aside class="bp-caution" role="note"><strong>${w.caution}</strong><ul>${view.cautions.map((c) => `<li>${inline(c)}</li>`).join('')}</ul></aside>`,
      ]
    : [];
  const open = [
    `<p class="bp-open"><strong>${w.open}${w.colon.trimEnd()}</strong> ${
      view.remaining.length
        ? view.remaining.map((r) => `<a href="${rules}${escapeHtml(r)}/">${escapeHtml(r)}</a>`).join(', ')
        : w.openNone
    }</p>`,
  ];
  const refused = view.refused.map((r) => `<p class="bp-error">${inline(r)}</p>`);
  return [...warn, ...caution, ...blocks, ...open, ...refused].join('');
}

/** A path is code; a zh-CN title is prose that marks its own commands as code (English titles stay code). */
const titleMd = (title: string, lang: Lang) =>
  lang === 'zh-CN' && !/^[~/%$]|^[A-Za-z]:\\/.test(title) ? title : `\`${title}\``;

export function renderPlanMarkdown(view: PlanView, rules = '/rules/'): string {
  const parts: string[] = [];
  for (const w of view.warnings) parts.push(`:::caution[${w.rule}]\n${w.message}\n:::`);
  if (view.cautions.length)
    parts.push(
      `:::caution[${WORDS[view.lang].restarts}]\n${view.cautions.map((c) => `- ${c}`).join('\n')}\n:::`,
    );
  for (const b of view.blocks) {
    const fence = b.text.includes('```') ? '~~~~' : '```';
    const code = `${fence}${b.lang}\n${b.text.trimEnd()}\n${fence}`;
    parts.push(
      b.title.startsWith(`${WORDS[view.lang].write} `)
        ? `<details>\n<summary>${b.title} ${WORDS[view.lang].fromShell}</summary>\n\n${code}\n\n</details>`
        : `${titleMd(b.title, view.lang)}${b.note ? `${view.lang === 'zh-CN' ? '：' : ': '}${b.note}` : ''}\n\n${code}`,
    );
  }
  if (view.remaining.length)
    parts.push(
      `${WORDS[view.lang].open}: ${view.remaining.map((r) => `[\`${r}\`](${rules}${r}/)`).join(', ')}.`,
    );
  for (const r of view.refused) parts.push(`> ${r}`);
  return parts.join('\n\n');
}
