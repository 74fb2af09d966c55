import { clientAddress, createRateLimiter } from '../../src/security/rateLimit.js';

describe('createRateLimiter', () => {
  it('allows the configured number per conversation per minute, then 429 with Retry-After', async () => {
    const limiter = createRateLimiter({ perConversationPerMinute: 3, perIpPerMinute: 1000 });
    for (let i = 0; i < 3; i++) expect(await limiter.check({ ip: '10.0.0.1', conversationId: 'c1' })).toBeUndefined();
    const r = await limiter.check({ ip: '10.0.0.1', conversationId: 'c1' });
    expect(r).toMatchObject({ status: 429, scope: 'conversation', code: 'TooManyRequests' });
    const retry = Number(r?.headers?.['Retry-After']);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    // Another conversation is unaffected.
    expect(await limiter.check({ ip: '10.0.0.1', conversationId: 'c2' })).toBeUndefined();
  });

  it('limits per client address across conversations', async () => {
    const limiter = createRateLimiter({ perConversationPerMinute: 1000, perIpPerMinute: 2 });
    expect(await limiter.check({ ip: '10.0.0.2', conversationId: 'a' })).toBeUndefined();
    expect(await limiter.check({ ip: '10.0.0.2', conversationId: 'b' })).toBeUndefined();
    expect(await limiter.check({ ip: '10.0.0.2', conversationId: 'c' })).toMatchObject({ status: 429, scope: 'ip' });
    expect(await limiter.check({ ip: '10.0.0.3', conversationId: 'd' })).toBeUndefined();
  });

  it('does not spend a conversation\u2019s budget when the address is already over its limit', async () => {
    const limiter = createRateLimiter({ perConversationPerMinute: 1, perIpPerMinute: 1 });
    expect(await limiter.check({ ip: 'x1', conversationId: 'shared' })).toBeUndefined();
    expect(await limiter.check({ ip: 'x1', conversationId: 'other' })).toMatchObject({ scope: 'ip' });
    expect(await limiter.check({ ip: 'x2', conversationId: 'other' })).toBeUndefined();
  });

  it('passes when no key is known', async () => {
    const limiter = createRateLimiter({ perConversationPerMinute: 1, perIpPerMinute: 1 });
    expect(await limiter.check({})).toBeUndefined();
    expect(await limiter.check({})).toBeUndefined();
  });
});

describe('clientAddress', () => {
  const req = (remoteAddress: string | undefined, xff?: string | string[]) => ({
    socket: { remoteAddress } as never,
    headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
  });

  it('uses the socket address and ignores X-Forwarded-For without trusted proxies', () => {
    expect(clientAddress(req('::ffff:192.0.2.7', '203.0.113.9'), 0)).toBe('192.0.2.7');
    expect(clientAddress(req('2001:db8::1'), 0)).toBe('2001:db8::1');
  });

  it('takes the address the trusted proxy saw, not what the caller wrote further left', () => {
    expect(clientAddress(req('127.0.0.1', '6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(req('127.0.0.1', ['6.6.6.6', '203.0.113.9, 10.0.0.5']), 2)).toBe('203.0.113.9');
  });

  it('strips ports as Azure App Service writes them', () => {
    expect(clientAddress(req('10.0.0.1', '203.0.113.9:51234'), 1)).toBe('203.0.113.9');
    expect(clientAddress(req('10.0.0.1', '[2001:db8::5]:443'), 1)).toBe('2001:db8::5');
  });

  it('falls back to the socket when the header is missing or garbage', () => {
    expect(clientAddress(req('10.0.0.1'), 1)).toBe('10.0.0.1');
    expect(clientAddress(req('10.0.0.1', 'not-an-ip'), 1)).toBe('10.0.0.1');
  });
});
