import { z } from 'zod';

/** Configuration of R6 annual reporting, R8 term of office, R9 calendar and public feed; filled in by its issue. */
export const reportingConfigSchema = z.object({}).strict().default({});

export type ReportingConfig = z.infer<typeof reportingConfigSchema>;
