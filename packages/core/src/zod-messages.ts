// zod/mini ships without messages ("Invalid input"); the English locale makes rejections say what was expected.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

let configured = false;
export function useEnglishMessages(): void {
  if (configured) return;
  z.config(en());
  configured = true;
}
