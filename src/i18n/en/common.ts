export const common = {
  // Forms that stand for a command: a required argument left empty.
  'form.error.required': 'This field is required.',
  // Free text typed in a command or a form (src/core/text.ts).
  'text.tooLong': 'At most {max} characters (this is {length}).',
  'text.controlCharacter': 'The text contains a control character ({code}) that cannot be saved. Remove it and try again.',
} as const;
