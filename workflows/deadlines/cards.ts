import type { DateTime } from 'luxon';
import type { Card, Fact } from '../../src/core/card.ts';
import type { RequestContext } from '../../src/core/command.ts';
import { formatDate, formatDateTime, formatDueDate, idLabel, personLabel } from '../../src/core/format.ts';
import type { Locale, Translate } from '../../src/i18n/index.ts';
import { fromInstant } from '../../src/core/clock.ts';
import { pagedListCard, type Page } from '../../src/core/paging.ts';
import type { CallWindow } from './call-rules.ts';
import type { DeadlineRecord, EngagementSummary, FundingCallRecord } from './ports.ts';

export interface CardContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly zone: string;
}

export function cardContext(ctx: RequestContext, zone: string): CardContext {
  return { t: ctx.t, locale: ctx.locale, zone };
}

function due(d: DeadlineRecord, c: CardContext): string {
  return formatDueDate(d.dueDate, d.dueTime, c.locale);
}

function deadlineFacts(d: DeadlineRecord, engagement: EngagementSummary | undefined, c: CardContext): Fact[] {
  const facts: Fact[] = [
    { label: c.t('deadline.field.due'), value: due(d, c) },
    { label: c.t('deadline.field.owner'), value: personLabel(d.owner) },
  ];
  if (engagement) facts.push({ label: c.t('deadline.field.engagement'), value: `${idLabel.engagement(engagement.id)} ${engagement.title}` });
  return facts;
}

export function addedCard(d: DeadlineRecord, reminders: readonly string[], engagement: EngagementSummary | undefined, c: CardContext): Card {
  const when = reminders.map((at) => formatDateTime(fromInstant(at), c.zone, c.locale));
  const text = c.t('deadline.added', { id: idLabel.deadline(d.id), title: d.title, due: due(d, c) });
  return {
    tone: 'success',
    summary: text,
    sections: [
      { type: 'text', text },
      { type: 'facts', facts: deadlineFacts(d, engagement, c) },
      { type: 'text', text: when.length ? c.t('deadline.remindersAt', { list: when.join(', ') }) : c.t('deadline.noReminders') },
    ],
  };
}

export function listCard(
  deadlines: readonly DeadlineRecord[],
  scope: 'mine' | 'all',
  page: Page,
  filter: Readonly<Record<string, string>>,
  c: CardContext,
  now: DateTime,
): Card {
  const title = scope === 'mine' ? c.t('deadline.list.titleMine') : c.t('deadline.list.titleAll');
  if (deadlines.length === 0) {
    return { title, summary: c.t('deadline.list.empty'), sections: [{ type: 'text', text: c.t('deadline.list.empty') }] };
  }
  const items = deadlines.map((d) => {
    const overdue = d.dueAt <= now.toUTC().toISO()! ? ` ${c.t('deadline.list.overdue')}` : '';
    return `${idLabel.deadline(d.id)} · ${due(d, c)} · ${d.title} · ${personLabel(d.owner)}${overdue}`;
  });
  return pagedListCard({ title, items, action: LIST_PAGE_ACTION, filter }, page, c.t);
}

/** The action of the list's "Next page" button (registered in register.ts). */
export const LIST_PAGE_ACTION = 'deadlines.page';

/** The snooze buttons a reminder can offer, in days. */
export const SNOOZE_CHOICES = [1, 7] as const;

export interface ReminderState {
  /** The snooze choices that still land before the deadline; the others would only be refused. */
  readonly snoozeDays: readonly number[];
  /** When the reminder was snoozed: the instant of the next one. */
  readonly nextReminderAt?: string;
}

export function reminderCard(d: DeadlineRecord, daysLeft: number, engagement: EngagementSummary | undefined, c: CardContext, state: ReminderState): Card {
  const text =
    daysLeft <= 0 ? c.t('deadline.reminder.today', { title: d.title }) : c.t('deadline.reminder.text', { title: d.title, days: daysLeft });
  const snoozed = state.nextReminderAt ? c.t('deadline.snoozed', { id: idLabel.deadline(d.id), at: formatInstant(state.nextReminderAt, c.zone, c.locale) }) : undefined;
  return {
    title: c.t('deadline.reminder.title', { id: idLabel.deadline(d.id) }),
    tone: daysLeft <= 1 ? 'warning' : 'info',
    summary: text,
    sections: [{ type: 'text', text }, { type: 'facts', facts: deadlineFacts(d, engagement, c) }, ...(snoozed ? [{ type: 'text' as const, text: snoozed }] : [])],
    buttons: [
      { action: 'deadline.done', label: c.t('deadline.button.done'), value: String(d.id), style: 'primary' },
      ...SNOOZE_CHOICES.filter((days) => state.snoozeDays.includes(days)).map((days) => ({
        action: 'deadline.snooze',
        label: c.t(days === 1 ? 'deadline.button.snoozeDay' : 'deadline.button.snoozeWeek'),
        value: `${d.id}:${days}`,
      })),
    ],
  };
}

