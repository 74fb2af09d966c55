import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A language's strings: every JSON file in locales/<bcp47>/ deep-merged into one namespace. */
export type LocaleTree = { [key: string]: string | string[] | LocaleTree };
export type Resources = Record<string, LocaleTree>;

function isTree(v: unknown): v is LocaleTree {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(into: LocaleTree, from: LocaleTree, file: string, path: string[] = []): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (isTree(existing) && isTree(value)) merge(existing, value, file, [...path, key]);
    else if (existing !== undefined) throw new Error(`${file}: ${[...path, key].join('.')}: key is defined twice`);
    else into[key] = value;
  }
}

/** Reads locales/<tag>/*.json; throws naming the file on unreadable JSON or a duplicate key. */
export function loadResources(dir: string): Resources {
  const resources: Resources = {};
  for (const tag of readdirSync(dir).sort()) {
    const langDir = join(dir, tag);
    if (!statSync(langDir).isDirectory()) continue;
    const tree: LocaleTree = {};
    for (const name of readdirSync(langDir).filter((f) => f.endsWith('.json')).sort()) {
      const file = join(langDir, name);
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`${file}: cannot parse JSON (${(err as Error).message})`, { cause: err });
      }
      if (!isTree(data)) throw new Error(`${file}: expected a JSON object`);
      merge(tree, data, file);
    }
    resources[tag] = tree;
  }
  return resources;
}

/** Look up a flat key like "choice.need.new" in a tree whose keys may themselves contain dots. */
export function lookup(tree: LocaleTree | undefined, key: string): string | string[] | LocaleTree | undefined {
  if (!tree) return undefined;
  if (key in tree) return tree[key];
  const parts = key.split('.');
  for (let i = 1; i < parts.length; i++) {
    const head = parts.slice(0, i).join('.');
    const next = tree[head];
    if (isTree(next)) {
      const found = lookup(next, parts.slice(i).join('.'));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
