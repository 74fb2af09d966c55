// `npm run build` step: tsc emits no .sql, so the PostgreSQL migrations are copied next to the
// compiled store (dist/src/store/postgres/migrations), where src/store/postgres/migrate.ts reads them.
import { cpSync, rmSync } from 'node:fs';

const from = 'src/store/postgres/migrations';
const to = 'dist/src/store/postgres/migrations';
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true, filter: (path) => !path.includes('.') || path.endsWith('.sql') });
