// Builds the widget into web/dist (committed, so a production install needs no esbuild).
// ES2018 keeps old phones' browsers working; everything is minified and bundled into one file per entry.
// `node web/build.mjs OUTDIR` builds elsewhere (the freshness test compares that with web/dist).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new globalThis.URL('.', import.meta.url));
const out = globalThis.process.argv[2] ?? 'dist';
const common = { bundle: true, minify: true, target: ['es2018'], legalComments: 'none', logLevel: 'warning', absWorkingDir: root };

await build({ ...common, entryPoints: ['src/chat.ts'], outfile: `${out}/chat.js`, format: 'iife' });
await build({ ...common, entryPoints: ['src/embed.ts'], outfile: `${out}/embed.js`, format: 'iife' });
await build({ ...common, entryPoints: ['src/chat.css'], outfile: `${out}/chat.css` });
