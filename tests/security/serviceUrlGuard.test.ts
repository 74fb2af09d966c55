import { AZURE_BOT_SERVICE_URLS, checkInboundActivity, serviceUrlAllowed, serviceUrlMatchesClaim } from '../../src/security/serviceUrlGuard.js';

const base = { type: 'message', text: 'hi', channelId: 'emulator', conversation: { id: 'c1' }, from: { id: 'u1' } };
const anon = (allowedServiceUrls: string[] = []) => ({ anonymous: true, allowedServiceUrls });

describe('checkInboundActivity', () => {
  it('accepts expectReplies whatever serviceUrl says, because no reply is POSTed anywhere', () => {
    expect(checkInboundActivity({ ...base, deliveryMode: 'expectReplies', serviceUrl: 'http://169.254.169.254/' }, anon())).toBeUndefined();
    expect(checkInboundActivity({ ...base, deliveryMode: 'expectReplies' }, anon())).toBeUndefined();
  });

  it('refuses a serviceUrl that is not on the allow-list with 403', () => {
    for (const serviceUrl of ['http://169.254.169.254/latest', 'http://127.0.0.1:3999', 'https://evil.example', undefined, 42, ''])
      expect(checkInboundActivity({ ...base, serviceUrl }, anon(['https://smba.trafficmanager.net/teams/']))).toMatchObject({
        status: 403,
        code: 'ServiceUrlNotAllowed',
      });
  });

  it('accepts an allowed serviceUrl', () => {
    expect(checkInboundActivity({ ...base, serviceUrl: 'https://smba.trafficmanager.net/teams/' }, anon(['https://smba.trafficmanager.net/teams/']))).toBeUndefined();
    expect(checkInboundActivity({ ...base, serviceUrl: 'http://localhost:53012' }, anon(['http://localhost:*']))).toBeUndefined();
  });

  it('keeps authenticated channels on the allow-list too, expectReplies or not (the SDK makes a client for any serviceUrl)', () => {
    const authed = { anonymous: false, allowedServiceUrls: [...AZURE_BOT_SERVICE_URLS] };
    for (const deliveryMode of [undefined, 'expectReplies']) {
      expect(checkInboundActivity({ ...base, deliveryMode, serviceUrl: 'https://anything.example' }, authed)).toMatchObject({ status: 403 });
      expect(checkInboundActivity({ ...base, deliveryMode, serviceUrl: 'https://smba.trafficmanager.net/uk/' }, authed)).toBeUndefined();
    }
    expect(checkInboundActivity({ ...base, deliveryMode: 'expectReplies' }, authed)).toBeUndefined();
    expect(checkInboundActivity({ ...base }, authed)).toMatchObject({ status: 403 });
  });

  it('binds an authenticated serviceUrl to the host in the token', () => {
    expect(serviceUrlMatchesClaim('https://smba.trafficmanager.net/uk/', 'https://smba.trafficmanager.net/uk/')).toBe(true);
    expect(serviceUrlMatchesClaim('https://smba.trafficmanager.net/uk/', 'https://SMBA.trafficmanager.net/emea/')).toBe(true);
    expect(serviceUrlMatchesClaim('https://evil.example/', 'https://smba.trafficmanager.net/uk/')).toBe(false);
    expect(serviceUrlMatchesClaim('not a url', 'https://smba.trafficmanager.net/uk/')).toBe(false);
    // No claim (Emulator-style tokens), or no serviceUrl (expectReplies): the allow-list decides.
    expect(serviceUrlMatchesClaim('https://smba.trafficmanager.net/uk/', undefined)).toBe(true);
    expect(serviceUrlMatchesClaim(undefined, 'https://smba.trafficmanager.net/uk/')).toBe(true);
  });

  it('answers malformed bodies with 400 in every mode', () => {
    for (const body of [null, 'text', 3, [], {}, { type: '' }, { type: 5 }])
      for (const anonymous of [true, false])
        expect(checkInboundActivity(body, { anonymous, allowedServiceUrls: [] })).toMatchObject({ status: 400, code: 'BadActivity' });
  });

  it('never echoes the caller\u2019s input in the message', () => {
    const r = checkInboundActivity({ ...base, serviceUrl: 'https://patient-name.example' }, anon());
    expect(JSON.stringify(r)).not.toContain('patient-name');
  });
});

describe('serviceUrlAllowed', () => {
  it('matches on origin and on a path boundary', () => {
    const e = 'https://smba.trafficmanager.net/teams/';
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/teams/', e)).toBe(true);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/teams/v3', e)).toBe(true);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/teams', e)).toBe(true);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/teams-evil/', e)).toBe(false);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net.evil.example/teams/', e)).toBe(false);
    expect(serviceUrlAllowed('http://smba.trafficmanager.net/teams/', e)).toBe(false);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net:8443/teams/', e)).toBe(false);
    expect(serviceUrlAllowed('https://user:pw@smba.trafficmanager.net/teams/', e)).toBe(false);
    expect(serviceUrlAllowed('not a url', e)).toBe(false);
  });

  it('lets http through only for loopback, and the port wildcard only on the named loopback host', () => {
    expect(serviceUrlAllowed('http://localhost:3999/', 'http://localhost:*')).toBe(true);
    expect(serviceUrlAllowed('http://127.0.0.1:3999/', 'http://localhost:*')).toBe(false);
    expect(serviceUrlAllowed('https://localhost:3999/', 'http://localhost:*')).toBe(false);
    expect(serviceUrlAllowed('http://127.0.0.1:3999/x', 'http://127.0.0.1:3999/')).toBe(true);
    expect(serviceUrlAllowed('http://127.0.0.1:4000/x', 'http://127.0.0.1:3999/')).toBe(false);
    expect(serviceUrlAllowed('http://example.com/', 'http://example.com/')).toBe(false);
  });
});
