import type { Lexicon } from './lexicon.js';
import { findPhrase, tokenise } from './tokens.js';

export type SmallTalk = 'greeting' | 'thanks' | 'helpMe';

/**
 * Small talk at the first question: "hi", "good morning", "thanks", "I need help". Only when that is
 * all the message says (with filler words), so "hi, I have a rash" is read as a description.
 */
export function readSmallTalk(text: string, lex: Lexicon): SmallTalk | null {
  const tokens = tokenise(text);
  if (tokens.length === 0) return null;
  const used = new Array<boolean>(tokens.length).fill(false);
  let kind: SmallTalk | null = null;
  for (const [k, list] of [['helpMe', lex.helpMe], ['thanks', lex.thanks], ['greeting', lex.greeting]] as const) {
    for (const p of list) {
      let at = findPhrase(tokens, p);
      while (at >= 0) {
        for (let i = 0; i < p.length; i++) used[at + i] = true;
        kind ??= k;
        at = findPhrase(tokens, p, at + p.length);
      }
    }
  }
  if (!kind) return null;
  return tokens.every((t, i) => used[i] || lex.filler.has(t)) ? kind : null;
}

/** "still", "again", "my usual", "getting worse": the patient writes about a problem they already have. */
export function soundsOngoing(text: string, lex: Lexicon): boolean {
  const tokens = tokenise(text);
  return lex.ongoing.some((p) => findPhrase(tokens, p) >= 0);
}

/**
 * Whether a message that names no choice reads as a description of a problem: some words with
 * letters, not only filler. One word is enough ("headache", "rash"); emoji and digits are not.
 */
export function looksLikeDescription(text: string, lex: Lexicon): boolean {
  const tokens = tokenise(text).filter((t) => /\p{L}/u.test(t));
  const content = tokens.filter((t) => !lex.filler.has(t) && !lex.negators.has(t));
  if (content.length === 0) return false;
  // Unspaced scripts come one character per token: two make a word.
  if (content.every((t) => t.length === 1)) return content.length >= 2;
  return content.some((t) => t.length >= 3);
}
