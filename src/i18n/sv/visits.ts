import type { visits as en } from '../en/visits.ts';

export const visits: Record<keyof typeof en, string> = {
};
