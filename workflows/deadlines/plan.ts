import { uniqueTargets, userTarget, type Target } from '../../src/core/actor.ts';
import { toInstant } from '../../src/core/clock.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { BotFailure } from '../../src/core/errors.ts';
import { MY_WORK_REFRESH } from '../../src/core/my-work.ts';
import type { OutboxMessage } from '../../src/core/outbox.ts';
import { committeeById, type MunicipalitySettings } from '../../src/core/settings.ts';
import type { DeadlineRecord, EngagementSummary } from './ports.ts';
import { dueInstant, missedCheckAt, planReminders } from './rules.ts';

export const REMINDER = 'deadline.reminder';
export const MISSED = 'deadline.missed';
export const REFRESH = 'deadline.refresh';
export const deadlineSubject = (id: number) => ({ type: 'deadline', id });

/**
 * What a deadline sends and when (R1), as outbox rows: its reminders to the owner and its
 * channels, and the coordinator's flag if it is missed. A new deadline and a corrected one are
 * planned by the same rules.
 */
export class DeadlinePlan {
  constructor(private readonly settings: MunicipalitySettings) {}

  /** When it passes; one already past is refused (a deadline is added, or moved, for the future). */
  futureDueAt(date: string, time: string | undefined, now: RequestContext['now']): string {
    const dueAt = dueInstant(date, time, this.settings.timeZone);
    if (dueAt <= toInstant(now)) throw new BotFailure({ code: 'deadline.error.past', params: { date: time ? `${date} ${time}` : date } });
    return dueAt;
  }

  /** Reminders go to the committee's channels for an engagement's deadline, else where it was added. */
  channelsFor(engagement: EngagementSummary | undefined, ctx: Pick<RequestContext, 'isDirect' | 'conversation'>): Target[] {
    if (engagement) return [...(committeeById(this.settings, engagement.committeeId)?.targets ?? [])];
    return ctx.isDirect ? [] : [ctx.conversation];
  }

  /** Its reminders from now on (the remind days still ahead) and the missed-deadline check; `at` of each reminder too, for the card. */
  forDeadline(record: DeadlineRecord, now: RequestContext['now']): { messages: OutboxMessage[]; reminderTimes: string[] } {
    const reminders = planReminders(record.dueDate, record.remindDays, this.settings.reminderTime, this.settings.timeZone, now);
    const messages = reminders.flatMap((r) => this.remindersAt(record, r.at, r.daysBefore));
    const missedAt = missedCheckAt(record.dueDate, record.dueTime, this.settings.reminderTime, this.settings.timeZone);
    const coordinator = this.settings.coordinator.targets.length ? this.settings.coordinator.targets : [userTarget(record.owner)];
    for (const target of coordinator) messages.push({ kind: MISSED, subject: deadlineSubject(record.id), target, dueAt: missedAt });
    return { messages, reminderTimes: reminders.map((r) => r.at) };
  }

  /** One reminder to the owner and each of its channels. `collapse`: after downtime only the newest due one per target is sent. */
  remindersAt(record: DeadlineRecord, at: string, daysBefore: number): OutboxMessage[] {
    return uniqueTargets([userTarget(record.owner), ...record.channels]).map((target) => ({
      kind: REMINDER,
      subject: deadlineSubject(record.id),
      target,
      dueAt: at,
      payload: { daysBefore, collapse: true },
    }));
  }
}

/** The owner's "my work" view shows open deadlines: re-render it when one is added, changed or done. */
export function myWorkRefresh(record: DeadlineRecord, now: RequestContext['now']): OutboxMessage {
  return { kind: MY_WORK_REFRESH, target: userTarget(record.owner), dueAt: toInstant(now) };
}
