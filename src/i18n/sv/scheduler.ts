import type { scheduler as en } from '../en/scheduler.ts';

export const scheduler: Record<keyof typeof en, string> = {
  'scheduler.late': 'Skickad sent: skulle ha kommit {due}, när Samverkan inte var igång',
};
