import type { teams as en } from '../en/teams.ts';

export const teams: Record<keyof typeof en, string> = {
};
