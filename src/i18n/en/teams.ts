export const teams = {
  'teams.form.required': 'This field is required.',
  'teams.form.invalid': 'Some fields need to be corrected, see below.',
  'teams.form.choose': 'Choose…',
  'teams.done': 'Done.',
} as const;
