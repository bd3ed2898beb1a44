import { ConfidentialClientApplication } from '@azure/msal-node';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { MsalAppCredentials } from 'botframework-connector';

/** Hosts MSAL knows itself (public and US Government clouds): botbuilder's own path stays. */
const MICROSOFT_LOGIN_HOSTS = ['login.microsoftonline.com', 'login.microsoftonline.us'];

export interface CredentialOptions {
  readonly appId: string;
  readonly appPassword?: string;
  readonly appTenantId?: string;
  readonly appType: 'MultiTenant' | 'SingleTenant';
}

/**
 * botbuilder's credential factory, with one addition for a login endpoint of a private cloud
 * (or a test's fake identity platform) when `ValidateAuthority=false`: botbuilder passes that
 * setting on but MSAL never receives it, so MSAL would still ask login.microsoftonline.com
 * whether the authority is genuine, which a private cloud or an offline machine cannot answer.
 * Here the authority is named in MSAL's `knownAuthorities`, which is how MSAL spells "trusted".
 */
export class TeamsCredentialFactory extends ConfigurationServiceClientCredentialFactory {
  private readonly secret: string | undefined;

  constructor(options: CredentialOptions) {
    super({
      MicrosoftAppId: options.appId,
      MicrosoftAppType: options.appType,
      ...(options.appPassword ? { MicrosoftAppPassword: options.appPassword } : {}),
      ...(options.appTenantId ? { MicrosoftAppTenantId: options.appTenantId } : {}),
    });
    this.secret = options.appPassword;
  }

  override async createCredentials(appId: string, audience: string, loginEndpoint: string, validateAuthority: boolean) {
    const host = hostOf(loginEndpoint);
    const trustedPrivateCloud = !validateAuthority && host !== undefined && !MICROSOFT_LOGIN_HOSTS.includes(host);
    if (!trustedPrivateCloud || host === undefined || !this.secret || !(await this.isValidAppId(appId))) {
      return super.createCredentials(appId, audience, loginEndpoint, validateAuthority);
    }
    const client = new ConfidentialClientApplication({
      auth: { clientId: appId, clientSecret: this.secret, authority: loginEndpoint, knownAuthorities: [host] },
    });
    // The ESM and CommonJS builds of msal-node declare the same class twice; it is one API.
    return new MsalAppCredentials(client as unknown as never, appId, loginEndpoint, audience);
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}
