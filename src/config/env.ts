import { z } from 'zod';
import { ConfigError } from './load.ts';
import { missingTeamsCloudEndpoints, teamsCloudEnvShape } from './env-teams.ts';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'sqlite:<path> or postgres://user@host/db')
    .default('sqlite:data/samverkan.sqlite'),
  /** PostgreSQL: the role that owns the tables runs the migrations; DATABASE_URL's role only gets grants. */
  DATABASE_OWNER_URL: z.string().regex(/^postgres(ql)?:\/\//, 'postgres://owner@host/db').optional(),
  SLACK_BOT_TOKEN: z.string().regex(/^xox[bp]-/, 'a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'an app-level token starting with xapp-').optional(),
  SLACK_API_URL: z.string().url().optional(),
  /** How long a claimed outbox row is one replica's; above Slack's 10 s client timeout (docs/outbox.md). */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(15).max(3600).default(60),
  /** How often the outbox is checked when nothing woke it: the safety net. */
  OUTBOX_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How many conversations are sent to at once. */
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** How long a message to a conversation the bot cannot reach yet keeps waiting. */
  OUTBOX_UNREACHABLE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  MICROSOFT_APP_ID: z.string().optional(),
  MICROSOFT_APP_PASSWORD: z.string().optional(),
  MICROSOFT_APP_TENANT_ID: z.string().optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Documents (annual report, exports) rendered at the same time, each in a worker thread. */
  RENDER_THREADS: z.coerce.number().int().min(1).max(16).default(1),
  /** A document not ready this long after it was asked for is stopped and the person told. */
  RENDER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  ...teamsCloudEnvShape,
});

export type Env = z.infer<typeof envSchema>;

/** Every variable readEnv reads (docs/operations.md lists each; a test checks). */
export const envVariableNames: readonly string[] = [...Object.keys(envSchema.shape), 'SLACK_ANSWER_THREADS'];

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  // Empty variables mean "not set": a blank SLACK_BOT_TOKEN= in a .env file must not enable Slack.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) {
    const missing = missingTeamsCloudEndpoints(result.data);
    if (missing.length === 0) return result.data;
    throw new ConfigError(`Invalid environment:\n${missing.map((k) => `  - ${k}: required with the other Teams cloud endpoints (see docs/operations.md)`).join('\n')}`);
  }
  const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
}

/** Settings earlier versions read and this one ignores: said once at start, so nobody tunes them in vain. */
const obsolete: Readonly<Record<string, string>> = {
  SLACK_ANSWER_PROCESSES: 'slash commands are answered in the main process',
  SLACK_ANSWER_THREADS: 'slash commands are answered in the main process',
};

/** One line per obsolete setting that is still set. */
export function obsoleteSettings(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(obsolete)
    .filter(([name]) => env[name] !== undefined && env[name] !== '')
    .map(([name, why]) => `Settings: ${name} is obsolete and ignored (${why}); remove it`);
}

export type SlackMode =
  | { readonly kind: 'off'; readonly reason: string }
  | { readonly kind: 'http'; readonly botToken: string; readonly signingSecret: string }
  | { readonly kind: 'socket'; readonly botToken: string; readonly appToken: string };

export function slackMode(env: Env): SlackMode {
  if (!env.SLACK_BOT_TOKEN) return { kind: 'off', reason: 'SLACK_BOT_TOKEN is not set' };
  if (env.SLACK_APP_TOKEN) return { kind: 'socket', botToken: env.SLACK_BOT_TOKEN, appToken: env.SLACK_APP_TOKEN };
  if (env.SLACK_SIGNING_SECRET) {
    return { kind: 'http', botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET };
  }
  return { kind: 'off', reason: 'SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP) nor SLACK_APP_TOKEN (Socket Mode)' };
}
