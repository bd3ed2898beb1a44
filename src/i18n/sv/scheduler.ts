import type { scheduler as en } from '../en/scheduler.ts';

export const scheduler: Record<keyof typeof en, string> = {
  'scheduler.late': 'Skickad sent: skulle ha kommit {due}, när Samverkan inte var igång',
  'scheduler.unreachable.title': 'Samverkan kan inte skriva där än',
  'scheduler.unreachable': 'Samverkan kan inte skriva i {place} i {platform} än. Lägg till appen där, så skickas meddelandena som väntar så snart det går.',
};
