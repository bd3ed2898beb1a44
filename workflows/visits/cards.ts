import type { Button, Card, Fact, Section } from '../../src/core/card.ts';
import { fromInstant } from '../../src/core/clock.ts';
import { formatDate, formatDateTime, idLabel, personLabel } from '../../src/core/format.ts';
import type { Locale, Translate } from '../../src/i18n/index.ts';
import type { VisitEngagement, VisitRecord, VisitReportRecord } from './ports.ts';
import { reportFields, type ReportField } from './rules.ts';

export interface CardContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly zone: string;
}

export const WRITE_REPORT = 'visit.report.write';

export function dates(v: Pick<VisitRecord, 'fromDate' | 'toDate'>, c: CardContext): string {
  return v.fromDate === v.toDate ? formatDate(v.fromDate, c.locale) : `${formatDate(v.fromDate, c.locale)} – ${formatDate(v.toDate, c.locale)}`;
}

export function direction(v: Pick<VisitRecord, 'direction'>, c: CardContext): string {
  return c.t(v.direction === 'in' ? 'visit.direction.in' : 'visit.direction.out');
}

export function engagementLabel(e: Pick<VisitEngagement, 'id' | 'title'>): string {
  return `${idLabel.engagement(e.id)} ${e.title}`;
}

export function visitFacts(v: VisitRecord, e: VisitEngagement | undefined, c: CardContext): Fact[] {
  const facts: Fact[] = [];
  if (e) facts.push({ label: c.t('visit.field.engagement'), value: engagementLabel(e) });
  facts.push({ label: c.t('visit.field.direction'), value: direction(v, c) });
  facts.push({ label: c.t('visit.field.dates'), value: dates(v, c) });
  if (v.place) facts.push({ label: c.t('visit.field.place'), value: v.place });
  facts.push({ label: c.t('visit.field.lead'), value: personLabel(v.lead) });
  if (v.participants !== undefined) facts.push({ label: c.t('visit.field.participants'), value: String(v.participants) });
  return facts;
}

/** One line per visit, for lists and for naming the visits that came before. */
export function visitLine(v: VisitRecord, e: VisitEngagement | undefined, c: CardContext, reported?: boolean): string {
  const parts = [idLabel.visit(v.id)];
  if (e) parts.push(engagementLabel(e));
  parts.push(direction(v, c), dates(v, c));
  if (v.place) parts.push(v.place);
  parts.push(personLabel(v.lead));
  if (v.status === 'cancelled') parts.push(c.t('visit.status.cancelled'));
  else if (reported !== undefined) parts.push(reported ? c.t('visit.report.filedShort') : c.t('visit.report.missingShort'));
  return parts.join(' · ');
}

export function limitWarning(earlier: readonly VisitRecord[], term: { start: string; end: string }, limit: number, c: CardContext): Section[] {
  return [
    {
      type: 'text',
      text: c.t('visit.limit.text', { limit, count: earlier.length, start: formatDate(term.start, c.locale), end: formatDate(term.end, c.locale) }),
    },
    { type: 'list', items: earlier.map((v) => visitLine(v, undefined, c)) },
  ];
}

/** `board` is the configured name of the body that receives filed reports. */
export function addedCard(v: VisitRecord, e: VisitEngagement, warning: Section[] | undefined, board: string, c: CardContext): Card {
  const text = c.t('visit.added', { id: idLabel.visit(v.id), engagement: engagementLabel(e), dates: dates(v, c) });
  const sections: Section[] = [{ type: 'text', text }, { type: 'facts', facts: visitFacts(v, e, c) }];
  sections.push({ type: 'text', text: c.t('visit.added.promptNote', { board }) });
  if (warning) sections.push(...warning);
  return { tone: warning ? 'warning' : 'success', summary: text, sections };
}

/** R5 [001 §4]: the coordination office hears of an incoming visit before it happens. */
export function incomingCard(v: VisitRecord, e: VisitEngagement, committee: string, c: CardContext): Card {
  const text = c.t('visit.incoming.text', { partner: e.partner ?? e.title, committee, dates: dates(v, c) });
  return { title: c.t('visit.incoming.title'), summary: text, sections: [{ type: 'text', text }, { type: 'facts', facts: visitFacts(v, e, c) }] };
}

export function limitCard(v: VisitRecord, e: VisitEngagement, warning: Section[], c: CardContext): Card {
  const text = c.t('visit.limit.coordinator', { id: idLabel.visit(v.id), engagement: engagementLabel(e), dates: dates(v, c) });
  return { title: c.t('visit.limit.title'), tone: 'warning', summary: text, sections: [{ type: 'text', text }, ...warning] };
}

export function writeButton(visitId: number, c: CardContext, label = c.t('visit.report.write')): Button {
  return { action: WRITE_REPORT, label, value: String(visitId), style: 'primary' };
}

export function promptCard(v: VisitRecord, e: VisitEngagement | undefined, n: number, board: string, c: CardContext): Card {
  const params = { id: idLabel.visit(v.id), engagement: e ? engagementLabel(e) : '', dates: dates(v, c), board };
  const text = n === 0 ? c.t('visit.prompt.first', params) : c.t('visit.prompt.reminder', { ...params, n });
  return {
    title: c.t('visit.prompt.title', { id: idLabel.visit(v.id) }),
    tone: n === 0 ? 'info' : 'warning',
    summary: text,
    sections: [{ type: 'text', text }, { type: 'facts', facts: visitFacts(v, e, c) }],
    buttons: [writeButton(v.id, c)],
  };
}

export function overdueCard(v: VisitRecord, e: VisitEngagement | undefined, reminders: number, c: CardContext): Card {
  const text = c.t('visit.overdue.text', { id: idLabel.visit(v.id), lead: personLabel(v.lead), reminders, dates: dates(v, c) });
  return { title: c.t('visit.overdue.title'), tone: 'warning', summary: text, sections: [{ type: 'text', text }, { type: 'facts', facts: visitFacts(v, e, c) }] };
}

export function fieldLabel(field: ReportField, c: CardContext): string {
  return c.t(`visit.report.field.${field}`);
}

/** The filed report as the board reads it (R5: "redovisas till kommunstyrelsen"). */
export function reportCard(v: VisitRecord, e: VisitEngagement | undefined, r: VisitReportRecord, c: CardContext, buttons?: readonly Button[]): Card {
  const filed = formatDateTime(fromInstant(r.filedAt), c.zone, c.locale);
  const title = c.t('visit.report.cardTitle', { id: idLabel.visit(v.id), engagement: e ? engagementLabel(e) : '' });
  const sections: Section[] = [{ type: 'facts', facts: visitFacts(v, e, c) }, { type: 'divider' }];
  for (const field of reportFields) {
    const value = r[field];
    // Label and text as blocks of their own: in one block Teams runs them together.
    if (value) sections.push({ type: 'text', text: fieldLabel(field, c), role: 'label' }, { type: 'text', text: value });
  }
  const context =
    r.version === 1
      ? c.t('visit.report.filedBy', { by: personLabel(r.filedBy), at: filed })
      : c.t('visit.report.revisedBy', { by: personLabel(r.filedBy), at: filed, version: r.version });
  return { title, summary: title, sections, context, ...(buttons ? { buttons } : {}) };
}
