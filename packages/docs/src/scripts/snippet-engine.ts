// What the snippet generator runs in the page, imported by name so the bundle keeps only that; the page loads
// this module on first use.
import { EMPTY_PROFILE_FORM, makePlan, parseProxyUrl, profileFromForm, redactAll } from '@buildproxy/core';
import { fixtures, synthesize } from '@buildproxy/core/testing';

export { homeText } from './home';
export { planWarnings } from './plan-warnings';
export { planView, renderPlanHtml } from './render-plan';
export { EMPTY_PROFILE_FORM, makePlan, parseProxyUrl, profileFromForm, redactAll };
export const evidence = synthesize(fixtures.REFERENCE_MACHINE);
