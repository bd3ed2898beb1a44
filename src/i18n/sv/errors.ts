import type { errors as en } from '../en/errors.ts';

export const errors: Record<keyof typeof en, string> = {
  'error.internal': 'Något gick fel hos oss. Inget sparades. Försök igen om en stund; om felet kvarstår, kontakta din samordnare.',
  'error.renderFailed': 'Dokumentet kunde inte tas fram, på grund av ett fel i Samverkan. Inget har sparats eller ändrats. Försök igen, och kontakta den som driver Samverkan om det händer igen.',
  'error.renderTimedOut': 'Det tog för lång tid att ta fram dokumentet, så arbetet avbröts. Inget har sparats eller ändrats. Försök igen om en stund.',
  'error.renderBusy': 'Många dokument tas fram just nu, och ditt fick inte plats i kön. Inget har sparats eller ändrats. Försök igen om en stund.',
  'error.notAvailable': '”{command}” finns inte ännu i den här versionen av Samverkan.',
  'error.unknownAction': 'Den knappen används inte längre. Inget ändrades.',
  'error.tenantNotAllowed': 'Den här arbetsytan är inte ansluten till Samverkan. Be din samordnare att lägga till den i konfigurationen.',
  'error.unknownPerson': 'Jag känner inte till {person}. Nämn personen (@namn) eller använd e-postadressen till någon som har använt Samverkan.',
  'error.ambiguousPerson': 'Flera personer heter {person}. Nämn personen så att jag vet vem du menar.',
  'error.unknownCommittee': 'Det finns ingen nämnd ”{committee}”. Nämnder: {known}.',
  'error.notFound': '{id} finns inte.',
  'error.noFileHandler': 'Samverkan gör inget med filer här.',
  'error.fileTooLarge': '{file} är större än {mb} MB; registerimporten läser mindre filer.',
} as const;
