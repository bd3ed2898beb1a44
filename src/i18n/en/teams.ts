export const teams = {
  'teams.form.required': 'This field is required.',
  'teams.form.invalid': 'Some fields need to be corrected, see below.',
  'teams.form.choose': 'Choose…',
  'teams.done': 'Done.',
  'teams.fileUnavailable': 'The file could not be handed over: this installation has no file store. Ask your administrator.',
  'teams.personalOnly': 'This is your own view of your work: ask for it in your chat with Samverkan, not here, so that nobody else sees it.',
  'teams.tenantNotAllowed': 'Your Microsoft 365 organization is not connected to Samverkan. Ask your coordinator to add it to the configuration.',
} as const;
