import type { slack as en } from '../en/slack.ts';

export const slack: Record<keyof typeof en, string> = {
  'slack.modal.close': 'Avbryt',
  'slack.truncated': 'Meddelandet var för långt för Slack och har kortats.',
  'slack.formUnavailable': 'Formuläret kan bara öppnas från snedstreckskommandot eller en knapp. Skriv kommandot igen.',
};
