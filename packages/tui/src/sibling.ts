// Load another file of the built CLI (dist/*.cjs) at run time: each is self-contained, so a command loads only
// the parts it reaches, when it reaches them. In the single executable those files are assets inside the
// executable, and its entry (scripts/sea-main.cjs) puts its own loader here before the CLI starts.
import { createRequire } from 'node:module';

declare global {
  var __buildproxySibling: ((id: string) => unknown) | undefined;
}

export const sibling: (id: string) => unknown = globalThis.__buildproxySibling ?? createRequire(__filename);
