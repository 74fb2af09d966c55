import { agentsAuthConfiguration, connectionFromBotFramework } from '../../../src/server/messages/agentsConfig.js';

describe('the Agents SDK connection built from our environment', () => {
  it('maps the Bot Framework names to the SDK settings for each app type', () => {
    expect(connectionFromBotFramework({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant' })).toEqual({
      clientId: 'app',
      tenantId: 'tenant',
      authType: 'ClientSecret',
      clientSecret: 'pw',
    });
    expect(connectionFromBotFramework({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'MultiTenant' })).toEqual({
      clientId: 'app',
      authType: 'ClientSecret',
      clientSecret: 'pw',
    });
    expect(connectionFromBotFramework({ MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant' })).toEqual({
      clientId: 'app',
      tenantId: 'tenant',
      authType: 'UserManagedIdentity',
    });
  });

  it('switches issuer validation on and leaves nothing for the SDK to take from the environment', () => {
    const config = agentsAuthConfiguration({ clientId: 'app', tenantId: 'tenant', authType: 'ClientSecret', clientSecret: 'pw' });
    const connection = config.connections?.get('serviceConnection');
    expect(connection).toMatchObject({ clientId: 'app', tenantId: 'tenant', validateIssuer: true });
    expect(config.connectionsMap).toEqual([{ serviceUrl: '*', connection: 'serviceConnection' }]);
    // Every key the SDK reads from unprefixed variables is present (undefined unless we set it), so
    // its spread of those variables under our settings cannot add one.
    for (const key of ['certPemFile', 'sidecarBaseUrl', 'authorityEndpoint', 'scopes', 'federatedClientId']) {
      expect(Object.keys(connection ?? {})).toContain(key);
      expect(connection?.[key as keyof typeof connection]).toBeUndefined();
    }
  });
});
