import type { GovernanceRule } from '../../../workflows/approvals/ports.ts';

/** Kinda: Reviderad policy för Kinda kommuns internationella arbete 2011–2014 (seed 004). */
const partnership = 'Nya partnerskapsprogram beslutas på styrelse/nämndnivå, efter samråd med kommunstyrelsen (Kinda, policy: partnerskapsprogram).';
const business = 'Näringslivs- och turismutveckling: beslut fattas i kommunstyrelsen (Kinda, policy).';
const committee = 'Beslut tas i berörd nämnd (Kinda, policy: kultur- och idrottsutbyte; skolutbyte som kräver ekonomiska resurser).';

export const kinda: readonly GovernanceRule[] = [
  // Applications follow the form of cooperation the engagement belongs to.
  { matter: 'application', engagementTypes: ['partnership'], body: 'committee', after: 'board', reason: partnership },
  { matter: 'application', engagementTypes: ['business'], body: 'board', reason: business },
  { matter: 'application', body: 'committee', reason: committee },
  { matter: 'twin-town', body: 'council', reason: 'Etablering av nya vänorter beslutas av kommunfullmäktige (Kinda, policy: vänortssamarbete).' },
  { matter: 'partner-country', body: 'council', reason: 'Samarbete med nya partnerländer beslutas av kommunfullmäktige (Kinda, policy: partnerskapsprogram).' },
  { matter: 'partnership-programme', body: 'committee', after: 'board', reason: partnership },
  { matter: 'school-exchange', body: 'school', reason: 'Så länge inga ekonomiska resurser krävs beslutar varje skola om utbytet (Kinda, policy: skolutbyte).' },
  { matter: 'school-exchange-cost', body: 'committee', reason: 'Skolutbyte som kräver ekonomiska resurser kräver nämndbeslut (Kinda, policy: skolutbyte).' },
  { matter: 'culture-sport', body: 'committee', reason: 'Kultur- och idrottsutbyte: beslut tas i berörd nämnd (Kinda, policy).' },
  { matter: 'business-tourism', body: 'board', reason: business },
  { matter: 'conference-visit', body: 'board', reason: 'Kommunstyrelsen svarar för ledning och samordning av det internationella arbetet (Kinda, policy: organisation).' },
];
