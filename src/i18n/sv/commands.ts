import type { commands as en } from '../en/commands.ts';

export const commands: Record<keyof typeof en, string> = {
};
