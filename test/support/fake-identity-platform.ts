import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';

/**
 * A local fake of the Microsoft identity platform as a bot meets it, in two halves:
 * - channel → bot: an OpenID metadata document and its JWKS (plain HTTP, as botbuilder fetches
 *   it with node-fetch) with a key the test holds, so the test signs the Bot Connector's tokens;
 * - bot → channel: an OAuth2 authority with a token endpoint (HTTPS, which MSAL insists on,
 *   with a self-signed certificate this process is told to trust) that hands out access tokens
 *   for the client-credentials grant and records each request.
 */

export const FAKE_TENANT = 'botframework.com';
export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

export interface TokenRequest {
  readonly clientId: string;
  readonly scope: string;
  readonly grantType: string;
  /** The access token handed out, if the credentials were right. */
  readonly issued?: string;
}

export interface TokenClaims {
  readonly iss?: string;
  readonly aud?: string;
  readonly serviceurl?: string;
  /** Seconds from now; negative is in the past. */
  readonly expiresIn?: number;
  readonly notBefore?: number;
  readonly kid?: string;
  /** Sign with a key the JWKS does not hold. */
  readonly foreignKey?: boolean;
}

export interface FakeIdentityPlatform {
  /** ToBotFromChannelOpenIdMetadataUrl */
  readonly openIdMetadataUrl: string;
  /** ToBotFromChannelTokenIssuer */
  readonly issuer: string;
  /** ToChannelFromBotLoginUrl */
  readonly loginUrl: string;
  /** The environment that points the bot here. */
  env(appId: string, password: string): Record<string, string>;
  /** A Bot Connector token for an activity: right by default, each claim can be spoiled. */
  channelToken(claims: TokenClaims): string;
  tokenRequests(): readonly TokenRequest[];
  close(): Promise<void>;
}

export async function startFakeIdentityPlatform(app: { appId: string; password: string }): Promise<FakeIdentityPlatform> {
  const kid = `fake-key-${randomUUID()}`;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', kty: 'RSA', endorsements: ['msteams'] };
  // Not the public cloud's issuer, so only the configured ToBotFromChannelTokenIssuer can match.
  const issuer = 'https://api.botframework.test';
  const requests: TokenRequest[] = [];
  let issuedCount = 0;

  const metadata = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/v1/.well-known/openidconfiguration') {
      return json(res, 200, { issuer, jwks_uri: `${httpBase}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (path === '/keys') return json(res, 200, { keys: [jwk] });
    json(res, 404, { error: 'not_found' });
  });
  const httpBase = `http://127.0.0.1:${await listen(metadata)}`;

  const tls = selfSignedCertificate();
  const login = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const authority = `${loginBase}/${FAKE_TENANT}`;
    if (req.method === 'GET' && path === `/${FAKE_TENANT}/v2.0/.well-known/openid-configuration`) {
      return json(res, 200, {
        issuer: `${authority}/v2.0`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        jwks_uri: `${httpBase}/keys`,
        response_types_supported: ['code', 'token'],
      });
    }
    if (req.method === 'POST' && path === `/${FAKE_TENANT}/oauth2/v2.0/token`) {
      void readForm(req).then((form) => {
        const ok = form.get('client_id') === app.appId && form.get('client_secret') === app.password && form.get('grant_type') === 'client_credentials';
        const issued = ok ? `fake-access-token-${++issuedCount}` : undefined;
        requests.push({ clientId: form.get('client_id') ?? '', scope: form.get('scope') ?? '', grantType: form.get('grant_type') ?? '', ...(issued ? { issued } : {}) });
        if (!issued) return json(res, 401, { error: 'invalid_client', error_description: 'fake: wrong client credentials' });
        json(res, 200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: issued });
      });
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  const loginBase = `https://127.0.0.1:${await listen(login)}`;
  // What NODE_EXTRA_CA_CERTS does for a whole process, for this test process's HTTPS agent.
  https.globalAgent.options.ca = [...rootCertificates, tls.cert];

  const signToken = (payload: Record<string, unknown>, key: KeyObject, keyId: string): string => {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const data = `${enc({ alg: 'RS256', typ: 'JWT', kid: keyId })}.${enc(payload)}`;
    return `${data}.${sign('sha256', Buffer.from(data), key).toString('base64url')}`;
  };

  return {
    openIdMetadataUrl: `${httpBase}/v1/.well-known/openidconfiguration`,
    issuer,
    loginUrl: `${loginBase}/${FAKE_TENANT}`,
    env: (appId, password) => ({
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: password,
      ToBotFromChannelOpenIdMetadataUrl: `${httpBase}/v1/.well-known/openidconfiguration`,
      ToBotFromChannelTokenIssuer: issuer,
      ToChannelFromBotLoginUrl: `${loginBase}/${FAKE_TENANT}`,
      ToChannelFromBotOAuthScope: BOT_FRAMEWORK_SCOPE,
      ValidateAuthority: 'false',
    }),
    channelToken: (claims) => {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        iss: claims.iss ?? issuer,
        aud: claims.aud ?? app.appId,
        ...(claims.serviceurl !== undefined ? { serviceurl: claims.serviceurl } : {}),
        iat: now + (claims.notBefore ?? -60),
        nbf: now + (claims.notBefore ?? -60),
        exp: now + (claims.expiresIn ?? 3600),
      };
      return signToken(payload, claims.foreignKey ? foreign : privateKey, claims.kid ?? kid);
    },
    tokenRequests: () => requests,
    close: async () => {
      for (const server of [metadata, login]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-fake-idp-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    const key = readFileSync(join(dir, 'key.pem'), 'utf8');
    createPrivateKey(key);
    return { key, cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
