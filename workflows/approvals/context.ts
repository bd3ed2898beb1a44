import type { DateTime } from 'luxon';
import { targetKey, uniqueTargets, userTarget, type Actor, type Target } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { idLabel } from '../../src/core/format.ts';
import { MY_WORK_REFRESH } from '../../src/core/my-work.ts';
import type { OutboxMessage } from '../../src/core/outbox.ts';
import type { UnitOfWork } from '../../src/core/ports.ts';
import { committeeById, type MunicipalitySettings } from '../../src/core/settings.ts';
import { translator } from '../../src/i18n/index.ts';
import type { CardContext, RequestView } from './cards.ts';
import type { ApplicationRecord, BodySettings, DecisionRecord, GovernanceRepos, GovernanceSettings } from './ports.ts';
import { expiryAt, isApprover, meetingReminders } from './rules.ts';

export const REQUEST = 'approval.request';
export const REFRESH = 'approval.refresh';
export const DECIDED = 'approval.decided';
export const WARNING = 'approval.warning';
export const REMINDER = 'approval.reminder';
export const EXPIRE = 'approval.expire';
export const MY_WORK_FANOUT = 'approval.mywork';
/**
 * Outbox subjects carry the round, so the cards of an earlier round keep showing how that round
 * ended after the requester resubmits.
 */
export const subject = (id: number, round: number) => ({ type: `application#${round}`, id });
export function roundOf(s: { type: string } | undefined): number {
  const m = /^application#(\d+)$/.exec(s?.type ?? '');
  return m ? Number(m[1]) : 0;
}

/** What the approval services share: settings, lookups, and the outbox rows a change causes. */
export class Governance {
  constructor(
    readonly uow: UnitOfWork<GovernanceRepos>,
    readonly municipality: MunicipalitySettings,
    readonly settings: GovernanceSettings,
  ) {}

  get zone(): string {
    return this.municipality.timeZone;
  }

  body(id: string | undefined): BodySettings | undefined {
    return id === undefined ? undefined : this.settings.bodies.find((b) => b.id === id);
  }

  cardContext(now: DateTime, t = translator(this.municipality.locale), locale = this.municipality.locale): CardContext {
    return { t, locale, zone: this.zone, now, warnWorkingDays: this.settings.warnWorkingDays };
  }

  /** The request as it stands, or as round `round` ended when the requester has resubmitted since. */
  async view(repos: GovernanceRepos, current: ApplicationRecord, round = current.round, known?: DecisionRecord): Promise<RequestView> {
    const engagement = await repos.engagements.get(current.engagementId);
    const decision = known ?? (await repos.decisions.forRound(current.id, round));
    const application = round === current.round ? current : { ...current, round, status: decision?.outcome ?? current.status };
    const committeeId = engagement?.committeeId ?? '';
    return {
      application,
      engagement,
      committeeName: committeeById(this.municipality, committeeId)?.name ?? committeeId,
      body: this.body(application.bodyId),
      consult: this.body(application.consultBodyId),
      decision,
    };
  }

  async load(repos: GovernanceRepos, id: number): Promise<ApplicationRecord> {
    const application = await repos.applications.get(id);
    if (!application) throw new BotFailure({ code: 'error.notFound', params: { id: idLabel.application(id) } });
    return application;
  }

  /** May this person decide for the body? Slack groups and Teams e-mails are looked up as needed. */
  async mayDecide(repos: GovernanceRepos, body: BodySettings, actor: Actor): Promise<boolean> {
    if (isApprover(body, actor)) return true;
    if (actor.platform === 'slack' && body.approvers.slackGroups.length && this.settings.groups) {
      const members = (await Promise.all(body.approvers.slackGroups.map((g) => this.settings.groups?.membersOf('slack', g) ?? []))).flat();
      return isApprover(body, actor, { groupMembers: members });
    }
    if (actor.platform === 'teams') {
      const email = await repos.governancePeople.emailOf('teams', actor.userId);
      return email !== undefined && isApprover(body, actor, { email });
    }
    return false;
  }

  /** The approvers the bot can message directly (Slack users named in configuration). */
  approverTargets(body: BodySettings | undefined): Target[] {
    return (body?.approvers.slackUsers ?? []).map((userId) => ({ kind: 'user', platform: 'slack', userId }));
  }

  /**
   * One refresh per person per minute, at the minute's end: a board of many approvers deciding
   * many requests at once would otherwise queue a refresh per person for every change.
   */
  myWorkRefresh(targets: readonly Target[], now: DateTime, at = nextMinute(now)): OutboxMessage[] {
    return uniqueTargets(targets).map((target) => ({ kind: MY_WORK_REFRESH, target, dueAt: at, dedupeKey: `mywork:${targetKey(target)}:${at}` }));
  }

  /**
   * What a change does to "my work": the requester's view, and the view of every approver of
   * the body through one row per body and minute that the scheduler fans out (see
   * MY_WORK_FANOUT), so a decision's transaction stays small however many approvers there are.
   */
  myWorkChanged(body: BodySettings | undefined, requester: Target, now: DateTime): OutboxMessage[] {
    const at = nextMinute(now);
    const fanout: OutboxMessage[] = body?.approvers.slackUsers.length
      ? [{ kind: MY_WORK_FANOUT, dueAt: at, payload: { body: body.id }, dedupeKey: `mywork-body:${body.id}:${at}` }]
      : [];
    return [...fanout, ...this.myWorkRefresh([requester], now, at)];
  }

  /**
   * Reminders to the body's channels before its meetings; keyed, so the planner may ask again
   * (a request without a known closing day gets the next meeting's reminder once the last one passed).
   */
  meetingReminders(a: ApplicationRecord, body: BodySettings, now: DateTime): OutboxMessage[] {
    const s = subject(a.id, a.round);
    return meetingReminders(body, a.closesOn, this.municipality.reminderTime, this.zone, now).flatMap((r) =>
      body.targets.map((target) => ({
        kind: REMINDER,
        subject: s,
        target,
        dueAt: r.at,
        payload: { round: a.round, meeting: r.meeting },
        dedupeKey: `application:${a.id}:${a.round}:meeting:${r.meeting}:${targetKey(target)}`,
      })),
    );
  }

  /** A request going to its body: the card, the warnings, the meeting reminders and the expiry. */
  requestMessages(a: ApplicationRecord, body: BodySettings, warn: boolean, now: DateTime): OutboxMessage[] {
    const at = toInstant(now);
    const s = subject(a.id, a.round);
    const round = { round: a.round };
    const messages: OutboxMessage[] = body.targets.map((target) => ({ kind: REQUEST, subject: s, target, dueAt: at, payload: round }));
    if (warn) {
      const targets = uniqueTargets([userTarget(a.requestedBy), ...this.municipality.coordinator.targets]);
      messages.push(...targets.map((target) => ({ kind: WARNING, subject: s, target, dueAt: at, payload: round })));
    }
    messages.push(...this.meetingReminders(a, body, now));
    if (a.closesOn) {
      messages.push({ kind: EXPIRE, subject: s, dueAt: expiryAt(a.closesOn, this.zone), payload: round, dedupeKey: `application:${a.id}:expire:${a.round}` });
    }
    messages.push(...this.myWorkChanged(body, userTarget(a.requestedBy), now));
    return messages;
  }
}

function nextMinute(now: DateTime): string {
  return toInstant(now.toUTC().startOf('minute').plus({ minutes: 1 }));
}
