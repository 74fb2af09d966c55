// Fails when an installed package's `engines.node` rejects a Node version that our own `engines.node`
// accepts: the lowest version of each range ours allows (">=22.13 <23 || >=24" → 22.13.0 and 24.0.0)
// and the Node running this script. npm only warns about engines (EBADENGINE), and only for the Node
// it runs on, so a dependency dropping Node 22 would otherwise show up first on a machine running it.
// Usage: node .ci/check-engines.mjs   (from the repository root, after `npm ci`)
import console from 'node:console';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import process from 'node:process';

const root = process.cwd();
// semver comes with npm's own dependency tree in node_modules (jest, eslint and others depend on it).
const semver = createRequire(join(root, 'package.json'))('semver');

const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node;
if (!ours || !semver.validRange(ours)) {
  console.error(`check-engines: package.json has no valid engines.node (${ours})`);
  process.exit(1);
}
const floors = new semver.Range(ours).set.map((comparators) => semver.minVersion(comparators.map(String).join(' ')).version);
const versions = [...new Set([...floors, process.versions.node])];
if (!semver.satisfies(process.versions.node, ours)) {
  console.error(`check-engines: running on Node ${process.versions.node}, outside our engines.node "${ours}"`);
  process.exit(1);
}

/** Every package.json under node_modules, nested ones included. */
function* installed(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      yield* installed(path);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) yield { path, manifest: JSON.parse(readFileSync(manifest, 'utf8')) };
    yield* installed(join(path, 'node_modules'));
  }
}

let checked = 0;
const rejections = [];
for (const { path, manifest } of installed(join(root, 'node_modules'))) {
  const range = typeof manifest.engines === 'object' ? manifest.engines?.node : undefined;
  if (typeof range !== 'string') continue;
  checked += 1;
  const rejected = versions.filter((version) => !semver.satisfies(version, range));
  if (rejected.length > 0) rejections.push(`${relative(root, path)}@${manifest.version} engines.node "${range}" rejects ${rejected.join(', ')}`);
}
for (const line of rejections) console.error(`check-engines: ${line}`);
console.error(`check-engines: ${checked} installed packages state engines.node; ${rejections.length} reject one of Node ${versions.join(', ')}`);
process.exit(rejections.length > 0 ? 1 : 0);
