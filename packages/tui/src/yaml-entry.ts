// The yaml library as its own file, dist/yaml.cjs: its 115 KB are compiled and run only by a command that meets
// a YAML file (a compose file, Lima's or Colima's configuration). See src/yaml-on-demand.ts.
export { isMap, isScalar, isSeq, parse, parseDocument } from 'yaml';
