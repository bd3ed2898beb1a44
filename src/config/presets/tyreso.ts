import type { GovernanceRule } from '../../../workflows/approvals/ports.ts';

/** Tyresö: Riktlinjer för internationellt samarbete, avsnitt 4 Ansvar (seed 001). */
const committeeOwnsProjects =
  'Varje nämnd har huvudansvaret för internationella samarbetsprojekt inom sitt ansvarsområde (Tyresö, riktlinjer avsnitt 4).';

export const tyreso: readonly GovernanceRule[] = [
  {
    matter: 'application',
    body: 'board',
    reason:
      'Innan projektansökan lämnas in ska kommunstyrelsen godkänna att nämnden ansöker om medverkan i projektet; förstudier undantas (Tyresö, riktlinjer avsnitt 4).',
  },
  {
    matter: 'twin-town',
    body: 'board',
    reason: 'Kommunstyrelsen beslutar om att ingå och säga upp vänortsavtal (Tyresö, riktlinjer avsnitt 4).',
  },
  { matter: 'partnership-programme', body: 'board', reason: 'Kommunstyrelsen ingår kommunalt partnerskap (Tyresö, riktlinjer avsnitt 4).' },
  { matter: 'partner-country', body: 'board', reason: 'Kommunstyrelsen ingår kommunalt partnerskap (Tyresö, riktlinjer avsnitt 4).' },
  { matter: 'school-exchange', body: 'committee', reason: committeeOwnsProjects },
  { matter: 'school-exchange-cost', body: 'committee', reason: committeeOwnsProjects },
  { matter: 'culture-sport', body: 'committee', reason: committeeOwnsProjects },
  { matter: 'business-tourism', body: 'committee', reason: committeeOwnsProjects },
  {
    matter: 'conference-visit',
    body: 'committee',
    reason:
      'Efter att ha informerat kommunledningskontoret ansvarar nämnderna för att ta emot internationella besök inom sitt verksamhetsområde (Tyresö, riktlinjer avsnitt 4).',
  },
];
