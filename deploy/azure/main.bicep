// Azure Bot registration + Linux App Service (Node 22 LTS, two instances) + Azure Database for PostgreSQL
// flexible server for gp-intake-bot.
// Deploy:  az deployment group create -g <rg> -f deploy/azure/main.bicep -p appName=<name> microsoftAppId=<id> \
//            microsoftAppPassword=<secret> directLineSecret=<48+ random chars> postgresAdminPassword=<24+ random chars>
// Then upload a built zip (dist/, node_modules/ from `npm ci --omit=dev --omit=optional` on Linux x64 with
// Node 22, web/dist/, config/, dialogs/, locales/, package.json) with `az webapp deploy --type zip`. No build runs on App Service.
// NOT VERIFIED: no bicep CLI or Azure subscription on the machine this was written on (see deploy/README.md).

targetScope = 'resourceGroup'

@description('Web app name; the bot endpoint becomes https://<appName>.azurewebsites.net/api/messages.')
param appName string

param location string = resourceGroup().location

@description('SingleTenant or UserAssignedMSI for new bots (Microsoft is retiring creation of new MultiTenant bots). MultiTenant is kept for existing registrations.')
@allowed([ 'SingleTenant', 'MultiTenant', 'UserAssignedMSI' ])
param microsoftAppType string = 'SingleTenant'

@description('Entra app registration client id. Ignored for UserAssignedMSI (the identity created here is used).')
param microsoftAppId string = ''

@secure()
@description('Client secret of the app registration. Leave empty for UserAssignedMSI.')
param microsoftAppPassword string = ''

param microsoftAppTenantId string = subscription().tenantId

@secure()
@minLength(32)
@description('Signs self-hosted Direct Line tokens (web chat). Required: NODE_ENV is production.')
param directLineSecret string

@description('Path of the practice configuration file inside the deployed package, or under /home.')
param practiceConfig string = 'config/practice.demo.json'

@secure()
param practiceWebhookSecret string = ''
param practiceWebhookUrl string = ''

@secure()
param metricsToken string = ''

@description('B1 or above: Always On and health checks need it; S1 or above for deployment slots.')
param planSku string = 'B1'

@description('App instances. All share the PostgreSQL database; two let one restart (a deploy, a fault) while the other serves.')
@minValue(1)
param instanceCount int = 2

@description('PostgreSQL administrator login (the bot connects as it; create a less privileged role later if your policy asks).')
param postgresAdminLogin string = 'gpintake'

@secure()
@minLength(16)
@description('PostgreSQL administrator password.')
param postgresAdminPassword string

@description('Flexible server compute. Burstable B1ms suits a practice group; General Purpose for an ICB.')
param postgresSkuName string = 'Standard_B1ms'
@allowed([ 'Burstable', 'GeneralPurpose', 'MemoryOptimized' ])
param postgresSkuTier string = 'Burstable'

@description('Days of automated backups kept for point-in-time restore (7–35).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 35

@description('ZoneRedundant keeps a standby in another zone with automatic failover (General Purpose or above).')
@allowed([ 'Disabled', 'ZoneRedundant', 'SameZone' ])
param postgresHighAvailability string = 'Disabled'

@allowed([ 'F0', 'S1' ])
param botSku string = 'F0'

var isMsi = microsoftAppType == 'UserAssignedMSI'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (isMsi) {
  name: '${appName}-identity'
  location: location
}

var appId = isMsi ? identity.properties.clientId : microsoftAppId

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'linux'
  sku: { name: planSku, capacity: instanceCount }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  identity: isMsi ? { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } } : { type: 'None' }
  // Started once the database accepts its connections (start-up retries for about a minute).
  dependsOn: [ postgresFromAzure ]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // ARR affinity: a web chat's requests and stream stay on one instance (its socket and in-memory
    // transcript are there); the bot's state is in PostgreSQL, so /api/messages may go to either.
    clientAffinityEnabled: true
    siteConfig: {
      // The Node line CI tests; 'NODE|24-lts' also satisfies package.json's engines.
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node --disable-warning=DEP0111 dist/src/index.js'
      alwaysOn: true
      // Direct Line streams (web chat) are WebSockets.
      webSocketsEnabled: true
      // App Service starts the process again whenever it exits (a fatal fault exits with code 1 on
      // purpose) and replaces an instance that fails this check.
      healthCheckPath: '/health'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        // App Service sets PORT itself; HOST stays 0.0.0.0 inside the container.
        { name: 'MicrosoftAppId', value: appId }
        { name: 'MicrosoftAppPassword', value: isMsi ? '' : microsoftAppPassword }
        { name: 'MicrosoftAppType', value: microsoftAppType }
        { name: 'MicrosoftAppTenantId', value: microsoftAppTenantId }
        { name: 'PRACTICE_CONFIG', value: practiceConfig }
        // Everything is kept in PostgreSQL (TLS, certificate checked); the app's disk holds nothing.
        // Better: a Key Vault reference instead of the value here.
        { name: 'DATABASE_URL', value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${postgresDatabase.name}?sslmode=verify-full' }
        { name: 'DATABASE_POOL_SIZE', value: '10' }
        { name: 'DIRECTLINE_SECRET', value: directLineSecret }
        { name: 'PRACTICE_WEBHOOK_URL', value: practiceWebhookUrl }
        { name: 'PRACTICE_WEBHOOK_SECRET', value: practiceWebhookSecret }
        { name: 'METRICS_TOKEN', value: metricsToken }
        // The App Service front end is one proxy and appends "address:port" to X-Forwarded-For.
        { name: 'TRUST_PROXY_HOPS', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: '${appName}-pg'
  location: location
  sku: { name: postgresSkuName, tier: postgresSkuTier }
  properties: {
    version: '15'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    // Point-in-time restore to any second in this window (README: Backup and restore).
    backup: { backupRetentionDays: postgresBackupRetentionDays, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: postgresHighAvailability }
    // Public endpoint, TLS only, reachable from Azure services (the rule below). For production,
    // prefer private access: VNet integration of the web app and a delegated subnet for the server.
    network: { publicNetworkAccess: 'Enabled' }
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = {
  parent: postgres
  name: 'gp_intake'
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// 0.0.0.0–0.0.0.0 is Azure's "allow public access from Azure services" (any tenant's Azure addresses:
// the password and TLS are the barrier; private access removes the public endpoint altogether).
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${appName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: appName
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: appId
    msaAppType: microsoftAppType
    msaAppTenantId: microsoftAppType == 'MultiTenant' ? '' : microsoftAppTenantId
    msaAppMSIResourceId: isMsi ? identity.id : ''
  }
}

output botEndpoint string = 'https://${web.properties.defaultHostName}/api/messages'
output webChatUrl string = 'https://${web.properties.defaultHostName}/'
