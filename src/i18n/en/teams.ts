export const teams = {
  'teams.form.required': 'This field is required.',
  'teams.form.invalid': 'Some fields need to be corrected, see below.',
  'teams.form.choose': 'Choose…',
  'teams.done': 'Done.',
  'teams.fileUnavailable': 'The file could not be handed over: this installation has no file store. Ask your administrator.',
} as const;
