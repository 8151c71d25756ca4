// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import starlightLinksValidator from 'starlight-links-validator';

export default defineConfig({
  site: 'https://buildproxy.dev',
  telemetry: false,
  // Smart punctuation turns `--driver-opt` in prose into an em dash and the quotes of a CSV field into curly ones:
  // a reader copies them into a shell. Typographic characters are written as such where they are meant.
  markdown: { smartypants: false },
  integrations: [
    starlight({
      title: 'buildproxy',
      // English at the root, Simplified Chinese under /zh-cn/: a large share of the readers build from China, where
      // the proxy is often a local client on 127.0.0.1:7890 and docker.io is reached through mirrors.
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      description: 'Get docker build working behind a corporate proxy — and learn why it failed.',
      favicon: '/favicon.svg',
      // Starlight's ranking defaults put three rule pages above the daemon.json guide for "daemon.json": term
      // frequency and similar terms (daemon-json in their URLs) outweighed the guide's title. Measured with the
      // built index: with these, the guide is first, and "failed to fetch oauth token" still finds its rule first.
      pagefind: { ranking: { pageLength: 0.5, termFrequency: 0.5, termSaturation: 1.4, termSimilarity: 1 } },
      customCss: ['./src/styles/tools.css'],
      // Long commands wrap instead of scrolling sideways.
      expressiveCode: { defaultProps: { wrap: true } },
      head: [
        {
          // A table or code block that still scrolls sideways must be reachable by keyboard (WCAG 2.1.1).
          tag: 'script',
          content:
            "addEventListener('DOMContentLoaded',()=>{for(const e of document.querySelectorAll('.sl-markdown-content table, .sl-markdown-content pre'))if(e.scrollWidth>e.clientWidth&&!e.hasAttribute('tabindex'))e.tabIndex=0})",
        },
      ],
      plugins: [starlightLinksValidator({ errorOnRelativeLinks: false })],
      sidebar: [
        {
          label: 'Start',
          translations: { 'zh-CN': '开始' },
          // The site title leads to the overview in the reader's language.
          items: [{ slug: 'install' }, { slug: 'how-a-build-reaches-the-network' }],
        },
        { label: 'Guides', translations: { 'zh-CN': '指南' }, autogenerate: { directory: 'guides' } },
        { label: 'Tools', translations: { 'zh-CN': '工具' }, autogenerate: { directory: 'tools' } },
        { label: 'Reference', translations: { 'zh-CN': '参考' }, autogenerate: { directory: 'reference' } },
        {
          label: 'Rules',
          translations: { 'zh-CN': '规则' },
          collapsed: true,
          autogenerate: { directory: 'rules' },
        },
      ],
    }),
  ],
});
