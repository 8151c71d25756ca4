// Validators for files buildproxy reads back (evidence bundles, plan files). A separate entry point so that
// commands that never parse one do not load zod.
export { parseEvidence } from './evidence/validate.js';
export { parsePlan } from './plan/validate.js';
