// What `import('@buildproxy/core/validate')` becomes in the built CLI (tsup.config.ts redirects it here): the same
// two functions, loading dist/validate.cjs (zod and the schemas) on the first call. A module bundled into the
// command's own file costs its compile even when only a dynamic import() names it, and a live `doctor` never reads
// a bundle or a plan file. Tests run core from source and import the validators themselves.
import { EvidenceFormatError } from '@buildproxy/core/evidence';
import { PlanFormatError } from '@buildproxy/core/plan';
import type * as Validate from '@buildproxy/core/validate';
import { sibling } from './sibling.js';
import type * as Entry from './validate-entry.js';

let lib: typeof Entry | undefined;
const load = (): typeof Entry => {
  lib ??= sibling('./validate.cjs') as typeof Entry;
  return lib;
};

/** dist/validate.cjs has its own copy of the error classes: its errors become this file's, so instanceof holds. */
function asOurs<T>(f: (v: typeof Entry) => T): T {
  const v = load();
  try {
    return f(v);
  } catch (e) {
    if (e instanceof v.EvidenceFormatError) throw new EvidenceFormatError(e.message);
    if (e instanceof v.PlanFormatError) throw new PlanFormatError(e.message);
    throw e;
  }
}

export const parseEvidence: typeof Validate.parseEvidence = (data) => asOurs((v) => v.parseEvidence(data));
export const parsePlan: typeof Validate.parsePlan = (data) => asOurs((v) => v.parsePlan(data));
