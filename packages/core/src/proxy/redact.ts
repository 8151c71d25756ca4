// Secrets never leave buildproxy: every URL password is masked before anything is printed or stored.

// scheme://user:password@ … — the password runs to the last "@" of the token so an unencoded "@" is covered too.
const URL_CREDS = /([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^\s:/@"'`<>]*):([^\s"'`<>]*)@(?=[^\s@"'`<>/]+)/g;
// Docker's own mask (docker info) is already safe.
const DOCKER_MASK = 'xxxxx:xxxxx';

/** Display redaction: http://alice:secret@proxy:3128 → http://alice:***@proxy:3128 */
export function redactText(text: string): string {
  return text.replace(URL_CREDS, (whole, scheme: string, user: string, _pw: string) =>
    `${user}:${_pw}` === DOCKER_MASK ? whole : `${scheme}${user}:***@`,
  );
}

/** A value of a proxy variable may lack a scheme (alice:pw@proxy:3128): Go accepts that form too. */
export function redactProxyValue(value: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(value)) return redactText(value);
  return redactText(`http://${value}`).slice('http://'.length);
}

/**
 * Capture redaction: every letter and digit of a password becomes "*", while punctuation and %XX escapes stay,
 * so escaping rules can still be checked on a capture but the secret does not survive.
 */
export function maskPassword(pw: string): string {
  return pw.replace(/%%[0-9a-fA-F]{2}|%[0-9a-fA-F]{2}|%%|[A-Za-z0-9]/g, (m) => (m.length > 1 ? m : '*'));
}

export function maskText(text: string): string {
  const masked = text.replace(URL_CREDS, (whole, scheme: string, user: string, pw: string) =>
    `${user}:${pw}` === DOCKER_MASK ? whole : `${scheme}${user}:${maskPassword(pw)}@`,
  );
  // Scheme-less proxy values in KEY=VALUE form (HTTPS_PROXY=alice:pw@proxy:3128), and bare ones.
  return masked
    .replace(BARE_CREDS, (whole, pre: string, user: string, pw: string) =>
      /^[*%!$&'()+,;=._~-]*$/.test(pw.replace(/%[0-9a-fA-F]{2}|%%/g, '')) || `${user}:${pw}` === DOCKER_MASK
        ? whole
        : `${pre}${user}:${maskPassword(pw)}@`,
    )
    .replace(
      /((?:^|[\s"'])(?:[A-Za-z_]*_proxy|[A-Za-z_]*_PROXY)=["']?)([^\s:/@"'=]+):(?!\/\/)([^\s"']*)@(?=[^\s@"'/]+)/g,
      (_w, pre: string, user: string, pw: string) => `${pre}${user}:${maskPassword(pw)}@`,
    );
}

export function redactSchemeless(text: string): string {
  return text.replace(
    /((?:^|[\s"'])(?:[A-Za-z_]*_proxy|[A-Za-z_]*_PROXY)=["']?)([^\s:/@"'=]+):(?!\/\/)([^\s"']*)@(?=[^\s@"'/]+)/g,
    (_w, pre: string, user: string) => `${pre}${user}:***@`,
  );
}

// A bare user:password@host[:port] anywhere (Go accepts proxy values without a scheme).
const BARE_CREDS = /(^|[\s"'=(,;])([^\s:/@"'=(,;]+):(?!\/\/)([^\s"'@/]+)@(?=[A-Za-z0-9[][^\s@"'/]*)/g;

/** Everything that is shown to a person goes through here. */
export function redactAll(text: string): string {
  return redactSchemeless(redactText(text)).replace(
    BARE_CREDS,
    (whole, pre: string, user: string, pw: string) =>
      pw === '***' || `${user}:${pw}` === DOCKER_MASK ? whole : `${pre}${user}:***@`,
  );
}
