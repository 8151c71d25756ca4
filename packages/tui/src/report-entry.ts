// The analysis, the rules and the report: dist/report.cjs, loaded by the doctor while its probes are in flight.

export { readError } from '@buildproxy/core';
export { buildReport, exitCodeFor } from '@buildproxy/core/report';
export { renderReading } from './render/reading.js';
