// A message as parts, so a page can translate the prose around a finding's values and keep the values verbatim:
// a string is prose, `code` is a value (a path, URL, host, variable, command) shown as it is, `label` is one of
// core's fixed names (an actor's process, a proxy's source) that a page translates with its own label table.
// The English text a finding prints is the parts joined; a test holds that equal to the rule's own message.

export type Part = string | { code: string } | { label: string };
export type Rich = Part[];

type Slot = string | number | Rich;

/** A template tag: the literal text is prose; an interpolated string or number is a value (code); a Rich is spliced. */
export function m(strings: TemplateStringsArray, ...slots: Slot[]): Rich {
  const out: Rich = [];
  strings.forEach((s, i) => {
    if (s) out.push(s);
    if (i >= slots.length) return;
    const v = slots[i]!;
    if (Array.isArray(v)) out.push(...v);
    else if (v !== '') out.push({ code: String(v) });
  });
  return out;
}

/** One of core's fixed names, which a page's label table may translate. */
export const label = (s: string): Rich => [{ label: s }];

/** Parts joined with a separator between them (a list of values or phrases). */
export function joined(items: readonly Rich[], sep: Rich | string): Rich {
  const between: Rich = typeof sep === 'string' ? [sep] : sep;
  return items.flatMap((r, i) => (i === 0 ? r : [...between, ...r]));
}

/** Values as one list of code spans with a separator (`A, B`), each value verbatim. */
export const codes = (values: readonly string[], sep: Rich | string = ', '): Rich =>
  joined(
    values.map((v) => [{ code: v }]),
    sep,
  );

/** The text of the parts, as the CLI prints it. */
export function plainText(r: Rich): string {
  return r.map((p) => (typeof p === 'string' ? p : 'code' in p ? p.code : p.label)).join('');
}
