import type { AuthConfiguration, ConnectionSettings } from '@microsoft/agents-hosting';

/** The connection name the Agents SDK gives a single connection (its DEFAULT_CONNECTION_MAP). */
const CONNECTION = 'serviceConnection';

/**
 * Every setting the Agents SDK would otherwise take from unprefixed environment variables
 * (`clientId`, `tenantId`, `authType`, …) under a connection we give it. Listing them as undefined
 * keeps a stray variable in a developer's shell from changing how the bot authenticates: the SDK
 * spreads those variables under our settings.
 */
const SDK_ENV_KEYS = [
  'tenantId', 'clientId', 'clientSecret', 'certPemFile', 'certKeyFile', 'connectionName', 'FICClientId', 'federatedClientId',
  'authorityEndpoint', 'authority', 'scope', 'scopes', 'altBlueprintConnectionName', 'alternateBlueprintConnectionName',
  'WIDAssertionFile', 'azureRegion', 'sendX5C', 'msalRetryCount', 'authType', 'federatedTokenFile', 'idpmResource',
  'sidecarBaseUrl', 'serviceName', 'blueprintServiceName', 'bypassLocalNetworkRestriction', 'requestTimeout', 'retryCount',
  'issuers', 'validateIssuer',
] as const;

/**
 * Our environment (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId:
 * see botFrameworkConfig in src/config/env.ts) as an Agents SDK connection. The SDK reads the same
 * three values as `clientId`, `clientSecret` and `tenantId`; MicrosoftAppType picks its `authType`.
 * Without a tenant (MultiTenant) the SDK uses the botframework.com tenant, as botbuilder did.
 */
export function connectionFromBotFramework(botFramework: Readonly<Record<string, string>>): ConnectionSettings {
  const { MicrosoftAppId: clientId, MicrosoftAppPassword: clientSecret, MicrosoftAppType: appType, MicrosoftAppTenantId: tenantId } = botFramework;
  return {
    clientId,
    ...(tenantId ? { tenantId } : {}),
    ...(appType === 'UserAssignedMSI' ? { authType: 'UserManagedIdentity' } : { authType: 'ClientSecret', clientSecret }),
  };
}

/**
 * The SDK's configuration for one connection: tokens must come from its issuers (the SDK checks the
 * issuer only when asked to), and nothing is read from the environment.
 */
export function agentsAuthConfiguration(connection: ConnectionSettings): AuthConfiguration {
  const settings: AuthConfiguration = Object.fromEntries(SDK_ENV_KEYS.map((key) => [key, undefined]));
  Object.assign(settings, { validateIssuer: true }, connection);
  return {
    ...settings,
    connections: new Map([[CONNECTION, settings]]),
    connectionsMap: [{ serviceUrl: '*', connection: CONNECTION }],
  };
}
