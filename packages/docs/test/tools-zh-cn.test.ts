// The two in-browser tools on the zh-CN pages, in Chromium: what they render after their script has run is Chinese
// outside code (the words around the values, core's labels, the rules' zh-CN titles by rule id, each finding's
// detail line from core's zh-CN template for its typed message id), while the files, commands and the plan itself
// are byte for byte what the English page computes.
import {
  buildReport,
  examplesOf,
  MESSAGES_ZH_CN,
  PLAN_FORMAT,
  RULE_TEXTS_ZH_CN,
  RULES,
  renderMsg,
  TARGET_LABELS,
} from '@buildproxy/core';
import { type MachineSpec, synthesize } from '@buildproxy/core/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROXY_PROBLEM_ZH_CN } from '../src/scripts/words-zh-cn';
import { type Site, startSite } from './browser';
import { chineseProse, englishSentences } from './prose';

let site: Site;
beforeAll(async () => {
  site = await startSite();
}, 60_000);
afterAll(async () => {
  await site?.close();
});

async function open(path: string, clipboard = false): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
  const page = await context.newPage();
  expect((await page.goto(`${site.base}${path}`))?.status()).toBe(200);
  return page;
}

/** English words a Chinese sentence never needs outside code: the sign that a phrase was left untranslated. Lower
 * case only: a capitalised word is a name or a key (`Environment=` in a rule's zh-CN title). */
const ENGLISH =
  /^(?:the|a|an|of|to|in|is|are|and|or|for|with|on|by|not|no|none|does|do|it|its|this|that|from|be|has|have|was|at|as|only|when|your|you|set|found|used|could|inspected|error|errors|warning|warnings|note|notes|problems|next|preview|running|installed|environment|settings|builder|driver|steps|copy|copied|failed|stays|open|mode|needs|owned|write|then|caution|plan|proxy|down|unknown|timeout)$/;
