// What the capture analyzer runs in the page, imported by name so the bundle keeps only that; the page loads
// this module on first use.
export { ACTORS, buildReport, EvidenceFormatError } from '@buildproxy/core';
export { parseEvidence } from '@buildproxy/core/validate';
export { reportDom } from './report-dom';
