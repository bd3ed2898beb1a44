import type { approvals as en } from '../en/approvals.ts';

export const approvals: Record<keyof typeof en, string> = {
};
