import type { GovernanceRule } from '../../../workflows/approvals/ports.ts';
import { kinda } from './kinda.ts';
import { tyreso } from './tyreso.ts';
import { varmdo } from './varmdo.ts';

/** Who decides what, as three municipalities' policies say it (shared/seeds 001, 002, 004). */
export const governancePresets = { tyreso, varmdo, kinda } as const satisfies Record<string, readonly GovernanceRule[]>;
export type GovernancePresetName = keyof typeof governancePresets;
