// Distinct proxy values across all effective layers, each with every place it was found — so one bad value
// configured in a drop-in and visible again in dockerd's environ is reported once.
import type { Layer, State, VarValue } from '../analyze/types.js';

export interface DistinctValue {
  canon: keyof Layer['vars'];
  value: string;
  names: string[];
  origins: string[];
  layers: Layer[];
}

export function distinctValues(state: State, canon: (keyof Layer['vars'])[]): DistinctValue[] {
  const out = new Map<string, DistinctValue>();
  for (const layer of state.layers) {
    if (!layer.effective) continue;
    for (const c of canon) {
      for (const v of (layer.vars[c] ?? []) as VarValue[]) {
        if (v.value === '') continue;
        const key = `${c}\0${v.value}`;
        const e = out.get(key) ?? { canon: c, value: v.value, names: [], origins: [], layers: [] };
        if (!e.names.includes(v.name)) e.names.push(v.name);
        if (!e.origins.includes(v.origin.ref)) e.origins.push(v.origin.ref);
        if (!e.layers.includes(layer)) e.layers.push(layer);
        out.set(key, e);
      }
    }
  }
  return [...out.values()];
}
