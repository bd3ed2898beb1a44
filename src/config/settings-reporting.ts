import type { ReportingSettings } from '../../workflows/reporting/ports.ts';
import type { Config } from './schema.ts';

/**
 * Maps the `reporting` section of the configuration to what the workflow needs. `publicBaseUrl`
 * is asked each time an address is made (PUBLIC_BASE_URL, else the port the server listens on).
 */
export function reportingSettings(config: Config, publicBaseUrl: () => string = () => 'http://localhost:3978'): ReportingSettings {
  const r = config.reporting;
  return {
    annualReminderDay: r.annualReminder,
    annualFollowUps: r.annualFollowUps,
    termReminder: r.termReminder,
    calendarFeed: r.calendarFeed,
    publicFeed: { enabled: r.publicFeed.enabled, path: r.publicFeed.path, ...(r.publicFeed.title ? { title: r.publicFeed.title } : {}) },
    publicBaseUrl: () => publicBaseUrl().replace(/\/+$/, ''),
    boardMeetings: boardMeetings(config),
  };
}

/** Meeting days of the deciding bodies (board, presidium, council) from the governance section. */
function boardMeetings(config: Config): { date: string; body: string }[] {
  return config.governance.bodies
    .filter((b) => b.kind !== 'school')
    .flatMap((b) => b.meetings.map((date) => ({ date, body: b.name })))
    .sort((a, b) => a.date.localeCompare(b.date));
}
