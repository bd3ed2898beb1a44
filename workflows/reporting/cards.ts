import type { Card, Fact } from '../../src/core/card.ts';
import { dayOfInstant } from '../../src/calendar/index.ts';
import type { EngagementType } from '../../src/core/command.ts';
import { formatDate, personLabel } from '../../src/core/format.ts';
import type { Locale, MessageKey, Translate } from '../../src/i18n/index.ts';
import type { AnnualReport } from './document/model.ts';
import { applicationStatusKey, partner, period } from './document/outline.ts';
import type { AnnualRound, YearSources } from './ports.ts';

export interface CardContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly zone: string;
}

export const CONFIRM = 'annual.confirm';
export const WRITE_SUMMARY = 'annual.summary';

const MAX_LINES = 15;

function when(instant: string, c: CardContext): string {
  return formatDate(dayOfInstant(instant, c.zone) ?? instant.slice(0, 10), c.locale);
}

/** What the committee is asked to confirm: what the bot knows of its year. */
export function reminderCard(year: number, committee: { id: string; name: string }, sources: YearSources, round: AnnualRound | undefined, followUp: boolean, c: CardContext): Card {
  const { t } = c;
  const reported = sources.visits.filter((v) => v.reported).length;
  const missing = sources.visits.filter((v) => v.status !== 'cancelled' && !v.reported).length;
  const facts: Fact[] = [
    { label: t('reporting.field.engagements'), value: String(sources.engagements.length) },
    { label: t('reporting.field.visits'), value: t('reporting.visits.count', { count: sources.visits.filter((v) => v.status !== 'cancelled').length, reported, missing }) },
    { label: t('reporting.field.applications'), value: String(sources.applications.length) },
    { label: t('reporting.field.decisions'), value: String(sources.decisions.length) },
    { label: t('reporting.field.deadlines'), value: String(sources.deadlines.length) },
  ];
  const items = sources.engagements.slice(0, MAX_LINES).map(
    (e) => `E${e.id} ${e.title} · ${t(`engagement.type.${e.type}` as MessageKey)} · ${partner(e.partner, e.country, c.locale)}`,
  );
  if (sources.engagements.length > MAX_LINES) items.push(t('reporting.reminder.more', { count: sources.engagements.length - MAX_LINES }));
  const titleOf = (id: number) => sources.engagements.find((e) => e.id === id)?.title ?? `E${id}`;
  const visits = sources.visits
    .filter((v) => v.status !== 'cancelled')
    .map((v) => `V${v.id} ${period(v.fromDate, v.toDate, c.locale)} · ${t(v.direction === 'out' ? 'reporting.visit.out' : 'reporting.visit.in')} · ${v.place ?? titleOf(v.engagementId)} · ${t('reporting.col.report')}: ${t(v.reported ? 'reporting.visit.reported' : 'reporting.visit.notReported')}`);
  const applications = sources.applications.map((a) => {
    const decision = sources.decisions.filter((d) => d.applicationId === a.id).at(-1);
    const decided = decision ? ` · ${t(`reporting.outcome.${decision.outcome}` as MessageKey)}${decision.reference ? ` (${decision.reference})` : ''}` : '';
    return `A${a.id} ${a.call} · ${titleOf(a.engagementId)} · ${t(applicationStatusKey(a.status))}${decided}`;
  });
  const text = t(followUp ? 'reporting.reminder.followUp' : 'reporting.reminder.text', { year, committee: committee.name });
  return {
    title: t('reporting.reminder.title', { year }),
    tone: followUp ? 'warning' : 'info',
    summary: text,
    sections: [
      { type: 'text', text },
      { type: 'facts', facts },
      ...(items.length ? [{ type: 'list' as const, items }] : [{ type: 'text' as const, text: t('reporting.reminder.nothing') }]),
      ...(visits.length ? [{ type: 'text' as const, text: t('reporting.doc.visits') }, { type: 'list' as const, items: capped(visits, t) }] : []),
      ...(applications.length ? [{ type: 'text' as const, text: t('reporting.doc.applications') }, { type: 'list' as const, items: capped(applications, t) }] : []),
      ...(round?.summary ? [{ type: 'text' as const, text: t('reporting.reminder.summarySoFar', { summary: round.summary }) }] : []),
      { type: 'text', text: t('reporting.reminder.ask') },
    ],
    buttons: [
      { action: CONFIRM, label: t('reporting.button.confirm'), value: `${year}:${committee.id}`, style: 'primary' },
      { action: WRITE_SUMMARY, label: t('reporting.button.summary'), value: `${year}:${committee.id}` },
    ],
  };
}

