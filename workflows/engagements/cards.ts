import type { Card, Fact, Section } from '../../src/core/card.ts';
import { fromInstant } from '../../src/core/clock.ts';
import { formatDate, formatDateTime, formatDueDate, idLabel, personLabel } from '../../src/core/format.ts';
import type { Locale, MessageKey, Translate } from '../../src/i18n/index.ts';
import type { EngagementApplication, EngagementDeadline, EngagementDecision, EngagementRecord, EngagementReport, EngagementVisit } from './ports.ts';

export interface CardContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly zone: string;
  readonly committeeName: (id: string) => string;
}

export function statusKey(status: string): MessageKey {
  return `engagement.status.${status}` as MessageKey;
}

export function typeKey(type: string): MessageKey {
  return `engagement.type.${type}` as MessageKey;
}

export function engagementFacts(e: EngagementRecord, c: CardContext): Fact[] {
  const facts: Fact[] = [
    { label: c.t('engagement.field.type'), value: c.t(typeKey(e.type)) },
    { label: c.t('engagement.field.committee'), value: c.committeeName(e.committeeId) },
    { label: c.t('engagement.field.status'), value: c.t(statusKey(e.status)) },
  ];
  if (e.partner) facts.push({ label: c.t('engagement.field.partner'), value: e.country ? `${e.partner} (${e.country})` : e.partner });
  else if (e.country) facts.push({ label: c.t('engagement.field.country'), value: e.country });
  if (e.funder) facts.push({ label: c.t('engagement.field.funder'), value: e.funder });
  if (e.startDate || e.endDate) {
    const from = e.startDate ? formatDate(e.startDate, c.locale) : '…';
    const to = e.endDate ? formatDate(e.endDate, c.locale) : '…';
    facts.push({ label: c.t('engagement.field.period'), value: `${from} – ${to}` });
  }
  if (e.contact) facts.push({ label: c.t('engagement.field.contact'), value: personLabel(e.contact) });
  if (e.termination) facts.push({ label: c.t('engagement.field.decision'), value: e.termination.decision });
  return facts;
}

export function addedCard(e: EngagementRecord, c: CardContext): Card {
  const text = c.t('engagement.added', { id: idLabel.engagement(e.id), title: e.title });
  return { tone: 'success', summary: text, sections: [{ type: 'text', text }, { type: 'facts', facts: engagementFacts(e, c) }] };
}

/** R7: the coordinating unit hears of every new engagement [002]. */
export function announcementCard(e: EngagementRecord, c: CardContext): Card {
  const text = c.t('engagement.announce.text', { committee: c.committeeName(e.committeeId), id: idLabel.engagement(e.id), title: e.title });
  return {
    title: c.t('engagement.announce.title'),
    summary: text,
    sections: [{ type: 'text', text }, { type: 'facts', facts: engagementFacts(e, c) }],
  };
}

export function endedText(e: EngagementRecord, c: CardContext): string {
  const t = e.termination;
  const params = { id: idLabel.engagement(e.id), title: e.title, end: e.endDate ? formatDate(e.endDate, c.locale) : '…', decision: t?.decision ?? '' };
  return t?.originalEndDate
    ? c.t('engagement.ended.textMoved', { ...params, was: formatDate(t.originalEndDate, c.locale) })
    : c.t('engagement.ended.text', params);
}

/** The announcement of an early end, and the reply to whoever entered it. */
export function endedCard(e: EngagementRecord, cancelled: readonly EngagementVisit[], reminders: number, c: CardContext): Card {
  const text = endedText(e, c);
  const sections: Section[] = [{ type: 'text', text }, { type: 'facts', facts: engagementFacts(e, c) }];
  sections.push({
    type: 'text',
    text: cancelled.length ? c.t('engagement.ended.visitsCancelled', { count: cancelled.length }) : c.t('engagement.ended.noVisits'),
  });
  if (cancelled.length) sections.push({ type: 'list', items: cancelled.map((v) => visitLine(v, c)) });
  if (reminders > 0) sections.push({ type: 'text', text: c.t('engagement.ended.remindersCancelled', { count: reminders }) });
  return { title: c.t('engagement.ended.title'), tone: 'warning', summary: text, sections };
}

