// The doctor report as the CLI prints it (packages/tui/src/render/report.ts), built as DOM for the capture analyzer:
// the same lines in the same order (proxy header, engine, builders, per actor its proxy with where it came from,
// its findings, the summary), so the page and `buildproxy doctor --from` read alike. Every value came from a
// capture someone dropped here: it only ever becomes textContent, never markup.
// On a zh-CN page the words around the values are Chinese, the labels core gives (actors, sources) go through
// words-zh-cn.ts, a finding shows its rule's zh-CN title (keyed by rule id) and its detail line from core's zh-CN
// template for the finding's typed message id: the prose Chinese, the values (paths, URLs, hosts) verbatim as code.
import {
  ACTORS,
  type Finding,
  type MarkKind,
  markOf,
  type Report,
  type ReportActor,
  type RuleTextTranslation,
  renderMsg,
  type Templates,
} from '@buildproxy/core';

/** What a zh-CN page passes in (loaded only there): the labels' translation and the rules' zh-CN texts. */
export interface ReportZh {
  label: (english: string) => { text: string; code: boolean };
  ruleTexts: Record<string, RuleTextTranslation>;
  actors: Record<string, string>;
  marks: Record<MarkKind, string>;
  /** core's zh-CN finding messages, by typed message id */
  messages: Templates;
}

type Kid = Node | string;
const el = (tag: string, props: Record<string, string> = {}, ...kids: Kid[]) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
};
const dim = (...kids: Kid[]) => el('span', { class: 'bp-dim' }, ...kids);
const code = (s: string) => el('code', {}, s);

/** One of core's fixed names on a zh-CN page: its Chinese (a `command` in it as code), or the label as code. */
function labelKid(zh: ReportZh, s: string): Kid {
  const t = zh.label(s);
  if (t.code) return code(t.text);
  if (!t.text.includes('`')) return t.text;
  const f = document.createDocumentFragment();
  t.text.split('`').forEach((part, i) => {
    if (part) f.append(i % 2 ? code(part) : part);
  });
  return f;
}

/** dockerd's state as the capture saw it (State['docker']['daemon']); 'absent' has its own line. */
const DAEMON_ZH_CN: Record<string, string> = { up: '正在运行', down: '未运行', timeout: '没有应答（超时）' };

/** The words around the report's values, per language. English is the CLI's, byte for byte. */
function wordsFor(zh: ReportZh | undefined) {
  const label = (s: string): Kid => (zh ? labelKid(zh, s) : s);
  return {
    label,
    /** a value (a URL, a list, a builder's name): code on a zh-CN page, as the CLI prints it in English */
    value: (v: string): Kid => (zh ? code(v) : v),
    mark: (kind: MarkKind, word: string) => (zh ? zh.marks[kind] : word),
    proxy: zh ? '代理：' : 'Proxy: ',
    from: (src: string) => (zh ? dim('（来源：', label(src), '）') : dim(`(from ${src})`)),
    source: (src: string) => (zh ? dim('（', label(src), '）') : dim(`(${src})`)),
    none: zh
      ? dim('未找到。用 ', code('--proxy URL'), ' 指定你需要的代理来检查')
      : dim('none found — pass --proxy URL to check against the proxy you need'),
    notSet: zh ? '未设置' : 'not set',
    unknown: zh ? '无法检查' : 'could not be inspected',
    absent: zh ? '未安装 docker' : 'docker not installed',
    engine: (v: string, daemon: string) =>
      zh
        ? `Docker Engine ${v === 'unknown' ? '（版本未知）' : v}（守护进程${DAEMON_ZH_CN[daemon] ?? `：${daemon}`}）`
        : `Docker Engine ${v} (daemon ${daemon === 'up' ? 'running' : daemon})`,
    desktop: zh ? '，Docker Desktop' : ', Docker Desktop',
    rootless: zh ? '，rootless' : ', rootless',
    noBuildx: zh ? '，没有 buildx' : ', no buildx',
    actor: (a: string) => (zh ? `${zh.actors[a] ?? a} ` : `${a} `),
    summary: (errors: number, warnings: number, notes: number) =>
      zh
        ? errors + warnings + notes === 0
          ? '没有发现问题。'
          : `${errors} 个错误，${warnings} 个警告，${notes} 条提示。`
        : errors + warnings + notes === 0
          ? 'No problems found.'
          : `${errors ? `${errors} error${errors > 1 ? 's' : ''}` : '0 errors'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${notes} note${notes === 1 ? '' : 's'}.`,
    next: zh
      ? dim('下一步：', code('buildproxy plan'), '，预览修复这些错误的配置改动。')
      : dim('Next: buildproxy plan — preview the config changes that fix the errors.'),
  };
}

