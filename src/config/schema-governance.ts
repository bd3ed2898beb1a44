import { z } from 'zod';

/** Configuration of R3 board approval and R4 who decides what; filled in by its issue. */
export const governanceConfigSchema = z.object({}).strict().default({});

export type GovernanceConfig = z.infer<typeof governanceConfigSchema>;
