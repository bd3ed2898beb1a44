import type { DateTime } from 'luxon';
import { addDays, localDate, localToUtc, onOrBeforeWorkingDay, workingDaysBetween } from '../../src/calendar/index.ts';
import type { Actor } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { LocalDate } from '../../src/core/command.ts';
import type {
  ApplicationStatus,
  BodyKind,
  BodySettings,
  CallInfo,
  DecisionOutcome,
  EngagementInfo,
  GovernanceRule,
  GovernanceSettings,
  MatterKind,
} from './ports.ts';

/** Pure rules of R3 and R4: who decides, when it is too late, who may press. */

export type BodyChoice =
  | { readonly ok: true; readonly body: BodySettings; readonly consult?: BodySettings; readonly rule: GovernanceRule }
  | { readonly ok: false; readonly reason: 'noRule' | 'noBody'; readonly kind?: BodyKind };

/** The first rule for the matter (and the engagement's type) names the kind of body; config names the body. */
export function decidingBody(settings: GovernanceSettings, matter: MatterKind, engagement: EngagementInfo): BodyChoice {
  const rule = settings.rules.find((r) => r.matter === matter && (!r.engagementTypes || r.engagementTypes.includes(engagement.type)));
  if (!rule) return { ok: false, reason: 'noRule' };
  const body = bodyOfKind(settings, rule.body, engagement.committeeId);
  if (!body) return { ok: false, reason: 'noBody', kind: rule.body };
  const consult = rule.after ? bodyOfKind(settings, rule.after, engagement.committeeId) : undefined;
  return { ok: true, body, rule, ...(consult ? { consult } : {}) };
}

function bodyOfKind(settings: GovernanceSettings, kind: BodyKind, committeeId: string): BodySettings | undefined {
  if (kind === 'committee') return settings.bodies.find((b) => b.kind === 'committee' && (b.committeeId ?? b.id) === committeeId);
  return settings.bodies.find((b) => b.kind === kind);
}

/** The call's next closing day on or after today; a one-off call that has closed gives its past day. */
export function closingDay(call: Pick<CallInfo, 'closes' | 'yearly'>, today: LocalDate): LocalDate {
  const year = Number(today.slice(0, 4));
  const thisYear = dayIn(call.closes, year);
  if (thisYear >= today || !call.yearly) return thisYear;
  return dayIn(call.closes, year + 1);
}

function dayIn(monthDay: string, year: number): LocalDate {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return monthDay === '02-29' && !leap ? `${year}-02-28` : `${year}-${monthDay}`;
}

/** A typed call: `C3` or `3` names a call by id; otherwise the one call whose name or funder matches. */
export function matchCall(text: string, calls: readonly CallInfo[]): CallInfo | undefined {
  const id = /^c?(\d+)$/i.exec(text.trim());
  if (id) return calls.find((c) => c.id === Number(id[1]));
  const wanted = text.trim().toLowerCase();
  const exact = calls.filter((c) => c.name.toLowerCase() === wanted || c.funder?.toLowerCase() === wanted);
  if (exact.length === 1) return exact[0];
  const partial = calls.filter((c) => c.name.toLowerCase().includes(wanted) || (c.funder?.toLowerCase().includes(wanted) ?? false));
  return partial.length === 1 ? partial[0] : undefined;
}

export function nextMeeting(body: BodySettings, today: LocalDate): LocalDate | undefined {
  return body.meetings.find((m) => m >= today);
}

export type TimingWarning = 'closesBeforeMeeting' | 'closesSoon';

/**
 * Warn when the body cannot decide in time: the call closes before the body's next meeting (or
 * no meeting is planned), or within `workingDays` working days.
 */
export function timingWarning(closesOn: LocalDate | undefined, meeting: LocalDate | undefined, today: LocalDate, workingDays: number): TimingWarning | undefined {
  if (!closesOn) return undefined;
  if (meeting === undefined || closesOn < meeting) return 'closesBeforeMeeting';
  if (workingDaysBetween(today, closesOn) <= workingDays) return 'closesSoon';
  return undefined;
}

/** Undecided requests are reminded on the working day before each meeting up to the closing day. */
export function meetingReminders(
  body: BodySettings,
  closesOn: LocalDate | undefined,
  reminderTime: string,
  zone: string,
  now: DateTime,
): { meeting: LocalDate; at: string }[] {
  const today = localDate(now, zone);
  const meetings = body.meetings.filter((m) => m > today && (closesOn === undefined || m <= closesOn));
  return meetings
    .map((meeting) => ({ meeting, at: localToUtc(onOrBeforeWorkingDay(addDays(meeting, -1)), reminderTime, zone) }))
    .filter((r) => r.at > now)
    .slice(0, closesOn === undefined ? 1 : undefined)
    .map((r) => ({ meeting: r.meeting, at: toInstant(r.at) }));
}

/** A request whose call has closed expires at the end of the closing day. */
export function expiryAt(closesOn: LocalDate, zone: string): string {
  return toInstant(localToUtc(addDays(closesOn, 1), '00:00', zone));
}

/** Who may decide for a body: named Slack users or group members, Teams AAD ids or e-mails. */
export function isApprover(body: BodySettings, actor: Actor, extra: { email?: string; groupMembers?: readonly string[] } = {}): boolean {
  const a = body.approvers;
  if (actor.platform === 'slack') return a.slackUsers.includes(actor.userId) || (extra.groupMembers ?? []).includes(actor.userId);
  const ids = [actor.aadObjectId, actor.email, extra.email].filter((v): v is string => !!v).map((v) => v.toLowerCase());
  return ids.some((id) => a.teams.includes(id));
}

/** The statuses the commands after a decision may move an application from. */
export const transitions: Readonly<Record<'submitted' | 'granted' | 'denied', { from: readonly ApplicationStatus[]; to: ApplicationStatus }>> = {
  submitted: { from: ['approved', 'draft'], to: 'submitted' },
  granted: { from: ['submitted'], to: 'granted' },
  denied: { from: ['submitted'], to: 'denied' },
};

/** Reference is required to approve or reject; a comment to reject or ask for changes. */
export function decisionFieldErrors(outcome: DecisionOutcome, reference: string, comment: string): ('reference' | 'comment')[] {
  const missing: ('reference' | 'comment')[] = [];
  if (outcome !== 'changes' && reference.trim() === '') missing.push('reference');
  if (outcome !== 'approved' && comment.trim() === '') missing.push('comment');
  return missing;
}
