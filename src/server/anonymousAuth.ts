import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type Activity } from 'botbuilder';

type Base = ConfigurationBotFrameworkAuthentication;
type AuthenticateRequestResult = Awaited<ReturnType<Base['authenticateRequest']>>;
type ConnectorFactory = NonNullable<AuthenticateRequestResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<Base['createUserTokenClient']>[0];
type UserTokenClient = Awaited<ReturnType<Base['createUserTokenClient']>>;

/** serviceUrl comes from the caller: keep only a few clients, so random ones cannot grow memory. */
const MAX_KEPT = 16;

/** Claims botbuilder takes the app id from (botframework-connector's getAppId), for the cache key. */
const APP_ID_CLAIMS = ['aud', 'appid'];

/**
 * Anonymous mode (no app id): botbuilder's own authentication, except that outbound clients are
 * made once and reused. botbuilder builds a new ConnectorClient and UserTokenClient (each a fresh
 * Azure HTTP pipeline, ~30 µs apiece) for every incoming activity, even with expectReplies where
 * neither is used. Without credentials nothing differs between two clients for the same app id,
 * service URL and audience, so reusing one changes nothing but the cost. Authenticated mode keeps
 * botbuilder's behaviour untouched (src/server/app.ts uses this class only when anonymous).
 */
export class AnonymousBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(config: Record<string, string>) {
    super(config, new ConfigurationServiceClientCredentialFactory(config));
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const inner = result.connectorFactory;
    if (!inner) return result;
    const appId = appIdOf(result.claimsIdentity);
    const connectorFactory: ConnectorFactory = {
      create: (serviceUrl, audience) => kept(this.connectors, `${appId}\u0000${serviceUrl}\u0000${audience}`, () => inner.create(serviceUrl, audience)),
    };
    return { ...result, connectorFactory };
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return kept(this.userTokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

function appIdOf(claims: ClaimsIdentity): string {
  return APP_ID_CLAIMS.map((type) => claims.getClaimValue(type) ?? '').join('\u0000');
}

function kept<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const found = cache.get(key);
  if (found) return found;
  const made = make();
  if (cache.size >= MAX_KEPT) return made;
  cache.set(key, made);
  // A failed creation is not kept: the next request tries again, as botbuilder would.
  made.catch(() => cache.delete(key));
  return made;
}
