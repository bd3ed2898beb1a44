export const scheduler = {
  'scheduler.late': 'Sent late: it was due {due}, while Samverkan was not running',
  'scheduler.unreachable.title': 'Samverkan cannot post there yet',
  'scheduler.unreachable': 'Samverkan cannot post in {place} in {platform} yet. Add the app there; the messages waiting for it go out as soon as it can.',
} as const;
