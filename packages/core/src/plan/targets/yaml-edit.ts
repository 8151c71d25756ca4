// A YAML document edit for the VM engines' files (colima.yaml, Lima's override.yaml): comments, key order and every
// other key stay; the file is refused, never rewritten, when it does not parse (syntax, a duplicate key, several
// documents), when its top level or a mapping on the way is something else, or when it is too large. Values are
// written double-quoted so that no YAML 1.1 reader (Lima and Colima use Go YAML libraries) turns a proxy URL or a
// NO_PROXY list into a number, a boolean or a time.
// Only functions the built CLI's on-demand yaml module forwards (tui/src/yaml-on-demand.ts); Scalar is a type here.
import { type Document, isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import { MAX_YAML } from '../../analyze/vm-engines.js';
import { nestingProblem } from '../../command/compose.js';

export interface YamlSet {
  /** keys from the top, e.g. ['env', 'HTTPS_PROXY'] */
  at: string[];
  value: string | boolean;
}

/** An item of a top-level list (e.g. Lima's `provision`), found again by `marker` in its `script`. */
export interface YamlListItem {
  list: string;
  marker: string;
  item: { mode: string; script: string };
}

export type YamlEdit = { ok: true; after: string } | { ok: false; reason: string };

function quoted(doc: Document, value: string | boolean): Scalar {
  const node = doc.createNode(value) as Scalar;
  if (typeof value === 'string') node.type = 'QUOTE_DOUBLE';
  return node;
}

/** `text` (null: the file does not exist yet) with every set applied, or why it may not be edited. */
export function editYaml(
  path: string,
  text: string | null,
  sets: YamlSet[],
  items: YamlListItem[] = [],
): YamlEdit {
  const source = text ?? '';
  if (source.length > MAX_YAML) return { ok: false, reason: `${path} is larger than ${MAX_YAML} bytes` };
  // the yaml library recurses per nesting level: deep enough, node aborts (no try/catch survives it)
  const deep = nestingProblem(source, { ops: 0 }, path);
  if (deep) return { ok: false, reason: `${deep}; fix it first` };
  let doc: Document;
  try {
    doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  } catch (e) {
    return { ok: false, reason: `${path} could not be parsed (${(e as Error).message}); fix it first` };
  }
  const first = doc.errors[0];
  if (first) {
    const at = first.pos[0];
    const line = source.slice(0, at).split('\n').length;
    return {
      ok: false,
      reason: `${path}:${line}: ${first.message.split('\n')[0]}; fix it first`,
    };
  }
  if (doc.contents !== null && !isMap(doc.contents))
    return { ok: false, reason: `${path} is not a YAML mapping; fix it first` };
  for (const s of sets) {
    // every mapping on the way must be a plain mapping (an alias, a list or a scalar is the user's to sort out)
    for (let i = 1; i < s.at.length; i++) {
      const prefix = s.at.slice(0, i);
      let node = doc.getIn(prefix, true);
      // `env:` with nothing after it is a null value: it becomes the mapping
      if (isScalar(node) && node.value === null) {
        doc.setIn(prefix, doc.createNode({}));
        node = doc.getIn(prefix, true);
      }
      if (node !== undefined && node !== null && !isMap(node))
        return { ok: false, reason: `${path}: ${prefix.join('.')} is not a mapping; fix it first` };
      // `env: {}` (flow style, as colima and Lima templates write it) reads better one key per line once filled
      if (isMap(node)) node.flow = false;
    }
    doc.setIn(s.at, quoted(doc, s.value));
  }
  for (const it of items) {
    let list = doc.get(it.list, true);
    if (list === undefined || list === null || (isScalar(list) && list.value === null)) {
      doc.set(it.list, doc.createNode([]));
      list = doc.get(it.list, true);
    }
    if (!isSeq(list)) return { ok: false, reason: `${path}: ${it.list} is not a list; fix it first` };
    list.flow = false;
    const node = doc.createNode(it.item);
    const script = node.get('script', true) as Scalar;
    script.type = 'BLOCK_LITERAL';
    const at = list.items.findIndex(
      (x) => isMap(x) && String((x.get('script') as unknown) ?? '').includes(it.marker),
    );
    if (at >= 0) list.items[at] = node;
    else list.items.push(node);
  }
  return { ok: true, after: doc.toString({ lineWidth: 0 }) };
}
