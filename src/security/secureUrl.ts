/**
 * Where patient data may be sent: https anywhere, plain http only to this machine (a local
 * receiver in development or a sidecar). One rule for every outbound URL in configuration.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

export function isHttpsOrLoopback(candidate: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

export const HTTPS_OR_LOOPBACK = 'expected an https URL (plain http only for localhost, 127.0.0.1 or [::1])';
