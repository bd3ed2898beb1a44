import type { calls as en } from '../en/calls.ts';

export const calls: Record<keyof typeof en, string> = {
};
