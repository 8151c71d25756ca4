// Surgical JSON edits on the syntax tree: only the touched value changes, or one property is inserted after
// the last one; formatting, order and every other key stay byte for byte as they were.
import { applyEdits, findNodeAtLocation, type Node, parseTree } from 'jsonc-parser';

function style(text: string): { unit: string; eol: string } {
  return {
    unit: /\n([ \t]+)"/.exec(text)?.[1]?.replace(/^(\t| +).*$/, '$1') ?? '  ',
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

function nested(keys: (string | number)[], value: unknown): unknown {
  return keys.reduceRight<unknown>((acc, k) => ({ [k]: acc }), value);
}

export function setJsonPath(text: string | null, path: (string | number)[], value: unknown): string {
  const base = text === null || text.trim() === '' ? '{}\n' : text;
  const { unit, eol } = style(base);
  const tree = parseTree(base);
  if (!tree) throw new Error('cannot edit: not JSON');
  const found = findNodeAtLocation(tree, path);
  if (found) {
    const out = applyEdits(base, [
      { offset: found.offset, length: found.length, content: JSON.stringify(value) },
    ]);
    return out.endsWith('\n') ? out : `${out}${eol}`;
  }
  // Walk down to the deepest existing object, then insert the rest as one property.
  let parent: Node = tree;
  let i = 0;
  for (; i < path.length - 1; i++) {
    const next = findNodeAtLocation(tree, path.slice(0, i + 1));
    if (next?.type !== 'object') break;
    parent = next;
  }
  if (parent.type !== 'object')
    throw new Error(`cannot edit: ${path.slice(0, i).join('.')} is not an object`);
  const key = path[i]!;
  const rest = nested(path.slice(i + 1), value);
  const ownIndent = parent === tree ? '' : lineIndent(base, parent.parent?.offset ?? parent.offset);
  const childIndent = ownIndent + unit;
  const literal = JSON.stringify(rest, null, unit).split('\n').join(`${eol}${childIndent}`);
  const prop = `${JSON.stringify(key)}: ${literal}`;
  const children = parent.children ?? [];
  let out: string;
  if (children.length > 0) {
    const last = children[children.length - 1]!;
    out = applyEdits(base, [
      { offset: last.offset + last.length, length: 0, content: `,${eol}${childIndent}${prop}` },
    ]);
  } else {
    out = applyEdits(base, [
      {
        offset: parent.offset,
        length: parent.length,
        content: `{${eol}${childIndent}${prop}${eol}${ownIndent}}`,
      },
    ]);
  }
  return out.endsWith('\n') ? out : `${out}${eol}`;
}

export function removeJsonPath(text: string, path: (string | number)[]): string {
  const tree = parseTree(text);
  const value = tree ? findNodeAtLocation(tree, path) : undefined;
  const prop = value?.parent;
  const obj = prop?.parent;
  if (!value || prop?.type !== 'property' || !obj?.children) return text;
  const k = obj.children.indexOf(prop);
  const prev = obj.children[k - 1];
  const next = obj.children[k + 1];
  const end = prop.offset + prop.length;
  if (prev)
    return applyEdits(text, [
      { offset: prev.offset + prev.length, length: end - (prev.offset + prev.length), content: '' },
    ]);
  if (next)
    return applyEdits(text, [{ offset: prop.offset, length: next.offset - prop.offset, content: '' }]);
  return applyEdits(text, [{ offset: obj.offset, length: obj.length, content: '{}' }]);
}

function kind(n: Node): string {
  if (n.type === 'object') return 'an object';
  if (n.type === 'array') return 'an array';
  if (n.type === 'null') return 'null';
  return `a ${n.type}`;
}

/**
 * Why setJsonPath must not edit `text` along `path`, with the offset to blame; null when the edit is safe. A
 * top-level value that is not an object, a key along the path given twice (Go keeps the last one, so an edit of
 * the first would be silently ignored), or a value along the path of the wrong type: each is left to the person
 * who wrote the file, never rewritten. Call it on text that parses (and is not absurdly deep).
 */
export function jsonEditProblem(
  text: string | null,
  path: readonly string[],
): { offset: number; message: string } | null {
  if (text === null || text.trim() === '') return null;
  const root = parseTree(text);
  if (!root) return null;
  if (root.type !== 'object')
    return { offset: root.offset, message: `the top-level value is ${kind(root)}; it must be an object {…}` };
  let node: Node = root;
  for (let i = 0; i < path.length; i++) {
    const props = (node.children ?? []).filter((p) => p.children?.[0]?.value === path[i]);
    const where = path.slice(0, i + 1).join('.');
    if (props.length > 1) {
      const second = props[1]!;
      return {
        offset: second.offset,
        message: `"${where}" is given ${props.length} times; Go uses only the last one, so remove the others`,
      };
    }
    const value = props[0]?.children?.[1];
    if (!value) return null; // absent from here down: inserted whole
    const leaf = i === path.length - 1;
    if (!leaf && value.type !== 'object')
      return { offset: value.offset, message: `"${where}" is ${kind(value)}; it must be an object {…}` };
    if (leaf && value.type !== 'string')
      return { offset: value.offset, message: `"${where}" is ${kind(value)}; it must be a string` };
    node = value;
  }
  return null;
}

/** The value at `path` is an object with no property left (`{}`): removing keys emptied it. */
export function jsonObjectEmpty(text: string, path: (string | number)[]): boolean {
  const tree = parseTree(text);
  const node = tree ? findNodeAtLocation(tree, path) : undefined;
  return node?.type === 'object' && (node.children?.length ?? 0) === 0;
}
