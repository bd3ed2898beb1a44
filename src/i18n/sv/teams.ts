import type { teams as en } from '../en/teams.ts';

export const teams: Record<keyof typeof en, string> = {
  'teams.form.required': 'Fältet måste fyllas i.',
  'teams.form.invalid': 'Några fält behöver rättas, se nedan.',
  'teams.form.choose': 'Välj …',
  'teams.done': 'Klart.',
  'teams.fileUnavailable': 'Filen kunde inte lämnas ut: installationen saknar fillagring. Kontakta din administratör.',
};
