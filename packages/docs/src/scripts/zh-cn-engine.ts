// What the tools load on a zh-CN page besides their engine (and only there): the rules' zh-CN texts keyed by rule id,
// core's zh-CN finding messages by typed message id, the plan sentences by typed sentence id, and the tools' own words.
import { MESSAGES_ZH_CN, RULE_TEXTS_ZH_CN } from '@buildproxy/core';
import { planTextZhCn } from '../../scripts/plan-text-zh-cn';
import type { ReportZh } from './report-dom';
import { ACTOR_ZH_CN, labelZhCn, MARK_ZH_CN, PROXY_PROBLEM_ZH_CN } from './words-zh-cn';

export const REPORT_ZH: ReportZh = {
  label: labelZhCn,
  ruleTexts: RULE_TEXTS_ZH_CN,
  actors: ACTOR_ZH_CN,
  marks: MARK_ZH_CN,
  messages: MESSAGES_ZH_CN,
};
export { labelZhCn, MESSAGES_ZH_CN, PROXY_PROBLEM_ZH_CN, planTextZhCn, RULE_TEXTS_ZH_CN };
