import type { engagements as en } from '../en/engagements.ts';

export const engagements: Record<keyof typeof en, string> = {
};
