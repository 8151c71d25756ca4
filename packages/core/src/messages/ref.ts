// A finding's message as a typed id with its values, next to the English text the rule prints. Pages render it
// in their language from a template keyed by the id (en.ts, zh-cn.ts); both tables are typed by MessageValues, so
// a message id without a template in either language does not compile.
import type { MessageId, MessageValues } from './ids.js';
import type { Rich } from './rich.js';

export type { MessageId, MessageValues } from './ids.js';

export type MsgRef = { [K in MessageId]: { id: K; values: MessageValues[K] } }[MessageId];

/** A typed reference: the values' shape is the one the id's templates read. */
export const msg = <K extends MessageId>(id: K, values: MessageValues[K]): MsgRef =>
  ({ id, values }) as MsgRef;

/** Renders a nested message (a phrase a template takes as a value) in the template's language. */
export type Translate = (ref: MsgRef) => Rich;

export type Templates = { [K in MessageId]: (v: MessageValues[K], t: Translate) => Rich };

export function renderMsg(ref: MsgRef, table: Templates): Rich {
  const t: Translate = (r) => renderMsg(r, table);
  return (table[ref.id] as (v: unknown, t: Translate) => Rich)(ref.values, t);
}

/** Every string in the values (nested messages and lists too) through f: how a report masks secrets in them. */
export function mapValues(ref: MsgRef, f: (s: string) => string): MsgRef {
  const each = (v: unknown): unknown => {
    if (typeof v === 'string') return f(v);
    if (Array.isArray(v)) return v.map(each);
    if (v && typeof v === 'object') {
      if ('id' in v && 'values' in v) return mapValues(v as MsgRef, f);
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, each(x)]));
    }
    return v;
  };
  return { id: ref.id, values: each(ref.values) } as MsgRef;
}
