export const common = {
  // Forms that stand for a command: a required argument left empty.
  'form.error.required': 'This field is required.',
} as const;
