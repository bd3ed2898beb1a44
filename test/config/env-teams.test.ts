import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { teamsCloudSettings } from '../../src/config/env-teams.ts';
import { bindAddress } from '../../src/http/bind.ts';

describe('Teams cloud settings in the environment', () => {
  const endpoints = {
    ToChannelFromBotLoginUrl: 'https://login.example.gov/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.example.gov',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.example.gov',
    ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.example.gov/v1/.well-known/openidconfiguration',
  };

  it('hands botbuilder exactly the settings that are set, under its own names', () => {
    expect(teamsCloudSettings(readEnv({}))).toEqual({});
    expect(teamsCloudSettings(readEnv({ ChannelService: 'https://botframework.azure.us' }))).toEqual({ ChannelService: 'https://botframework.azure.us' });
    expect(teamsCloudSettings(readEnv({ ...endpoints, ValidateAuthority: 'false' }))).toEqual({ ...endpoints, ValidateAuthority: 'false' });
  });

  it('names each endpoint that is missing when only some are set, and refuses bad values', () => {
    const { ToBotFromChannelTokenIssuer: _issuer, ToChannelFromBotOAuthScope: _scope, ...partial } = endpoints;
    expect(() => readEnv(partial)).toThrowError(/ToChannelFromBotOAuthScope: required with the other Teams cloud endpoints[\s\S]*ToBotFromChannelTokenIssuer: required/);
    expect(() => readEnv({ ...endpoints, ToBotFromChannelOpenIdMetadataUrl: 'not a url' })).toThrowError(/ToBotFromChannelOpenIdMetadataUrl/);
    expect(() => readEnv({ ValidateAuthority: 'no' })).toThrowError(/ValidateAuthority/);
  });
});

describe('where the HTTP server listens', () => {
  it('is this machine only without an app id, every interface with one, and HOST when set', () => {
    expect(bindAddress({})).toMatchObject({ host: '127.0.0.1', note: expect.stringContaining('this machine only') });
    expect(bindAddress({ MICROSOFT_APP_ID: 'a1b2' })).toEqual({ host: undefined, note: 'every interface' });
    expect(bindAddress({ HOST: '0.0.0.0' })).toEqual({ host: '0.0.0.0', note: 'HOST=0.0.0.0' });
    expect(bindAddress({ HOST: '10.1.2.3', MICROSOFT_APP_ID: 'a1b2' }).host).toBe('10.1.2.3');
  });
});