const WORD = /[A-Za-z][\w'-]*/g;
/** The English left in an element's prose (code, pre and lang="en" excluded), sentences and stray words alike. */
/** A finding's detail line: Chinese prose around its values, and no English CLI line quoted in its place. */
async function detailsChinese(page: Page, selector: string): Promise<string[]> {
  const bad: string[] = [];
  for (const d of await page.locator(`${selector} .bp-detail`).all()) {
    const outside = await d.evaluate((e) => {
      const c = e.cloneNode(true) as HTMLElement;
      for (const x of c.querySelectorAll('code')) x.remove();
      return c.textContent ?? '';
    });
    if (!/[\u4e00-\u9fff]/.test(outside)) bad.push((await d.textContent()) ?? '');
  }
  if ((await page.locator(`${selector} .bp-cli`).count()) > 0) bad.push('an English CLI line is quoted');
  return bad;
}

async function english(page: Page, selector: string): Promise<string[]> {
  const html = await page.locator(selector).evaluate((e) => `<main>${e.outerHTML}</main>`);
  const prose = chineseProse(html);
  const words = (prose.match(WORD) ?? []).filter((w) => ENGLISH.test(w));
  return [...englishSentences(prose), ...words];
}

describe('zh-CN snippet generator', () => {
  // The form as a reader fills it: every target ticked, a CA and a mirror, then each kind of proxy.
  async function fill(page: Page, proxy: string, onHost = false) {
    const before = await page.locator('#snippet-json').textContent();
    await page.locator('input[name="proxy"]').fill(proxy);
    const box = page.locator('input[name="proxyOnHost"]');
    if ((await box.isChecked()) !== onHost) await box.setChecked(onHost);
    // Each answer plans every target and runs the doctor twice in the page: slow on a loaded machine, so a wide bound.
    await page.waitForFunction(
      (b) => (document.getElementById('snippet-json')?.textContent ?? '') !== b,
      before,
      { timeout: 120_000 },
    );
  }
  async function everything(page: Page) {
    for (const box of await page.locator('input[name="target"]').all()) await box.check();
    await page.locator('input[name="mirrors"]').fill('mirror.corp.example:5000');
    await page.locator('input[name="caCert"]').fill('/usr/local/share/ca-certificates/corp.crt');
  }
  const CASES: [string, boolean][] = [
    ['http://alice:p%40ss@proxy.corp.example:3128', false],
    ['https://proxy.corp.example:3128', false],
    ['socks5://127.0.0.1:7891', false],
    ['http://127.0.0.1:7890', true],
    // another port: with every target ticked, --proxy-on-host alone does not change the plan's JSON
    ['http://127.0.0.1:7897', false],
  ];

  it('the form, the plan and its warnings are Chinese, for every target and kind of proxy', async () => {
    const page = await open('/zh-cn/tools/snippets/');
    expect(await english(page, '#snippet-form')).toEqual([]);
    // each target by its zh-CN label, the code name beside it
    for (const t of ['docker-systemd', 'wslconfig'] as const)
      expect(await page.locator(`label:has(input[value="${t}"])`).textContent()).toContain(
        TARGET_LABELS[t]['zh-CN'],
      );
    expect(await english(page, '#snippet-output')).toEqual([]);
    await everything(page);
    const rules = new Set<string>();
    for (const [proxy, onHost] of CASES) {
      await fill(page, proxy, onHost);
      expect(await english(page, '#snippet-output'), proxy).toEqual([]);
      expect(await detailsChinese(page, '#snippet-output'), proxy).toEqual([]);
      expect(await page.locator('#snippet-json').textContent()).toContain(PLAN_FORMAT);
      for (const a of await page.locator('.bp-warning a').all()) rules.add((await a.getAttribute('href'))!);
    }
    // The warnings the doctor gives for these proxies are there, and lead to the zh-CN rule pages.
    for (const rule of ['https-proxy-scheme', 'all-proxy-only', 'loopback-proxy-unreachable'])
      expect(rules).toContain(`/zh-cn/rules/${rule}/`);
    // the doctor's warnings (not the generator's own two) each have their detail line in Chinese
    expect(await page.locator('.bp-warning .bp-detail').count()).toBeGreaterThan(0);
    expect(await page.locator('.bp-caution').textContent()).toContain('会停止正在运行的容器');
    expect(await page.locator('#snippet-output').textContent()).toContain('权限 0600');
    await page.close();
  });

  it('the files and commands are the English page’s, byte for byte (the reasons in comments aside)', async () => {
    const shown = async (path: string) => {
      const page = await open(path);
      await everything(page);
      await fill(page, 'http://127.0.0.1:7890', true);
      // A shell block's comment lines are the plan's reasons, in the page's language; the rest is code.
      const code = (await page.locator('#snippet-output figure.bp-block pre').allTextContents()).map((c) =>
        c.replace(/^# .*\n/gm, ''),
      );
      const out = { json: await page.locator('#snippet-json').textContent(), code };
      await page.close();
      return out;
    };
    const [en, zh] = [await shown('/tools/snippets/'), await shown('/zh-cn/tools/snippets/')];
    expect(en.code.length).toBeGreaterThan(10);
    expect(zh.json).toBe(en.json);
    expect(zh.code).toEqual(en.code);
  });

  it('a bad proxy URL is explained in Chinese by its problem code; Copy says 已复制', async () => {
    const page = await open('/zh-cn/tools/snippets/', true);
    await page.locator('input[name="proxy"]').fill('http://:3128');
    await page.locator('#snippet-error:not([hidden])').waitFor();
    expect(await page.locator('#snippet-error').textContent()).toContain(PROXY_PROBLEM_ZH_CN['empty-host']);
    expect(await english(page, '#snippet-error')).toEqual([]);
    await page.locator('input[name="proxy"]').fill('http://proxy.corp.example:3128');
    await page.locator('#snippet-error[hidden]').waitFor({ state: 'attached' });
    const copy = page.locator('.bp-copy').first();
    expect(await copy.textContent()).toBe('复制');
    await copy.click();
    await page.waitForFunction(() => document.querySelector('.bp-copy')?.textContent === '已复制');
    await page.close();
  });
});

describe('zh-CN capture analyzer', () => {
  // Every rule's two example machines: between them they reach every actor label and proxy source core gives.
  const machines = RULES.flatMap((r) =>
    (['bad', 'good'] as const).map((k) => [`${r.id} ${k}`, examplesOf(r)[k].machine as MachineSpec] as const),
  );

  it(`renders the report in Chinese for all ${machines.length} example machines of the rules`, async () => {
    const page = await open('/zh-cn/tools/analyze/');
    const left: string[] = [];
    for (const [name, machine] of machines) {
      const ev = synthesize(machine);
      const { report } = buildReport(ev);
      await page.locator('#capture-text').fill(JSON.stringify(ev));
      await page.locator('.bp-report').waitFor();
      for (const w of await english(page, '#capture-report')) left.push(`${name}: ${w}`);
      for (const w of await detailsChinese(page, '#capture-report')) left.push(`${name}: detail ${w}`);
      // one entry per finding (grouped by actor), with its rule's zh-CN title, linked to the zh-CN rule page
      const items = await page.locator('.bp-findings li').all();
      const shown: string[] = [];
      // each finding's values, as core's zh-CN template gives them as code
      const values = report.findings.map((f) =>
        renderMsg(f.msg!, MESSAGES_ZH_CN).flatMap((p) =>
          typeof p !== 'string' && 'code' in p ? [p.code] : [],
        ),
      );
      for (const li of items) {
        const rule = (await li.getAttribute('data-rule'))!;
        shown.push(rule);
        expect(await li.textContent(), name).toContain(RULE_TEXTS_ZH_CN[rule]!.title);
        // its detail line carries core's values verbatim, each as code (a label the page translates may add code)
        const codes = await li.locator('.bp-detail code').allTextContents();
        expect(
          values.some((v) => v.every((c) => codes.includes(c))),
          `${name}: ${codes.join(' | ')}`,
        ).toBe(true);
        expect(await li.locator(`a[href="/zh-cn/rules/${rule}/"]`).count()).toBe(1);
      }
      expect(shown.sort(), name).toEqual(report.findings.map((f) => f.rule).sort());
    }
    expect([...new Set(left)]).toEqual([]);
    // a phrase that starts like a command is still a phrase, not code
    expect(await page.locator('.bp-actor[data-actor="client"] .bp-label').first().innerHTML()).toBe(
      '你 shell 中的 docker CLI 和 buildx',
    );
    await page.close();
  });

  it('the check can fail: an English label or sentence outside code is found', () => {
    const prose = chineseProse(
      '<main><div><h3>运行时 <span>the docker systemd unit</span></h3><pre lang="en">has no HTTPS_PROXY</pre></div></main>',
    );
    expect((prose.match(WORD) ?? []).filter((w) => ENGLISH.test(w))).toEqual(['the']);
  });

  it('a file that is not JSON is said in Chinese', async () => {
    const page = await open('/zh-cn/tools/analyze/');
    await page.locator('#capture-text').fill('{not json');
    await page.locator('#capture-error:not([hidden])').waitFor();
    expect(await page.locator('#capture-error').textContent()).toMatch(/^不是 JSON：/);
    expect(await english(page, '#capture-error')).toEqual([]);
    await page.close();
  });
});
