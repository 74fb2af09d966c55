// Azure Bot registration + Linux App Service (Node 22 LTS) for gp-intake-bot.
// Deploy:  az deployment group create -g <rg> -f deploy/azure/main.bicep -p appName=<name> microsoftAppId=<id> \
//            microsoftAppPassword=<secret> directLineSecret=<48+ random chars>
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

@description('B1 or above: Always On and health checks need it. Keep one instance: the embedded store is single-writer.')
param planSku string = 'B1'

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
  sku: { name: planSku, capacity: 1 }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  identity: isMsi ? { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } } : { type: 'None' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
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
        // /home is the persistent share; without WEBSITES_ENABLE_APP_SERVICE_STORAGE it is not mounted.
        { name: 'DATA_DIR', value: '/home/data' }
        { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'true' }
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
