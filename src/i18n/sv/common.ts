import type { common as en } from '../en/common.ts';

export const common: Record<keyof typeof en, string> = {
  'form.error.required': 'Fältet måste fyllas i.',
  // Free text typed in a command or a form (src/core/text.ts).
  'text.tooLong': 'Högst {max} tecken (här är det {length}).',
  'text.controlCharacter': 'Texten innehåller ett styrtecken ({code}) som inte kan sparas. Ta bort det och försök igen.',
  // Every list says how many rows there are and which it shows (src/core/paging.ts).
  'list.count': '{title}: {total}',
  'list.countShowing': '{title}: {total} (visar {from}–{to})',
  'list.nextPage': 'Nästa sida ({page})',
  'list.pageHint': 'Fler: lägg till sida={page} i kommandot.',
};
