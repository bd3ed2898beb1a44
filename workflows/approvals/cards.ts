import type { DateTime } from 'luxon';
import { localDate, workingDaysBetween } from '../../src/calendar/index.ts';
import type { Card, Fact, Form } from '../../src/core/card.ts';
import { fromInstant } from '../../src/core/clock.ts';
import { formatDate, formatDateTime, idLabel, personLabel } from '../../src/core/format.ts';
import type { Locale, MessageKey, Translate } from '../../src/i18n/index.ts';
import type { ApplicationRecord, ApplicationStatus, BodySettings, DecisionOutcome, DecisionRecord, EngagementInfo } from './ports.ts';
import { nextMeeting, timingWarning } from './rules.ts';

export interface CardContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly zone: string;
  readonly now: DateTime;
  readonly warnWorkingDays: number;
}

/** Everything a request card shows. */
export interface RequestView {
  readonly application: ApplicationRecord;
  readonly engagement: EngagementInfo | undefined;
  readonly committeeName: string;
  readonly body: BodySettings | undefined;
  readonly consult: BodySettings | undefined;
  readonly decision: DecisionRecord | undefined;
}

export const DECIDE = 'approval.decide';
export const RESUBMIT = 'approval.resubmit';
export const REFRESH_CARD = 'approval.card';

export const statusKey = (s: ApplicationStatus) => `approval.status.${s}` as MessageKey;
export const outcomeWord = (o: DecisionOutcome) => `approval.word.${o}` as MessageKey;

function engagementLabel(v: RequestView): string {
  return v.engagement ? `${idLabel.engagement(v.engagement.id)} ${v.engagement.title}` : idLabel.engagement(v.application.engagementId);
}

export function amountText(amount: number | undefined, c: CardContext): string {
  if (amount === undefined) return c.t('approval.unknown');
  return c.t('approval.amount', { amount: amount.toLocaleString(c.locale === 'sv' ? 'sv-SE' : 'en-GB') });
}

export function instantText(at: string, c: CardContext): string {
  return formatDateTime(fromInstant(at), c.zone, c.locale);
}

/** The warning the card and the message carry when the body may not decide in time. */
export function warningText(v: RequestView, c: CardContext): string | undefined {
  const a = v.application;
  if (!v.body || a.status !== 'awaiting' || !a.closesOn) return undefined;
  const today = localDate(c.now, c.zone);
  const meeting = nextMeeting(v.body, today);
  const warning = timingWarning(a.closesOn, meeting, today, c.warnWorkingDays);
  if (warning === 'closesBeforeMeeting') {
    return c.t('approval.warning.closesBeforeMeeting', {
      closes: formatDate(a.closesOn, c.locale),
      body: v.body.name,
      meeting: meeting ? formatDate(meeting, c.locale) : c.t('approval.noMeeting'),
    });
  }
  if (warning === 'closesSoon') {
    return c.t('approval.warning.closesSoon', { closes: formatDate(a.closesOn, c.locale), days: workingDaysBetween(today, a.closesOn) });
  }
  return undefined;
}

export function outcomeText(v: RequestView, c: CardContext): string | undefined {
  const a = v.application;
  const d = v.decision;
  if (a.status === 'expired') return c.t('approval.outcome.expired', { closes: a.closesOn ? formatDate(a.closesOn, c.locale) : '' });
  if (!d) return undefined;
  const params = { by: personLabel(d.decidedBy), body: v.body?.name ?? d.bodyId, at: instantText(d.decidedAt, c), reference: d.reference };
  return c.t(`approval.outcome.${d.outcome}` as MessageKey, params);
}

function facts(v: RequestView, c: CardContext): Fact[] {
  const a = v.application;
  const today = localDate(c.now, c.zone);
  const meeting = v.body ? nextMeeting(v.body, today) : undefined;
  const list: Fact[] = [
    { label: c.t('approval.field.engagement'), value: engagementLabel(v) },
    { label: c.t('approval.field.call'), value: a.callText },
    { label: c.t('approval.field.amount'), value: amountText(a.amount, c) },
    { label: c.t('approval.field.closes'), value: a.closesOn ? formatDate(a.closesOn, c.locale) : c.t('approval.unknown') },
    { label: c.t('approval.field.requester'), value: personLabel(a.requestedBy) },
    { label: c.t('approval.field.body'), value: v.body?.name ?? a.bodyId ?? '—' },
  ];
  if (v.consult) list.push({ label: c.t('approval.field.consult'), value: v.consult.name });
  if (a.rule) list.push({ label: c.t('approval.field.rule'), value: a.rule });
  if (a.status === 'awaiting') {
    list.push({ label: c.t('approval.field.nextMeeting'), value: meeting ? formatDate(meeting, c.locale) : c.t('approval.noMeeting') });
  }
  list.push({ label: c.t('approval.field.status'), value: c.t(statusKey(a.status)) });
  return list;
}

/**
 * The request as the deciding body sees it: buttons while it waits for a decision; afterwards
 * the outcome, who decided and when, and no buttons.
 */
