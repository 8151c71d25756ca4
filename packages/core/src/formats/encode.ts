// Encoders for every syntax a plan writes. Each one has a property test that parses the output back with the
// consumer's own rules (systemd, POSIX sh, fish, buildx's CSV, JSON, TOML) and gets exactly the value in.

/** One systemd Environment= assignment: quoted, C-escaped, every % doubled so no specifier is resolved. */
export function systemdAssignment(name: string, value: string): string {
  const escaped = `${name}=${value}`
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r')
    .replace(/%/g, '%%');
  return `"${escaped}"`;
}

/** A line of an EnvironmentFile= (no specifiers there, shell-like double quotes). */
export function envFileLine(name: string, value: string): string {
  return `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/`/g, '\\`').replace(/\n/g, '\\n')}"`;
}

/** POSIX sh single-quoting: nothing inside is special except the quote itself. */
export function shQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The value of one word shQuote wrote, read back as sh reads it: single-quoted runs taken as they are, `\'`
 * outside quotes a quote, anything else literal. Only for our own output (the plan's simulate reads its proxy.sh).
 */
export function shUnquote(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const ch = word[i]!;
    if (ch === "'") {
      const end = word.indexOf("'", i + 1);
      if (end < 0) return out + word.slice(i + 1);
      out += word.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '\\' && i + 1 < word.length) {
      out += word[i + 1];
      i += 2;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** fish single-quoting: only \\ and \' are escapes. */
export function fishQuote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * One field as buildx reads --driver-opt values (Go encoding/csv): quoted when it holds a comma, a quote,
 * a line break or surrounding space, with inner quotes doubled. `env.NO_PROXY=a,b` → `"env.NO_PROXY=a,b"`.
 */
export function csvField(value: string): string {
  if (/[",\r\n]/.test(value) || /^\s|\s$/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** Go encoding/csv reading of one line, as buildx does for --driver-opt; null when Go would error. */
export function parseCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  while (true) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (true) {
        if (i >= line.length) return null;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += line[i++];
      }
      fields.push(v);
      if (i === line.length) return fields;
      if (line[i] !== ',') return null;
      i++;
    } else {
      const end = line.indexOf(',', i);
      const v = end < 0 ? line.slice(i) : line.slice(i, end);
      if (v.includes('"')) return null;
      fields.push(v);
      if (end < 0) return fields;
      i = end + 1;
    }
  }
}

/** Double-quoted YAML scalar (JSON strings are valid YAML). */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}
