import type { register as en } from '../en/register.ts';

export const register: Record<keyof typeof en, string> = {
  'register.error.noSheet': 'Filen har inget blad eller några kolumner som registret känner till (samarbeten, utlysningar, frister, besök).',
  'register.error.unknownColumn': 'Kolumnen ”{column}” känner registret inte till.',
  'register.error.missing': 'Kolumnen {column} måste fyllas i.',
  'register.match.unknownId': 'Det finns inget samarbete med id {id}.',
  'register.match.duplicate': 'Samma titel och nämnd som rad {row}.',
  'register.match.unknownCallId': 'Det finns ingen utlysning med id {id}.',
  'register.match.duplicateCall': 'Samma namn som rad {row}.',
  'register.match.unknownDeadlineId': 'Det finns ingen frist med id {id}.',
  'register.match.duplicateDeadline': 'Samma titel och samarbete som rad {row}.',
  'register.match.unknownVisitId': 'Det finns inget besök med id {id}.',
  'register.match.duplicateVisit': 'Samma samarbete och första dag som rad {row}.',
  'register.dryRun.create': '{sheet}, rad {row}: läggs till',
  'register.dryRun.update': '{sheet}, rad {row}: #{id} ändras ({columns})',
  'register.dryRun.unchanged': '{sheet}, rad {row}: #{id} oförändrad',
  'register.dryRun.refused': '{sheet}, rad {row}, kolumn {column}: {reason}',
  'register.dryRun.summary': '{create} läggs till, {update} ändras, {unchanged} oförändrade, {refused} avvisade. Inget är sparat.',
};
