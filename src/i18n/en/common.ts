export const common = {
  // Forms that stand for a command: a required argument left empty.
  'form.error.required': 'This field is required.',
  // Free text typed in a command or a form (src/core/text.ts).
  'text.tooLong': 'At most {max} characters (this is {length}).',
  'text.controlCharacter': 'The text contains a control character ({code}) that cannot be saved. Remove it and try again.',
  // Every list says how many rows there are and which it shows (src/core/paging.ts).
  'list.count': '{title}: {total}',
  'list.countShowing': '{title}: {total} (showing {from}–{to})',
  'list.nextPage': 'Next page ({page})',
  'list.pageHint': 'More: add page={page} to the command.',
} as const;
