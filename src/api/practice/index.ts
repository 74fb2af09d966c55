export { registerPracticeApi, type PracticeApiDeps } from './routes.js';
export { ApiKeySchema, hashApiKey, SCOPES, type ApiKeyConfig, type Scope } from './auth.js';
export { MAX_LIMIT, SETTABLE_STATUSES } from './schemas.js';
