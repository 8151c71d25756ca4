// Version strings as Docker and BuildKit print them ("20.10.24+dfsg1", "v0.13.1", "v0.0.0+unknown").

export type Version = [number, number, number];

export function parseVersion(s: string | null | undefined): Version | null {
  if (!s) return null;
  const m = /v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(s);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export function atLeast(v: Version | null, min: string): boolean | null {
  const m = parseVersion(min);
  if (!v || !m) return null;
  return compareVersions(v, m) >= 0;
}

/** Distribution builds report BuildKit as v0.0.0+unknown or v0.8+unknown: not a real version. */
export function isUnknownBuildkit(s: string | null | undefined): boolean {
  return !s || /\+unknown/.test(s) || /^v?0\.0\.0/.test(s);
}

/** BuildKit bundled with Docker Engine major versions (moby vendor.mod at each tag). */
export function buildkitForEngine(engine: Version | null): Version | null {
  if (!engine) return null;
  const table: [string, string][] = [
    ['29.0.0', '0.25.0'],
    ['28.0.0', '0.20.0'],
    ['27.5.0', '0.18.2'],
    ['27.0.0', '0.15.0'],
    ['26.0.0', '0.13.0'],
    ['25.0.0', '0.12.0'],
    ['24.0.0', '0.11.0'],
    ['23.0.0', '0.10.0'],
    ['20.10.0', '0.8.0'],
    ['19.03.0', '0.6.0'],
  ];
  for (const [e, b] of table) if (compareVersions(engine, parseVersion(e)!) >= 0) return parseVersion(b);
  return null;
}

export function formatVersion(v: Version | null): string {
  return v ? v.join('.') : 'unknown';
}
