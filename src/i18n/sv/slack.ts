import type { slack as en } from '../en/slack.ts';

export const slack: Record<keyof typeof en, string> = {
};
