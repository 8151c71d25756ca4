import { describe, expect, it } from 'vitest';
import { registryHostport } from '../../src/proxy/registry.js';

describe('registryHostport', () => {
  it('adds the port Docker assumes, keeps one that is given, drops scheme and path', () => {
    expect(registryHostport('registry.corp')).toBe('registry.corp:443');
    expect(registryHostport('registry.corp:5000')).toBe('registry.corp:5000');
    expect(registryHostport('https://registry.corp:5000/v2/')).toBe('registry.corp:5000');
    expect(registryHostport('[fd00::1]:5000')).toBe('[fd00::1]:5000');
    expect(registryHostport('10.0.0.5')).toBe('10.0.0.5:443');
  });
});