export function visitLine(v: EngagementVisit, c: CardContext): string {
  const direction = c.t(v.direction === 'in' ? 'engagement.visit.in' : 'engagement.visit.out');
  const place = v.place ? ` · ${v.place}` : '';
  const state = v.status === 'cancelled' ? ` · ${c.t('engagement.visit.cancelled')}` : '';
  return `${idLabel.visit(v.id)} · ${direction} · ${formatDate(v.fromDate, c.locale)} – ${formatDate(v.toDate, c.locale)}${place}${state}`;
}

export interface DetailParts {
  readonly deadlines: readonly EngagementDeadline[];
  readonly visits: readonly EngagementVisit[];
  readonly reports: readonly EngagementReport[];
  readonly applications: readonly EngagementApplication[];
  readonly decisions: readonly EngagementDecision[];
}

export function detailCard(e: EngagementRecord, parts: DetailParts, c: CardContext): Card {
  const heading = `${idLabel.engagement(e.id)} ${e.title}`;
  const none: Section = { type: 'text', text: c.t('engagement.show.none') };
  const sections: Section[] = [{ type: 'facts', facts: engagementFacts(e, c) }];
  if (e.termination) sections.push({ type: 'text', text: endedText(e, c) });
  sections.push({ type: 'text', text: c.t('engagement.show.deadlines') });
  sections.push(parts.deadlines.length ? { type: 'list', items: parts.deadlines.map((d) => deadlineLine(d, c)) } : none);
  sections.push({ type: 'text', text: c.t('engagement.show.visits') });
  sections.push(parts.visits.length ? { type: 'list', items: parts.visits.map((v) => visitLine(v, c)) } : none);
  sections.push({ type: 'text', text: c.t('engagement.show.reports') });
  sections.push(parts.reports.length ? { type: 'list', items: parts.reports.map((r) => reportLine(r, c)) } : none);
  sections.push({ type: 'text', text: c.t('engagement.show.applications') });
  sections.push(parts.applications.length ? { type: 'list', items: parts.applications.map((a) => applicationLine(a, c)) } : none);
  sections.push({ type: 'text', text: c.t('engagement.show.decisions') });
  sections.push(parts.decisions.length ? { type: 'list', items: parts.decisions.map((d) => decisionLine(d, c)) } : none);
  return { title: heading, summary: heading, sections };
}

function deadlineLine(d: EngagementDeadline, c: CardContext): string {
  const state = d.status === 'done' ? ` ✓ ${c.t('engagement.show.done')}` : '';
  return `${idLabel.deadline(d.id)} · ${formatDueDate(d.dueDate, d.dueTime, c.locale)} · ${d.title}${state}`;
}

function reportLine(r: EngagementReport, c: CardContext): string {
  const filed = formatDateTime(fromInstant(r.filedAt), c.zone, c.locale);
  return c.t('engagement.show.reportLine', { visit: idLabel.visit(r.visitId), version: r.version, filed });
}

function applicationLine(a: EngagementApplication, c: CardContext): string {
  const amount = a.amount !== undefined ? ` · ${c.t('engagement.show.amount', { amount: a.amount.toLocaleString(c.locale === 'sv' ? 'sv-SE' : 'en-GB') })}` : '';
  return `${idLabel.application(a.id)} · ${a.call}${amount} · ${c.t(`approval.status.${applicationStatus(a.status)}`)}`;
}

function decisionLine(d: EngagementDecision, c: CardContext): string {
  const outcome = d.outcome === 'approved' || d.outcome === 'rejected' ? d.outcome : 'changes';
  const when = formatDateTime(fromInstant(d.decidedAt), c.zone, c.locale);
  return `${when} · ${c.committeeName(d.body)} · ${c.t(`engagement.decision.${outcome}`)} · ${d.reference} (${idLabel.application(d.applicationId)})`;
}

const applicationStatuses = ['draft', 'awaiting', 'approved', 'rejected', 'changes', 'expired', 'submitted', 'granted', 'denied'] as const;

function applicationStatus(status: string): (typeof applicationStatuses)[number] {
  return (applicationStatuses as readonly string[]).includes(status) ? (status as (typeof applicationStatuses)[number]) : 'draft';
}
