import type { GovernanceRule } from '../../../workflows/approvals/ports.ts';

/** Värmdö: Strategi för Värmdö kommuns internationella arbete, Organisation och ansvar (seed 002). */
const committeeResponsible =
  'Varje nämnd och styrelse ansvarar för internationella kontakter och samarbeten inom sitt ansvarsområde (Värmdö, strategi: organisation och ansvar).';
const boardAgreements =
  'Kommunstyrelsen ansvarar för kommunens övergripande internationella kontakter och samverkansavtal (Värmdö, strategi: organisation och ansvar).';

export const varmdo: readonly GovernanceRule[] = [
  {
    matter: 'application',
    body: 'committee',
    reason: 'Varje nämnd ansvarar för genomförandet av EU-projekt och internationella projekt inom sitt verksamhetsområde (Värmdö, strategi: ansvar, ekonomi och uppföljning).',
  },
  { matter: 'twin-town', body: 'council', reason: 'Kommunfullmäktige fastställer vänortsavtal (Värmdö, strategi: ansvar, ekonomi och uppföljning).' },
  { matter: 'partnership-programme', body: 'board', reason: boardAgreements },
  { matter: 'partner-country', body: 'board', reason: boardAgreements },
  {
    matter: 'conference-visit',
    body: 'presidium',
    reason:
      'Samtliga större internationella konferenser och viktiga besök ska ha en politisk förankring; de behandlas av kommunstyrelsens presidium (Värmdö, strategi: organisation och ansvar).',
  },
  { matter: 'school-exchange', body: 'committee', reason: committeeResponsible },
  { matter: 'school-exchange-cost', body: 'committee', reason: committeeResponsible },
  { matter: 'culture-sport', body: 'committee', reason: committeeResponsible },
  { matter: 'business-tourism', body: 'committee', reason: committeeResponsible },
];
