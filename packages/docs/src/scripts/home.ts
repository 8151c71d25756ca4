// The example machines live in a fixture home (/home/alice). A reader copies what the site shows, so that home
// never reaches the page: each language gets the form its consumer expands — `~`/`$HOME` in shell, `%h` in a
// systemd user unit — and JSON/TOML/YAML, which expand nothing, get a placeholder the reader has to see and fill.

export const HOME_PLACEHOLDER = '/home/YOUR_USER';

/** A path as a caption: `~/.docker/config.json`. */
export function homePath(path: string, home: string): string {
  return path === home ? '~' : path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}

/** File or snippet text with the fixture home replaced by what its language expands. */
export function homeText(text: string, home: string, lang: string): string {
  if (!text.includes(home)) return text;
  const re = new RegExp(`${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|\\b)`, 'g');
  if (lang === 'sh' || lang === 'bash' || lang === 'zsh') return text.replace(re, '$$HOME');
  if (lang === 'ini' || lang === 'systemd') return text.replace(re, '%h');
  return text.replace(re, HOME_PLACEHOLDER);
}

/** The language a file's consumer reads it as, from its path. */
export function languageOf(path: string): string {
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.toml')) return 'toml';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  if (path.endsWith('.conf') || path.endsWith('.service') || path.endsWith('.env')) return 'ini';
  if (path.endsWith('.wslconfig')) return 'ini';
  return 'sh';
}
