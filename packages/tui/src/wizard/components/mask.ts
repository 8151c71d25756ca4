// While a URL is being typed the "@" may not be there yet: mask what can only be a password already
// (after "user:" and not a numeric port), so no frame ever shows it.
import { redactAll } from '@buildproxy/core';

export function maskTyping(text: string): string {
  return redactAll(text).replace(
    /([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)(?=[^\s@/]*[^\d\s@/])[^\s@/]+(@?)$/gim,
    '$1***$2',
  );
}
