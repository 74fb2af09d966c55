export { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerDeps, type RunSummary, type WebhookConfig } from './worker.js';
export { enqueueForDelivery } from './enqueue.js';
export { signBody, verifySignature } from './signature.js';
export { backoffDelayMs } from './backoff.js';
