export const scheduler = {
  'scheduler.late': 'Sent late: it was due {due}, while Samverkan was not running',
} as const;
