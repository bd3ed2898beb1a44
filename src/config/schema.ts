import { z } from 'zod';
import { governanceConfigSchema } from './schema-governance.ts';
import { reportingConfigSchema } from './schema-reporting.ts';
import { visitsConfigSchema } from './schema-visits.ts';

const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'a Slack user id such as U0123ABCD');
const slackChannelId = z.string().regex(/^[CGD][A-Z0-9]{2,}$/, 'a Slack channel id such as C0123ABCD');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 08:00');

/** Where a body or committee posts: a Slack channel and/or a Teams conversation. */
export const channelSchema = z
  .object({
    slack: slackChannelId.optional(),
    teams: z.string().min(3, 'a Teams conversation id such as 19:…@thread.tacv2').optional(),
  })
  .strict();

/** People named in configuration: Slack user ids; Teams AAD object ids or e-mail addresses. */
export const peopleSchema = z
  .object({
    slack: z.array(slackUserId).default([]),
    teams: z.array(z.string().min(3)).default([]),
  })
  .strict();

export const committeeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a short lower-case id such as "kfn" (letters, digits, dashes)'),
    name: z.string().min(1),
    channel: channelSchema.default({}),
  })
  .strict();

export const configSchema = z
  .object({
    municipality: z
      .object({
        name: z.string().min(1).default('Kommunen'),
        language: z.enum(['sv', 'en']).default('sv'),
        timeZone: z
          .string()
          .default('Europe/Stockholm')
          .refine((zone) => isValidZone(zone), 'an IANA time zone such as Europe/Stockholm'),
        reminderTime: hhmm.default('08:00'),
      })
      .strict()
      .default({ name: 'Kommunen', language: 'sv', timeZone: 'Europe/Stockholm', reminderTime: '08:00' }),
    coordinator: z
      .object({
        people: peopleSchema.default({ slack: [], teams: [] }),
        channel: channelSchema.default({}),
      })
      .strict()
      .default({ people: { slack: [], teams: [] }, channel: {} }),
    committees: z.array(committeeSchema).default([]),
    allow: z
      .object({
        slackTeams: z.array(z.string().regex(/^[TE][A-Z0-9]{2,}$/, 'a Slack team id such as T0123ABCD')).default([]),
        teamsTenants: z.array(z.string().uuid('a Microsoft tenant id (a GUID)')).default([]),
      })
      .strict()
      .default({ slackTeams: [], teamsTenants: [] }),
    reminders: z
      .object({
        daysBefore: z.array(z.number().int().min(1).max(365)).min(1).default([30, 14, 7, 1]),
      })
      .strict()
      .default({ daysBefore: [30, 14, 7, 1] }),
    calls: z
      .object({
        announceDaysBeforeClose: z.array(z.number().int().min(1).max(120)).default([14, 3]),
      })
      .strict()
      .default({ announceDaysBeforeClose: [14, 3] }),
    /**
     * One person's Slack and Teams accounts, when their e-mail addresses do not link them:
     * a Slack user id and a Teams AAD object id or e-mail address.
     */
    people: z.array(z.object({ slack: slackUserId, teams: z.string().min(3) }).strict()).default([]),
    governance: governanceConfigSchema,
    visits: visitsConfigSchema,
    reporting: reportingConfigSchema,
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.committees.forEach((c, i) => {
      if (seen.has(c.id)) {
        ctx.addIssue({ code: 'custom', path: ['committees', i, 'id'], message: `committee id "${c.id}" is used twice` });
      }
      seen.add(c.id);
    });
  });

export type Config = z.infer<typeof configSchema>;
export type Committee = z.infer<typeof committeeSchema>;
export type ChannelConfig = z.infer<typeof channelSchema>;

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
