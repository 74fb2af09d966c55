import { TIER_RANK } from '../domain/types.js';
import type { TriageContent } from './contentSchema.js';

/**
 * A question whose yes raises a self-care rule and nothing above it (the self-care check, hazard H89) lowers a
 * problem no rule has placed from routine (the default) to the pharmacy. The engine asks a question only while
 * one of its answers could raise the tier or open another question (engine.ts nextQuestion), so such a question
 * is asked only while nothing at or above self-care is present, provided nothing else lets it through. These
 * checks keep it so:
 *   - it never records a detail (`records` questions are asked whatever the tier);
 *   - its self-care rules open no question (no complaint is activated by them, no askIf.anyPresent waits for
 *     them), so "it could open a set" never asks it over a routine or higher rule;
 *   - it denies nothing (a yes never removes a rule already present) and "not sure" raises nothing (doubt
 *     never lowers: the missing-unsure default would take the yes effect);
 *   - it is asked of a new problem only (askIf.needs is ['need.new']) and never in the pregnancy version.
 */
export function checkSelfcareQuestions(content: TriageContent, where: (key: string) => string, fail: (file: string, field: string, message: string) => never): void {
  const tiers = new Map(content.rules.map((r) => [r.id, r] as const));
  const rank = (id: string): number => TIER_RANK[tiers.get(id)?.tier ?? 'emergency'];
  const lowering = (id: string): boolean => tiers.get(id)?.tier === 'selfcare' && tiers.get(id)?.marker !== true;
  const opened = new Set(content.complaints.flatMap((c) => [...c.activatedBy, ...c.questions.flatMap((q) => q.askIf?.anyPresent ?? [])]));
  for (const c of content.complaints) {
    const file = where(`complaint:${c.id}`);
    c.questions.forEach((q, qi) => {
      const raised = Object.values(q.effects).flatMap((e) => e.raise);
      if (!raised.some(lowering) || raised.some((id) => rank(id) > TIER_RANK.selfcare)) return;
      const at = `questions.${qi}`;
      if (q.records === true) fail(file, `${at}.records`, 'a question that raises a self-care rule must not record (it would be asked over a higher tier)');
      for (const id of raised.filter(lowering)) {
        if (opened.has(id)) fail(file, `${at}.effects`, `${id} opens a question (activatedBy or askIf.anyPresent), so a question raising it could be asked over a higher tier`);
      }
      for (const [code, eff] of Object.entries(q.effects)) {
        if (eff.deny.length > 0) fail(file, `${at}.effects.${code}.deny`, 'a question that raises a self-care rule denies nothing');
      }
      if (q.choices.includes('unsure') && (q.effects['unsure'] === undefined || q.effects['unsure'].raise.length > 0)) {
        fail(file, `${at}.effects.unsure`, '"not sure" to a question that raises a self-care rule must be given and raise nothing (doubt never lowers)');
      }
      const needs = q.askIf?.needs ?? [];
      if (needs.length !== 1 || needs[0] !== 'need.new') fail(file, `${at}.askIf.needs`, 'a question that raises a self-care rule is asked of a new problem only (["need.new"])');
      if (!q.askIf?.checkVersions || q.askIf.checkVersions.includes('pregnancy')) fail(file, `${at}.askIf.checkVersions`, 'a question that raises a self-care rule names its check versions, never pregnancy');
    });
  }
}
