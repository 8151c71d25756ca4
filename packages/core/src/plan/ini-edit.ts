// Set keys in an INI file the way WSL reads `.wslconfig` ([section], key=value, # or ; comments, keys compared
// without case): every other line, comment, section, key spelling and the line ending (CRLF from Notepad) stay
// byte for byte. A file whose meaning is unclear is refused, never rewritten: a line that is none of the above,
// the same key twice in a section (which one wins is the reader's choice, not ours), a section given twice,
// UTF-16 or bytes that are not UTF-8.

export const MAX_INI = 64 * 1024;

export type IniEdit = { ok: true; text: string } | { ok: false; line: number; message: string };

interface Line {
  text: string;
  kind: 'blank' | 'comment' | 'section' | 'key' | 'bad';
  section: string;
  key?: string;
}

function classify(raw: string, section: string): Line {
  const t = raw.trim();
  if (t === '') return { text: raw, kind: 'blank', section };
  if (t.startsWith('#') || t.startsWith(';')) return { text: raw, kind: 'comment', section };
  const sec = /^\[([^\][]+)\]\s*(?:[#;].*)?$/.exec(t);
  if (sec) return { text: raw, kind: 'section', section: sec[1]!.trim().toLowerCase() };
  const eq = t.indexOf('=');
  if (eq > 0) {
    const key = t.slice(0, eq).trim();
    if (/^[A-Za-z0-9_.-]+$/.test(key)) return { text: raw, kind: 'key', section, key: key.toLowerCase() };
  }
  return { text: raw, kind: 'bad', section };
}

/**
 * Set each `key` of `section` to its value. An existing key keeps its spelling and position (also when it sits
 * in one of `alsoIn`, WSL 2.0's [experimental]); a missing one is added at the end of the section, and a
 * missing section at the end of the file.
 */
export function setIniKeys(
  text: string,
  section: string,
  values: Record<string, string>,
  alsoIn: string[] = [],
): IniEdit {
  if (text.length > MAX_INI) return { ok: false, line: 0, message: `larger than ${MAX_INI} bytes` };
  if (text.includes('\0'))
    return { ok: false, line: 0, message: 'not UTF-8 text (UTF-16? save it as UTF-8 in Notepad)' };
  if (text.includes('\uFFFD')) return { ok: false, line: 0, message: 'bytes that are not UTF-8' };
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const raw = body === '' ? [] : body.split(/\r?\n/);
  const endsWithEol = raw.length > 1 && raw[raw.length - 1] === '';
  if (endsWithEol) raw.pop();
  const lines: Line[] = [];
  const seenSections = new Set<string>();
  const seenKeys = new Set<string>();
  let cur = '';
  for (const [i, r] of raw.entries()) {
    const l = classify(r, cur);
    if (l.kind === 'bad')
      return {
        ok: false,
        line: i + 1,
        message: `"${r.trim().slice(0, 60)}" is not a [section], key=value or comment`,
      };
    if (l.kind === 'section') {
      if (seenSections.has(l.section))
        return { ok: false, line: i + 1, message: `section [${l.section}] appears twice` };
      seenSections.add(l.section);
      cur = l.section;
    }
    if (l.kind === 'key') {
      const id = `${cur}\0${l.key}`;
      if (seenKeys.has(id))
        return { ok: false, line: i + 1, message: `key ${l.key} appears twice in [${cur || 'top'}]` };
      seenKeys.add(id);
    }
    lines.push(l);
  }
  const target = section.toLowerCase();
  const also = alsoIn.map((s) => s.toLowerCase());
  const out = lines.map((l) => l.text);
  const want = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  const inTarget = new Set<string>();
  for (const [i, l] of lines.entries()) {
    if (l.kind !== 'key' || !(l.section === target || also.includes(l.section))) continue;
    const v = want.get(l.key!);
    if (v === undefined) continue;
    const indent = /^\s*/.exec(l.text)![0];
    const spelled = l.text.trim().split('=')[0]!.trim();
    out[i] = `${indent}${spelled}=${v}`;
    if (l.section === target) inTarget.add(l.key!);
  }
  // a key only in [experimental] is set there and added to [section] too: newer WSL reads [section]
  const add = Object.entries(values)
    .filter(([k]) => !inTarget.has(k.toLowerCase()))
    .map(([k, v]) => `${k}=${v}`);
  if (add.length) {
    const start = lines.findIndex((l) => l.kind === 'section' && l.section === target);
    if (start === -1) {
      if (out.length && out[out.length - 1]!.trim() !== '') out.push('');
      out.push(`[${section}]`, ...add);
    } else {
      // after the section's last key, so comments and blank lines before the next section stay with it
      let at = start;
      for (let i = start + 1; i < lines.length && lines[i]!.kind !== 'section'; i++)
        if (lines[i]!.kind === 'key') at = i;
      out.splice(at + 1, 0, ...add);
    }
  }
  return { ok: true, text: bom + out.join(eol) + (endsWithEol || add.length ? eol : '') };
}