function capped(items: readonly string[], t: Translate): string[] {
  return items.length > MAX_LINES ? [...items.slice(0, MAX_LINES), t('reporting.reminder.more', { count: items.length - MAX_LINES })] : [...items];
}

/** The reminder after confirmation, for everyone who sees it: who confirmed, no buttons. */
export function confirmedCard(year: number, committee: string, round: AnnualRound, c: CardContext): Card {
  const text = c.t('reporting.confirmed', {
    year,
    committee,
    by: round.confirmedBy ? personLabel(round.confirmedBy) : '—',
    date: round.confirmedAt ? when(round.confirmedAt, c) : '',
  });
  return {
    title: c.t('reporting.reminder.title', { year }),
    tone: 'success',
    summary: text,
    sections: [{ type: 'text', text }, ...(round.summary ? [{ type: 'text' as const, text: c.t('reporting.reminder.summarySoFar', { summary: round.summary }) }] : [])],
  };
}

/** To the coordinator: which committees have not confirmed yet. */
export function statusCard(year: number, committees: readonly { id: string; name: string }[], rounds: readonly AnnualRound[], c: CardContext): Card {
  const confirmed = committees.filter((k) => rounds.some((r) => r.committeeId === k.id && r.confirmedAt));
  const open = committees.filter((k) => !confirmed.includes(k));
  const text = c.t('reporting.status.text', { year, open: open.length, total: committees.length });
  return {
    title: c.t('reporting.status.title', { year }),
    tone: 'warning',
    summary: text,
    sections: [
      { type: 'text', text },
      { type: 'list', items: open.map((k) => k.name) },
      ...(confirmed.length
        ? [{ type: 'text' as const, text: c.t('reporting.status.confirmed', { list: confirmed.map((k) => k.name).join(', ') }) }]
        : []),
    ],
  };
}

/** The files themselves are not named: each platform shows them (Slack's uploads, Teams' download links). */
export function reportReadyCard(report: Pick<AnnualReport, 'year' | 'totals'>, c: CardContext): Card {
  const totals = report.totals;
  const text = c.t('reporting.ready', { year: report.year, engagements: totals.engagements, visits: totals.visitsOut + totals.visitsIn, applications: totals.applications });
  return {
    title: c.t('reporting.ready.title', { year: report.year }),
    tone: 'success',
    summary: text,
    sections: [
      { type: 'text', text },
      ...(totals.missingReports ? [{ type: 'text' as const, text: c.t('reporting.doc.totalMissing', { count: totals.missingReports }) }] : []),
      { type: 'text', text: c.t('reporting.doc.totalConfirmed', { confirmed: totals.confirmed, committees: totals.committees }) },
    ],
  };
}

/** Said at once when a report is asked for; the report itself follows when it is rendered. */
export function reportPreparingCard(year: number, c: CardContext): Card {
  const text = c.t('reporting.preparing', { year });
  return { title: c.t('reporting.ready.title', { year }), tone: 'info', summary: text, sections: [{ type: 'text', text }] };
}

/** R8: the new term's reminder that the policy is due for revision, with the last term's figures. */
export function termCard(term: { start: string; end: string }, previous: { start: string; end: string }, counts: ReadonlyMap<EngagementType, number>, c: CardContext): Card {
  const text = c.t('reporting.term.text', { from: term.start.slice(0, 4), to: term.end.slice(0, 4) });
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const facts: Fact[] = [...counts.entries()].map(([type, n]) => ({ label: c.t(`reporting.kind.${type}` as MessageKey), value: String(n) }));
  return {
    title: c.t('reporting.term.title'),
    tone: 'info',
    summary: text,
    sections: [
      { type: 'text', text },
      { type: 'text', text: c.t('reporting.term.last', { from: formatDate(previous.start, c.locale), to: formatDate(previous.end, c.locale), total }) },
      ...(facts.length ? [{ type: 'facts' as const, facts }] : []),
    ],
  };
}
