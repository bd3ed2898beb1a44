import { e2eConfig } from '../support/app-harness.ts';
import { TEST_CHANNEL_ID, testUsers } from '../support/teams-activities.ts';

/**
 * Tyresö's configuration with the executive board as the deciding body: two board members and
 * Anna (who also asks, so the self-approval rule can be seen) decide in Slack; Bertil (by AAD
 * object id) and Cecilia (by e-mail) in Teams. The board meets 2 December 2026 and 20 January 2027.
 */
export const boardMeetings = ['2026-12-02', '2027-01-20'];

export const approvalsConfig = {
  ...e2eConfig,
  governance: {
    preset: 'tyreso',
    bodies: [
      {
        id: 'ks',
        kind: 'board',
        name: 'Kommunstyrelsen',
        channel: { slack: 'C0KS', teams: TEST_CHANNEL_ID },
        approvers: {
          slack: ['U0BOARD1', 'U0BOARD2', 'U0ANNA', ...Array.from({ length: 8 }, (_, i) => `U0RACE${i}`)],
          slackGroups: ['S0KSPRES'],
          teams: [testUsers.bertil.aadObjectId, testUsers.anna.aadObjectId],
        },
        meetings: boardMeetings,
      },
    ],
  },
};
