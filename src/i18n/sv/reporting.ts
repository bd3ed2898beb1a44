import type { reporting as en } from '../en/reporting.ts';

export const reporting: Record<keyof typeof en, string> = {
};
