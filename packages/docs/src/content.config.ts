import { defineCollection } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

// i18n: the few Starlight/Expressive Code strings its zh-CN table leaves in English (a heading's anchor label,
// the code frames' copy button and terminal title), so a zh-CN page is Chinese to a screen reader too.
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
