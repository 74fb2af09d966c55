export { registerPracticeApi, type PracticeApiDeps } from './routes.js';
export { ApiKeySchema, DEFAULT_SCOPES, hashApiKey, SCOPES, type ApiKeyConfig, type Scope } from './auth.js';
export type { ConversationGate } from './erasure.js';
export { MAX_LIMIT, SETTABLE_STATUSES } from './schemas.js';