/** The reminder card after the deadline is done: no buttons, who marked it and when. */
export function doneCard(d: DeadlineRecord, engagement: EngagementSummary | undefined, c: CardContext): Card {
  const by = d.doneBy ? personLabel(d.doneBy) : '';
  const at = d.doneAt ? formatDateTime(fromInstant(d.doneAt), c.zone, c.locale) : '';
  const text = c.t('deadline.doneBy', { title: d.title, by, at });
  return {
    // Not "Reminder D1": the card is about the deadline now, wherever it was a reminder or a miss.
    title: c.t('deadline.done.title', { id: idLabel.deadline(d.id) }),
    tone: 'success',
    summary: text,
    sections: [
      { type: 'text', text },
      { type: 'facts', facts: deadlineFacts(d, engagement, c) },
    ],
  };
}

export function missedCard(d: DeadlineRecord, engagement: EngagementSummary | undefined, c: CardContext): Card {
  const text = c.t('deadline.missed', { id: idLabel.deadline(d.id), title: d.title, due: due(d, c) });
  return {
    title: c.t('deadline.missed.title'),
    tone: 'error',
    summary: text,
    sections: [
      { type: 'text', text },
      { type: 'facts', facts: deadlineFacts(d, engagement, c) },
    ],
    buttons: [{ action: 'deadline.done', label: c.t('deadline.button.done'), value: String(d.id), style: 'primary' }],
  };
}

export function callAddedCard(call: FundingCallRecord, window: CallWindow | undefined, c: CardContext): Card {
  const text = c.t('call.added', { id: idLabel.call(call.id), name: call.name });
  return {
    tone: 'success',
    summary: text,
    sections: [{ type: 'text', text }, { type: 'facts', facts: callFacts(call, window, c) }],
  };
}

export function callFacts(call: FundingCallRecord, window: CallWindow | undefined, c: CardContext): Fact[] {
  const facts: Fact[] = [];
  if (window) facts.push({ label: c.t('call.field.window'), value: `${formatDate(window.opens, c.locale)} – ${formatDate(window.closes, c.locale)}` });
  facts.push({ label: c.t('call.field.recurrence'), value: call.yearly ? c.t('call.yearly') : c.t('call.once') });
  if (call.funder) facts.push({ label: c.t('call.field.funder'), value: call.funder });
  if (call.url) facts.push({ label: c.t('call.field.url'), value: call.url });
  return facts;
}

export const CALL_LIST_PAGE = 'calls.page';

/** `calls` shows the page's rows of the whole sorted list, and how many there are. */
export function callListCard(calls: readonly { call: FundingCallRecord; window: CallWindow | undefined }[], page: Page, c: CardContext): Card {
  const title = c.t('call.list.title');
  if (calls.length === 0) return { title, summary: c.t('call.list.empty'), sections: [{ type: 'text', text: c.t('call.list.empty') }] };
  const shown = calls.slice((page.number - 1) * page.size, page.number * page.size);
  const items = shown.map(({ call, window }) => {
    const when = window ? `${formatDate(window.opens, c.locale)} – ${formatDate(window.closes, c.locale)}` : c.t('call.list.noWindow');
    const funder = call.funder ? ` (${call.funder})` : '';
    return `${idLabel.call(call.id)} · ${call.name}${funder} · ${when}${call.yearly ? ` · ${c.t('call.yearly')}` : ''}`;
  });
  return pagedListCard({ title, items, action: CALL_LIST_PAGE }, page, c.t);
}

export function callAnnouncementCard(call: FundingCallRecord, window: CallWindow, daysBeforeClose: number | undefined, c: CardContext): Card {
  const text =
    daysBeforeClose === undefined
      ? c.t('call.announce.open', { name: call.name, closes: formatDate(window.closes, c.locale) })
      : c.t('call.announce.closing', { name: call.name, days: daysBeforeClose, closes: formatDate(window.closes, c.locale) });
  return {
    title: c.t('call.announce.title', { id: idLabel.call(call.id) }),
    tone: daysBeforeClose !== undefined && daysBeforeClose <= 3 ? 'warning' : 'info',
    summary: text,
    sections: [{ type: 'text', text }, { type: 'facts', facts: callFacts(call, window, c) }],
  };
}

export function formatInstant(at: string, zone: string, locale: Locale): string {
  return formatDateTime(fromInstant(at), zone, locale);
}
