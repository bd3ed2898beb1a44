import type { scheduler as en } from '../en/scheduler.ts';

export const scheduler: Record<keyof typeof en, string> = {
};
