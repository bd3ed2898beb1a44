import type { calls as en } from '../en/calls.ts';

export const calls: Record<keyof typeof en, string> = {
  'call.added': 'Utlysning {id} registrerad: {name}.',
  'call.field.window': 'Ansökningsperiod',
  'call.field.recurrence': 'Återkommer',
  'call.field.funder': 'Finansiär',
  'call.field.url': 'Länk',
  'call.yearly': 'varje år',
  'call.once': 'en gång',
  'call.list.title': 'Utlysningar',
  'call.list.empty': 'Inga utlysningar ännu. Lägg till en med: utlysning ny "<namn>" öppnar=MM-DD stänger=MM-DD',
  'call.list.noWindow': 'stängd',
  'call.announce.title': 'Utlysning {id}',
  'call.announce.open': '”{name}” är öppen för ansökningar till och med {closes}.',
  'call.announce.closing': '”{name}” stänger om {days} {days|dag|dagar}, {closes}.',
  'call.error.sameDay': 'En ansökningsperiod måste stänga en annan dag än den öppnar.',
};
