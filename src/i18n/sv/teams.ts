import type { teams as en } from '../en/teams.ts';

export const teams: Record<keyof typeof en, string> = {
  'teams.form.required': 'Fältet måste fyllas i.',
  'teams.form.invalid': 'Några fält behöver rättas, se nedan.',
  'teams.form.choose': 'Välj …',
  'teams.done': 'Klart.',
  'teams.fileUnavailable': 'Filen kunde inte lämnas ut: installationen saknar fillagring. Kontakta din administratör.',
  'teams.personalOnly': 'Det här är din egen översikt: fråga efter den i din chatt med Samverkan i stället för här, så att ingen annan ser den.',
  'teams.tenantNotAllowed': 'Din organisation i Microsoft 365 är inte ansluten till Samverkan. Be din samordnare att lägga till den i konfigurationen.',
};
