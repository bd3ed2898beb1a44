/**
 * The demo municipality, used only when there is no configuration file at all (no
 * SAMVERKAN_CONFIG and no samverkan.config.yaml): it lets the Microsoft 365 Agents Playground's
 * own mock users try every routine at once, including an approval by the board. It is plain
 * configuration, read through the same schema as a file, so the rules are those of a real
 * municipality: only an approver decides, and nobody decides on their own request.
 *
 * The ids are the ones the Playground uses when it runs without a .m365agentsplayground.yml
 * (its built-in configuration): users by AAD object id, and the conversation ids of its team's
 * two channels ("General" is the team id itself, "Announcements" its other channel).
 */
export const playgroundIds = {
  tenantId: '00000000-0000-0000-0000-0000000000001',
  /** Alex Wilber, the Playground's current user at start: coordinator and the one who asks. */
  alex: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
  /** Megan Bowen, the first user one can switch to: decides for the board. */
  megan: { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' },
  generalChannel: 'team-id',
  announcementsChannel: 'channel-announcements-id',
} as const;

const { alex, megan, generalChannel, announcementsChannel } = playgroundIds;

export const demoConfig = {
  municipality: { name: 'Demokommun', language: 'sv', timeZone: 'Europe/Stockholm', reminderTime: '08:00' },
  coordinator: { people: { teams: [alex.aadObjectId] }, channel: { teams: generalChannel } },
  committees: [
    // The board meets in "Announcements", the committee in "General".
    { id: 'ks', name: 'Kommunstyrelsen', channel: { teams: announcementsChannel } },
    { id: 'kfn', name: 'Kultur- och fritidsnämnden', channel: { teams: generalChannel } },
  ],
  governance: {
    preset: 'tyreso',
    bodies: [
      {
        id: 'ks',
        kind: 'board',
        name: 'Kommunstyrelsen',
        channel: { teams: announcementsChannel },
        // Alex is an approver too, so the Playground shows that nobody approves their own request.
        approvers: { teams: [megan.aadObjectId, alex.aadObjectId] },
      },
    ],
  },
  visits: { reportsTo: 'ks' },
} as const;

/** The start-up line that says the demo is in use, and who plays which part. */
export function demoSummary(municipality: string): string {
  return (
    `Configuration: none found; demo municipality ${municipality} for the Microsoft 365 Agents Playground ` +
    `(${alex.name} coordinates and asks, ${megan.name} or ${alex.name} decides for the board; self-approval is refused). ` +
    'WARNING: every Slack workspace and Teams tenant is accepted; any configuration file (SAMVERKAN_CONFIG or samverkan.config.yaml) turns the demo off.'
  );
}
