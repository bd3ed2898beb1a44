export const slack = {
  'slack.modal.close': 'Cancel',
  'slack.truncated': 'This message was too long for Slack and has been shortened.',
  'slack.formUnavailable': 'This form can only be opened from a slash command or a button. Type the command again.',
} as const;
