/** Bundles jose as CommonJS for resolver.cjs (once per jose version; esbuild takes ~50 ms). */
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { buildSync } = require('esbuild');
const { JOSE_CJS } = require('./resolver.cjs');

module.exports = () => {
  const root = join(__dirname, '..', '..', '..');
  const version = JSON.parse(readFileSync(join(root, 'node_modules', 'jose', 'package.json'), 'utf8')).version;
  const stamp = `${JOSE_CJS}.version`;
  if (existsSync(JOSE_CJS) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return;
  buildSync({ entryPoints: [require.resolve('jose', { paths: [root] })], bundle: true, format: 'cjs', platform: 'node', target: 'node20', outfile: JOSE_CJS, logLevel: 'error' });
  writeFileSync(stamp, version);
};
