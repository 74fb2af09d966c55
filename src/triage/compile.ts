import type { LangCode } from '../domain/types.js';
import type { LexiconDef, RuleDef, TriageContent } from './contentSchema.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { phraseWords } from './normalise.js';

/** Prefix of the pseudo rule id under which a rule's exclusion phrases are compiled. */
export const EXCLUDE_MARK = '!';

/** One trigger phrase, compiled to vocabulary ids with filler words removed. */
export interface CompiledPhrase {
  ruleId: string;
  text: string;
  ids: number[];
  /** Length of each phrase word's stem (short words allow no gap after them). */
  lens: number[];
}

/**
 * Cue phrases as lists of raw words ("years ago" -> ['years','ago']), indexed by their first word
 * so a clause is scanned once per word instead of once per word per cue (screening is hot).
 * Within one first word the cues keep their content order.
 */
export type CueList = ReadonlyMap<string, readonly (readonly string[])[]>;

function indexCues(cues: string[][]): CueList {
  const byFirst = new Map<string, string[][]>();
  for (const cue of cues) {
    const first = cue[0] as string;
    const list = byFirst.get(first);
    if (list) list.push(cue);
    else byFirst.set(first, [cue]);
  }
  return byFirst;
}

/** Everything screen() needs for one language, built once at load time. */
export interface CompiledLanguage {
  lang: LangCode;
  vocab: FuzzyVocabulary;
  byFirstId: Map<number, CompiledPhrase[]>;
  textSpeak: Map<string, string[]>;
  stopwords: Set<string>;
  negation: CueList;
  negationExceptions: CueList;
  breakers: Set<string>;
  strongPast: CueList;
  weakPast: CueList;
  pastExceptions: CueList;
  presentPerfect: Set<string>;
  recency: CueList;
  notNow: CueList;
}

export function compileLanguages(content: TriageContent): Map<LangCode, CompiledLanguage> {
  const out = new Map<LangCode, CompiledLanguage>();
  const ruleById = new Map(content.rules.map((r) => [r.id, r]));
  for (const lex of content.lexicons) {
    out.set(lex.lang, compileLanguage(lex, content.rules, ruleById));
  }
  return out;
}

function compileLanguage(lex: LexiconDef, rules: RuleDef[], ruleById: Map<string, RuleDef>): CompiledLanguage {
  const textSpeak = new Map<string, string[]>();
  for (const [from, to] of Object.entries(lex.textSpeak)) textSpeak.set(from.toLowerCase(), to.toLowerCase().split(/\s+/));
  const stopwords = new Set(lex.stopwords.map((w) => w.toLowerCase().replace(/['’]/g, '')));
  const words = (list: string[]): string[][] =>
    list.map((p) => phraseWords(p, textSpeak).map((t) => t.raw)).filter((w) => w.length > 0);
  const cue = (list: string[]): CueList => indexCues(words(list));
  const vocab = new FuzzyVocabulary();
  const byFirstId = new Map<number, CompiledPhrase[]>();

  const phrasesOf = (rule: RuleDef): string[] => {
    const own = [...(rule.triggers?.[lex.lang] ?? []), ...(lex.triggers[rule.id] ?? [])];
    if (!rule.triggersFrom) return own;
    const from = ruleById.get(rule.triggersFrom);
    return from ? [...own, ...phrasesOf(from)] : own;
  };

  const addPhrase = (ruleId: string, text: string): void => {
    const words = phraseWords(text, textSpeak).filter((t) => !stopwords.has(t.word));
    if (words.length === 0) return;
    const ids = words.map((w) => vocab.add(w.stem));
    const first = ids[0] as number;
    const list = byFirstId.get(first) ?? [];
    list.push({ ruleId, text, ids, lens: words.map((w) => w.stem.length) });
    byFirstId.set(first, list);
  };
  for (const rule of rules) {
    for (const text of new Set(phrasesOf(rule))) addPhrase(rule.id, text);
    // Exclusions are matched like triggers under a marked id and cancel the rule in their clause.
    for (const text of rule.exclude?.[lex.lang] ?? []) addPhrase(`${EXCLUDE_MARK}${rule.id}`, text);
  }
  return {
    lang: lex.lang,
    vocab,
    byFirstId,
    textSpeak,
    stopwords,
    negation: cue(lex.negation),
    negationExceptions: cue(lex.negationExceptions),
    breakers: new Set(words(lex.breakers).flat()),
    strongPast: cue(lex.strongPast),
    weakPast: cue(lex.weakPast),
    pastExceptions: cue(lex.pastExceptions),
    presentPerfect: new Set(words(lex.presentPerfect).flat()),
    recency: cue(lex.recency),
    notNow: cue(lex.notNow),
  };
}