export function requestCard(v: RequestView, c: CardContext): Card {
  const a = v.application;
  const id = idLabel.application(a.id);
  const body = v.body?.name ?? a.bodyId ?? '';
  // A body that asks on its own behalf is named once, not as approving its own application.
  const own = body.trim().toLocaleLowerCase() === v.committeeName.trim().toLocaleLowerCase();
  const text = c.t(own ? 'approval.request.textOwn' : 'approval.request.text', {
    requester: personLabel(a.requestedBy),
    body,
    committee: v.committeeName,
    call: a.callText,
    engagement: engagementLabel(v),
  });
  const sections: Card['sections'][number][] = [{ type: 'text', text }, { type: 'facts', facts: facts(v, c) }];
  const warning = warningText(v, c);
  if (warning) sections.push({ type: 'text', text: warning });
  const outcome = outcomeText(v, c);
  if (outcome) sections.push({ type: 'divider' }, { type: 'text', text: outcome });
  if (v.decision?.comment) sections.push({ type: 'text', text: c.t('approval.outcome.comment', { comment: v.decision.comment }) });
  const waiting = a.status === 'awaiting';
  const value = (o: DecisionOutcome) => `${a.id}:${a.round}:${o}`;
  return {
    title: c.t('approval.request.title', { id }),
    tone: waiting ? (warning ? 'warning' : 'info') : a.status === 'approved' ? 'success' : a.status === 'rejected' || a.status === 'expired' ? 'error' : 'info',
    summary: outcome ?? text,
    sections,
    context: c.t('approval.context', { id, round: a.round }),
    // Teams asks for the card as it is now whenever someone looks at it, so no copy stays stale.
    refresh: { action: REFRESH_CARD, value: `${a.id}:${a.round}` },
    ...(waiting
      ? {
          buttons: [
            { action: DECIDE, label: c.t('approval.button.approve'), value: value('approved'), style: 'primary' as const },
            { action: DECIDE, label: c.t('approval.button.reject'), value: value('rejected'), style: 'danger' as const },
            { action: DECIDE, label: c.t('approval.button.changes'), value: value('changes') },
          ],
        }
      : {}),
  };
}

/** What the requester is told when the body has decided (or the request expired). */
export function decidedCard(v: RequestView, c: CardContext): Card {
  const a = v.application;
  const id = idLabel.application(a.id);
  const outcome = outcomeText(v, c) ?? c.t(statusKey(a.status));
  const sections: Card['sections'][number][] = [{ type: 'text', text: outcome }];
  if (v.decision?.comment) sections.push({ type: 'text', text: c.t('approval.outcome.comment', { comment: v.decision.comment }) });
  if (a.status === 'changes') sections.push({ type: 'text', text: c.t('approval.decided.changesHint') });
  if (a.status === 'approved') sections.push({ type: 'text', text: c.t('approval.decided.approvedHint', { id }) });
  return {
    title: a.status === 'expired' ? c.t('approval.expired.title', { id }) : c.t('approval.decided.title', { id }),
    tone: a.status === 'approved' ? 'success' : a.status === 'changes' ? 'warning' : 'error',
    summary: outcome,
    sections,
    ...(a.status === 'changes' ? { buttons: [{ action: RESUBMIT, label: c.t('approval.button.resubmit'), value: `${a.id}:${a.round}`, style: 'primary' as const }] } : {}),
  };
}

export function warningCard(v: RequestView, c: CardContext): Card | undefined {
  const warning = warningText(v, c);
  if (!warning) return undefined;
  const id = idLabel.application(v.application.id);
  return {
    title: c.t('approval.warning.title', { id }),
    tone: 'warning',
    summary: warning,
    sections: [{ type: 'text', text: warning }, { type: 'facts', facts: facts(v, c) }],
  };
}

export function reminderCard(v: RequestView, meeting: string, c: CardContext): Card {
  const id = idLabel.application(v.application.id);
  const text = c.t('approval.reminder.text', { body: v.body?.name ?? '', meeting: formatDate(meeting, c.locale), id, call: v.application.callText });
  const request = requestCard(v, c);
  return { ...request, title: c.t('approval.reminder.title', { id }), summary: text, sections: [{ type: 'text', text }, ...request.sections] };
}

/** The decision form's text limits: the form shows them and the submission is held to them. */
export const DECISION_TEXT_LIMITS = { reference: 200, comment: 2000 } as const;

export function decisionForm(a: ApplicationRecord, outcome: DecisionOutcome, t: Translate): Form {
  return {
    action: DECIDE,
    title: t(`approval.form.title.${outcome}` as MessageKey, { id: idLabel.application(a.id) }),
    submitLabel: t('approval.form.submit'),
    state: `${a.id}:${a.round}:${outcome}`,
    fields: [
      {
        id: 'reference',
        label: t('approval.form.reference'),
        kind: 'text',
        required: outcome !== 'changes',
        maxLength: DECISION_TEXT_LIMITS.reference,
        placeholder: t('approval.form.referencePlaceholder'),
      },
      { id: 'comment', label: t('approval.form.comment'), kind: 'multiline', required: outcome !== 'approved', maxLength: DECISION_TEXT_LIMITS.comment },
    ],
  };
}

export function applyForm(t: Translate, initial: Readonly<Record<string, string>> = {}, errors?: Record<string, string>): Form {
  return {
    action: 'approval.apply',
    title: t('approval.applyForm.title'),
    submitLabel: t('approval.applyForm.submit'),
    state: 'apply',
    fields: [
      { id: 'engagement', label: t('approval.applyForm.engagement'), kind: 'text', required: true, maxLength: 12, ...(initial.engagement ? { initial: initial.engagement } : {}) },
      { id: 'call', label: t('approval.applyForm.call'), kind: 'text', required: true, maxLength: 200, ...(initial.call ? { initial: initial.call } : {}) },
      { id: 'amount', label: t('approval.applyForm.amount'), kind: 'number', ...(initial.amount ? { initial: initial.amount } : {}) },
      {
        id: 'prestudy',
        label: t('approval.applyForm.prestudy'),
        kind: 'select',
        required: true,
        initial: initial.prestudy ?? 'no',
        options: [
          { value: 'no', label: t('approval.applyForm.prestudyNo') },
          { value: 'yes', label: t('approval.applyForm.prestudyYes') },
        ],
      },
    ],
    ...(errors ? { errors } : {}),
  };
}
