/**
 * Built-in defaults, used when there is no configuration file: a Swedish municipality with the
 * usual committees, so a first `npm start` can be tried at once. Every workspace and tenant is
 * accepted in this mode, and the bot says so at start.
 */
export const builtInConfig = {
  municipality: { name: 'Exempelkommun', language: 'sv', timeZone: 'Europe/Stockholm', reminderTime: '08:00' },
  committees: [
    { id: 'ks', name: 'Kommunstyrelsen' },
    { id: 'bun', name: 'Barn- och utbildningsnämnden' },
    { id: 'kfn', name: 'Kultur- och fritidsnämnden' },
    { id: 'sn', name: 'Socialnämnden' },
    { id: 'sbn', name: 'Samhällsbyggnadsnämnden' },
  ],
} as const;
