import { z } from 'zod';

/** Configuration of R5 visits and post-visit reports. */
export const visitsConfigSchema = z
  .object({
    /** The committee whose channel receives filed reports; without it `ks`, the executive board (kommunstyrelsen). */
    reportsTo: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a committee id such as "ks"').optional(),
    /** Working days between reminders while a report is owed. */
    reminderEveryWorkingDays: z.number().int().min(1).max(60).default(5),
    /** Reminders to the visit's lead before the coordinator is told. */
    remindersBeforeCoordinator: z.number().int().min(1).max(20).default(3),
    /** Reciprocal twin-town visits per term of office before the bot warns [004]. */
    twinTownVisitsPerTerm: z.number().int().min(1).max(20).default(2),
  })
  .strict()
  .default({ reminderEveryWorkingDays: 5, remindersBeforeCoordinator: 3, twinTownVisitsPerTerm: 2 });

export type VisitsConfig = z.infer<typeof visitsConfigSchema>;
