// The Chinese (zh-CN) words for what core's plans say in English. Each sentence is core's, by its typed id
// (PLAN_SENTENCES, with PLAN_SENTENCES_ZH_CN for its zh-CN template): sentenceOf finds the id of a plan's sentence,
// so an English edit in core keeps its translation. What a plan composes from pieces that are not one sentence
// (a reason with a note appended) is keyed by its English text below, until core types it; the zh-CN guides and the
// snippet generator render their plans through planTextZhCn, and test/plan-text-zh-cn.test.ts fails on a sentence
// that has neither.
import { PLAN_SENTENCES_ZH_CN, sentenceOf } from '@buildproxy/core';

/** Composed sentences core has no single id for, by their English text. */
export const PLAN_TEXT_ZH_CN: Record<string, string> = {
  "docker build and docker buildx build pass these to RUN steps as build args (build containers reach this host at docker0's address (172.17.0.1 unless dockerd runs with --bip or --bridge))":
    '`docker build` 和 `docker buildx build` 把它们作为构建参数传给 RUN 步骤（构建容器通过 docker0 的地址访问本机：除非 dockerd 以 `--bip` 或 `--bridge` 运行，否则是 172.17.0.1）',
};

/** The zh-CN text of one of core's plan sentences: by its typed id, else the table, else the English. */
export function planTextZhCn(english: string): string {
  const s = sentenceOf(english);
  if (s) return PLAN_SENTENCES_ZH_CN[s.id].replace(/\{(\w+)\}/g, (_, k: string) => s.values[k] ?? '');
  return PLAN_TEXT_ZH_CN[english] ?? english;
}
