// doctor --error: the reader of a pasted build error (dist/reading.cjs), loaded only when one is given. Its error
// vocabulary is ~30 KB that a plain doctor would otherwise compile with the analysis; the reading is printed by
// renderReading, in dist/report.cjs beside the rules it names.
export { readError } from '@buildproxy/core/report';