export function reportDom(r: Report, rules = '/rules/', zh?: ReportZh): HTMLElement {
  const w = wordsFor(zh);
  const p = r.profile;
  const d = r.docker;
  const mark = (v: ReportActor['verdict'] | Finding['severity']) => {
    const { glyph, word } = markOf(v);
    const said = w.mark(v as MarkKind, word);
    return el('span', { class: `bp-mark bp-${word}`, title: said, 'aria-label': said }, glyph);
  };
  const proxyLine = (name: string, v: ReportActor['httpProxy']) =>
    el('li', {}, `${name} `, ...(v ? [w.value(v.value), ' ', w.source(v.source)] : [dim(w.notSet)]));
  const head: Kid[] = [el('p', { class: 'bp-rh' }, el('strong', {}, w.value('buildproxy doctor')))];
  const proxy = p.httpsProxy ?? p.httpProxy;
  head.push(
    el(
      'p',
      {},
      ...(proxy
        ? [
            w.proxy,
            w.value(proxy),
            ' ',
            w.from(String(p.source)),
            ...(p.noProxy.length ? ['  NO_PROXY: ', w.value(p.noProxy.join(','))] : []),
          ]
        : [w.proxy, w.none]),
    ),
  );
  const engine = d.daemon === 'absent' ? w.absent : w.engine(d.engine ?? 'unknown', d.daemon);
  head.push(
    el(
      'p',
      { class: 'bp-dim' },
      `${engine}${d.desktop ? w.desktop : ''}${d.rootless ? w.rootless : ''}${d.buildx ? '' : d.daemon === 'absent' ? '' : w.noBuildx}`,
    ),
  );
  if (d.daemon !== 'absent')
    head.push(
      el(
        'p',
        { class: 'bp-dim' },
        ...(zh
          ? [code(`docker build → "${r.builders.docker}", docker buildx build → "${r.builders.buildx}"`)]
          : [`docker build → "${r.builders.docker}", docker buildx build → "${r.builders.buildx}"`]),
      ),
    );
  const actors: Kid[] = [];
  for (const actor of ACTORS) {
    const a = r.actors[actor];
    if (a.status === 'absent' && r.findings.every((f) => f.actor !== actor)) continue;
    const lines: Node[] = [];
    if (a.status === 'known') {
      lines.push(proxyLine('HTTPS_PROXY', a.httpsProxy));
      if (a.httpProxy && a.httpProxy.value !== a.httpsProxy?.value)
        lines.push(proxyLine('HTTP_PROXY', a.httpProxy));
      if (a.noProxy) lines.push(proxyLine('NO_PROXY', a.noProxy));
    } else if (a.status === 'unknown') lines.push(el('li', {}, dim(w.unknown)));
    const findings = r.findings
      .filter((x) => x.actor === actor)
      .map((f) => el('li', { 'data-rule': f.rule }, ...findingKids(f, rules, mark, zh)));
    actors.push(
      el(
        'section',
        { class: 'bp-actor', 'data-actor': actor },
        el(
          'h3',
          {},
          mark(a.verdict),
          ' ',
          w.actor(actor),
          el('span', { class: 'bp-label' }, w.label(a.label)),
        ),
        ...(lines.length ? [el('ul', { class: 'bp-proxies' }, ...lines)] : []),
        ...(findings.length ? [el('ul', { class: 'bp-findings' }, ...findings)] : []),
      ),
    );
  }
  const n = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s).length;
  const errors = n('error');
  const tail: Kid[] = [el('p', { class: 'bp-summary' }, w.summary(errors, n('warning'), n('info')))];
  if (errors) tail.push(el('p', { class: 'bp-dim' }, w.next));
  return el('div', { class: 'bp-report' }, ...head, ...actors, ...tail);
}

/** A finding: in English the CLI's title and message; in zh-CN the rule's zh-CN title and message. */
function findingKids(
  f: Finding,
  rules: string,
  mark: (v: Finding['severity']) => Node,
  zh: ReportZh | undefined,
): Kid[] {
  const link = el('a', { href: `${rules}${encodeURIComponent(f.rule)}/` }, `buildproxy explain ${f.rule}`);
  if (!zh) return [mark(f.severity), ` ${f.title}`, el('br'), f.message, el('br'), '→ ', link];
  const t = zh.ruleTexts[f.rule];
  // A finding from a rule without a typed message (none today; a test holds every rule to one) shows the CLI's line.
  const detail = f.msg
    ? el(
        'span',
        { class: 'bp-detail' },
        ...renderMsg(f.msg, zh.messages).map((p) =>
          typeof p === 'string' ? p : 'code' in p ? code(p.code) : labelKid(zh, p.label),
        ),
      )
    : el('pre', { class: 'bp-cli', lang: 'en', tabindex: '0' }, el('code', {}, f.message));
  return [
    mark(f.severity),
    ` ${t?.title ?? f.title}`,
    el('br'),
    detail,
    el('br'),
    '→ 规则说明：',
    el('code', {}, link),
  ];
}
