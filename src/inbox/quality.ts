import { TIER_RANK, TIERS, type IntakeRequest, type Tier } from '../domain/types.js';

/**
 * Agreement between the bot's tier and clinicians' re-grades, for requests a clinician reviewed
 * (re-graded, even to the same tier). Under-triage: the clinician's tier is more urgent than the
 * bot's (the dangerous direction); over-triage: less urgent. Rates carry 95% Wilson intervals,
 * which stay inside [0, 1] and behave at small counts, where a normal approximation does not.
 */

export interface Rate {
  count: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

export interface GroupQuality {
  group: string;
  reviewed: number;
  agree: number;
  under: Rate;
  over: Rate;
}

export interface QualityReport {
  from: string;
  to: string;
  /** Requests in the period (kind 'request'), reviewed or not. */
  requests: number;
  /** matrix[bot][clinician] = count. */
  matrix: Record<Tier, Record<Tier, number>>;
  overall: GroupQuality;
  byComplaint: GroupQuality[];
  byLanguage: GroupQuality[];
}

const Z = 1.959963984540054;

export function wilson(x: number, n: number): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = Z * Z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

const rateOf = (x: number, n: number): Rate => {
  const ci = wilson(x, n);
  return { count: x, rate: n > 0 ? x / n : null, low: ci?.low ?? null, high: ci?.high ?? null };
};

/**
 * The complaint a request was about: the area named by the first rule that set the tier
 * ('rf.chest_pain.spread' → 'chest_pain'), else by the first complaint question answered
 * ('q.abdo.severe' → 'abdo'), else 'unspecified'.
 */
export function complaintOf(r: IntakeRequest): string {
  const fromRule = r.triage.ruleIds[0]?.split('.')[1];
  if (fromRule) return fromRule;
  const fromQuestion = r.answers.find((a) => a.questionId.startsWith('q.'))?.questionId.split('.')[1];
  return fromQuestion ?? 'unspecified';
}

interface Pair {
  bot: Tier;
  clinician: Tier;
}

function group(name: string, pairs: readonly Pair[]): GroupQuality {
  const n = pairs.length;
  const under = pairs.filter((p) => TIER_RANK[p.clinician] > TIER_RANK[p.bot]).length;
  const over = pairs.filter((p) => TIER_RANK[p.clinician] < TIER_RANK[p.bot]).length;
  return { group: name, reviewed: n, agree: n - under - over, under: rateOf(under, n), over: rateOf(over, n) };
}

function groupsBy(entries: readonly { key: string; pair: Pair }[]): GroupQuality[] {
  const by = new Map<string, Pair[]>();
  for (const e of entries) by.set(e.key, [...(by.get(e.key) ?? []), e.pair]);
  return [...by.entries()].map(([k, pairs]) => group(k, pairs)).sort((a, b) => b.reviewed - a.reviewed || a.group.localeCompare(b.group));
}

/** Requests submitted in [from, to). */
export function qualityReport(all: readonly IntakeRequest[], from: Date, to: Date): QualityReport {
  const inPeriod = all.filter((r) => {
    const t = Date.parse(r.submittedAt);
    return r.kind === 'request' && t >= from.getTime() && t < to.getTime();
  });
  const matrix = Object.fromEntries(TIERS.map((b) => [b, Object.fromEntries(TIERS.map((c) => [c, 0]))])) as QualityReport['matrix'];
  const reviewed: { r: IntakeRequest; pair: Pair }[] = [];
  for (const r of inPeriod) {
    const last = r.work?.regrades.at(-1);
    if (!last) continue;
    const pair = { bot: r.triage.tier, clinician: last.to };
    matrix[pair.bot][pair.clinician] += 1;
    reviewed.push({ r, pair });
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    requests: inPeriod.length,
    matrix,
    overall: group('all', reviewed.map((x) => x.pair)),
    byComplaint: groupsBy(reviewed.map((x) => ({ key: complaintOf(x.r), pair: x.pair }))),
    byLanguage: groupsBy(reviewed.map((x) => ({ key: x.r.language, pair: x.pair }))),
  };
}

/** A cell safe to open in a spreadsheet: quoted, and never read as a formula. */
const cell = (v: string | number | null): string => {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
};

export function qualityCsv(report: QualityReport): string {
  const lines = [['grouping', 'group', 'reviewed', 'agree', 'under', 'under_rate', 'under_ci95_low', 'under_ci95_high', 'over', 'over_rate', 'over_ci95_low', 'over_ci95_high'].join(',')];
  const row = (grouping: string, g: GroupQuality) =>
    [cell(grouping), cell(g.group), g.reviewed, g.agree, g.under.count, cell(g.under.rate), cell(g.under.low), cell(g.under.high), g.over.count, cell(g.over.rate), cell(g.over.low), cell(g.over.high)].join(',');
  lines.push(row('all', report.overall));
  for (const g of report.byComplaint) lines.push(row('complaint', g));
  for (const g of report.byLanguage) lines.push(row('language', g));
  lines.push('');
  lines.push(['bot_tier', ...TIERS.map((t) => `clinician_${t}`)].join(','));
  for (const b of TIERS) lines.push([cell(b), ...TIERS.map((c) => report.matrix[b][c])].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
