// Load another file of the built CLI (dist/*.cjs) at run time: each is self-contained, so a command loads only
// the parts it reaches, when it reaches them.
import { createRequire } from 'node:module';

export const sibling = createRequire(__filename);
