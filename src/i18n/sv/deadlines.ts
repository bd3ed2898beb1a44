import type { deadlines as en } from '../en/deadlines.ts';

export const deadlines: Record<keyof typeof en, string> = {
};
