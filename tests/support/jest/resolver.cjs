/**
 * Jest (before Node 24.9) cannot `require()` an ES module, and jwks-rsa 4 (the Agents SDK's JWT key
 * fetcher) requires jose 6, which is ESM only; Node itself loads it fine (require(esm), Node ≥ 20.19).
 * So `require('jose')` inside Jest gets jose's own code bundled as CommonJS by globalSetup.cjs;
 * `import 'jose'` (our code and tests) still gets the ES module.
 */
const { join } = require('node:path');

const JOSE_CJS = join(__dirname, '..', '..', '..', 'node_modules', '.cache', 'jest-jose', 'jose.cjs');

module.exports = (path, options) => {
  if (path === 'jose' && options.conditions && options.conditions.includes('require') && !options.conditions.includes('import')) return JOSE_CJS;
  return options.defaultResolver(path, options);
};
module.exports.JOSE_CJS = JOSE_CJS;
