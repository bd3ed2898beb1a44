import { z } from 'zod';

/**
 * botbuilder's own cloud settings, read under botbuilder's own names (what
 * `ConfigurationBotFrameworkAuthentication` reads from `process.env` in Microsoft's samples), so
 * Microsoft's documentation for sovereign clouds applies as written. Unset means the public cloud.
 */
export const teamsCloudEnvShape = {
  /** `https://botframework.azure.us` selects the US Government cloud (GCC High, DoD) as a whole. */
  ChannelService: z.string().url().optional(),
  ToChannelFromBotLoginUrl: z.string().url().optional(),
  ToChannelFromBotOAuthScope: z.string().min(1).optional(),
  ToBotFromChannelTokenIssuer: z.string().min(1).optional(),
  ToBotFromChannelOpenIdMetadataUrl: z.string().url().optional(),
  ToBotFromEmulatorOpenIdMetadataUrl: z.string().url().optional(),
  OAuthUrl: z.string().url().optional(),
  CallerId: z.string().min(1).optional(),
  ValidateAuthority: z.enum(['true', 'false']).optional(),
};

export type TeamsCloudKey = keyof typeof teamsCloudEnvShape;
export const teamsCloudKeys = Object.keys(teamsCloudEnvShape) as TeamsCloudKey[];

/**
 * With any of these set, botbuilder uses exactly the given endpoints and no public-cloud
 * default fills a gap: a missing one would fail on the first message, so all are required.
 */
export const teamsCloudEndpointKeys = [
  'ToChannelFromBotLoginUrl',
  'ToChannelFromBotOAuthScope',
  'ToBotFromChannelTokenIssuer',
  'ToBotFromChannelOpenIdMetadataUrl',
] as const satisfies readonly TeamsCloudKey[];

export function missingTeamsCloudEndpoints(env: Partial<Record<TeamsCloudKey, string | undefined>>): string[] {
  const set = teamsCloudEndpointKeys.filter((k) => env[k]);
  return set.length === 0 ? [] : teamsCloudEndpointKeys.filter((k) => !env[k]);
}

/** The settings that are set, to hand to botbuilder. */
export function teamsCloudSettings(env: Partial<Record<TeamsCloudKey, string | undefined>>): Partial<Record<TeamsCloudKey, string>> {
  const out: Partial<Record<TeamsCloudKey, string>> = {};
  for (const key of teamsCloudKeys) {
    const value = env[key];
    if (value) out[key] = value;
  }
  return out;
}
