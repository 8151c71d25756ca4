// Secrets never leave buildproxy: every URL password is masked before anything is printed or stored.
// One mechanism for both forms Go accepts — scheme://user:password@host and the scheme-less user:password@host —
// with the password running to the last "@" of the token, so an unencoded "@" is covered too.

const WITH_SCHEME = /([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^\s:/@"'`<>]*):([^\s"'`<>]*)@(?=[^\s@"'`<>/]+)/g;
const WITHOUT_SCHEME =
  /(^|[\s"'=(,;])([^\s:/@"'`<>=(,;]+):(?!\/\/)([^\s"'`<>]*)@(?=[A-Za-z0-9[][^\s@"'`<>/]*)/g;
// Docker's own mask (docker info) is already safe.
const DOCKER_MASK = 'xxxxx:xxxxx';

function hidePasswords(text: string, conceal: (pw: string) => string): string {
  // Leave what is hidden already alone, so redacting twice changes nothing.
  const hide = (whole: string, pre: string, user: string, pw: string) =>
    `${user}:${pw}` === DOCKER_MASK || conceal(pw) === pw ? whole : `${pre}${user}:${conceal(pw)}@`;
  return text.replace(WITH_SCHEME, hide).replace(WITHOUT_SCHEME, hide);
}

/**
 * Capture redaction: every letter and digit of a password becomes "*", while punctuation and %XX escapes stay,
 * so escaping rules can still be checked on a capture but the secret does not survive.
 */
export function maskPassword(pw: string): string {
  return pw.replace(/%%[0-9a-fA-F]{2}|%[0-9a-fA-F]{2}|%%|[A-Za-z0-9]/g, (m) => (m.length > 1 ? m : '*'));
}

/** Display redaction, for everything shown to a person: http://alice:secret@proxy:3128 → http://alice:***@proxy:3128 */
export function redactAll(text: string): string {
  return hidePasswords(text, () => '***');
}

/** Capture redaction over any text (files, command output, environments). */
export function maskText(text: string): string {
  return hidePasswords(text, maskPassword);
}
