// Builds the widget into web/dist (committed, so a production install needs no esbuild).
// ES2018 keeps old phones' browsers working; everything is minified and bundled into one file per entry.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new globalThis.URL('.', import.meta.url));
const common = { bundle: true, minify: true, target: ['es2018'], legalComments: 'none', logLevel: 'warning', absWorkingDir: root };

await build({ ...common, entryPoints: ['src/chat.ts'], outfile: 'dist/chat.js', format: 'iife' });
await build({ ...common, entryPoints: ['src/embed.ts'], outfile: 'dist/embed.js', format: 'iife' });
await build({ ...common, entryPoints: ['src/chat.css'], outfile: 'dist/chat.css' });
