// What core's `import … from 'yaml'` becomes in the built CLI (tsup.config.ts redirects it here): the same three
// functions, loading dist/yaml.cjs on the first call. The library is 115 KB minified; bundled into each command it
// was compiled and run at every doctor start (twice: in dist/doctor.cjs and in dist/report.cjs) although most
// machines have no YAML file to read. Tests run core from source and import the library itself.
import type * as Yaml from 'yaml';
import { sibling } from './sibling.js';

type Lib = Pick<typeof Yaml, 'isMap' | 'isScalar' | 'isSeq' | 'parse' | 'parseDocument'>;
let lib: Lib | undefined;
const load = (): Lib => {
  lib ??= sibling('./yaml.cjs') as Lib;
  return lib;
};
type Any = (...args: unknown[]) => unknown;

export const parse = ((...args) => (load().parse as Any)(...args)) as Any as Lib['parse'];
export const parseDocument = ((...args) =>
  (load().parseDocument as Any)(...args)) as Any as Lib['parseDocument'];
export const isMap = ((node) => load().isMap(node)) as Lib['isMap'];
export const isScalar = ((node) => load().isScalar(node)) as Lib['isScalar'];
export const isSeq = ((node) => load().isSeq(node)) as Lib['isSeq'];
