import { z } from 'zod';

const monthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day of the year such as 01-15 (MM-DD)');
const urlPath = z.string().regex(/^\/[a-z0-9][a-z0-9/_-]*[a-z0-9]$/, 'a path such as /offentligt/samarbeten (lower case, no trailing slash)');

/** Configuration of R6 annual reporting, R8 term of office, R9 calendar and public feed. */
export const reportingConfigSchema = z
  .object({
    /** When each committee is asked about the year just ended. */
    annualReminder: monthDay.default('01-15'),
    /** Weekly follow-ups to committees that have not confirmed. */
    annualFollowUps: z.number().int().min(0).max(26).default(8),
    termReminder: z.boolean().default(true),
    calendarFeed: z
      .object({ enabled: z.boolean().default(true), path: urlPath.default('/kalender') })
      .strict()
      .default({ enabled: true, path: '/kalender' }),
    publicFeed: z
      .object({
        enabled: z.boolean().default(false),
        path: urlPath.default('/offentligt/samarbeten'),
        title: z.string().min(1).optional(),
      })
      .strict()
      .default({ enabled: false, path: '/offentligt/samarbeten' }),
  })
  .strict()
  .default({
    annualReminder: '01-15',
    annualFollowUps: 8,
    termReminder: true,
    calendarFeed: { enabled: true, path: '/kalender' },
    publicFeed: { enabled: false, path: '/offentligt/samarbeten' },
  });

export type ReportingConfig = z.infer<typeof reportingConfigSchema>;
