export { createDeliveryWorker, DEFAULT_MAX_AGE_MS, DEFAULT_MAX_DELAY_MS, type DeliveryWorker, type DeliveryWorkerDeps, type RunSummary, type WebhookConfig } from './worker.js';
export { enqueueForDelivery } from './enqueue.js';
export { queueMissingDeliveries } from './queueMissing.js';
export { deliveryHealth, type DeliveryHealth } from './health.js';
export { signBody, verifySignature } from './signature.js';
export { backoffDelayMs } from './backoff.js';
