/** Loads the detection corpus (messages per language, short replies) shared by tests and bench/lang.ts. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const dir = fileURLToPath(new URL('.', import.meta.url));
const Messages = z.object({ $comment: z.string(), messages: z.record(z.string(), z.array(z.string().min(1)).min(20)) });
const Replies = z.object({ $comment: z.string(), replies: z.record(z.string(), z.array(z.string().min(1))) });

export interface CorpusMessage {
  /** Language the message is written in (franc code). */
  lang: string;
  /** 'Latn' for Roman Urdu, the known gap; undefined otherwise. */
  variant?: 'Latn';
  text: string;
}

function read(file: string): unknown {
  return JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
}

const Heldout = z.object({ $comment: z.string(), messages: z.record(z.string(), z.array(z.string().min(1))) });

/** The main corpus (20+ per language), or the small held-out set never used for tuning. */
export function corpusMessages(set: 'main' | 'heldout' = 'main'): CorpusMessage[] {
  const out: CorpusMessage[] = [];
  const files = set === 'main' ? ['messages-latin.json', 'messages-other.json'] : ['heldout.json'];
  for (const file of files) {
    const schema = set === 'main' ? Messages : Heldout;
    for (const [key, texts] of Object.entries(schema.parse(read(file)).messages)) {
      const [lang = key, variant] = key.split('-');
      for (const text of texts) out.push(variant === 'Latn' ? { lang, variant, text } : { lang, text });
    }
  }
  return out;
}

/** Every short reply, tagged with the language list it came from ('any' for numbers, names, emoji…). */
export function shortReplies(): { list: string; text: string }[] {
  return Object.entries(Replies.parse(read('short-replies.json')).replies).flatMap(([list, texts]) =>
    texts.map((text) => ({ list, text })),
  );
}
