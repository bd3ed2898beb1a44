import { formatDate } from '../../../src/core/format.ts';
import { dayOfInstant } from '../../../src/calendar/index.ts';
import type { Locale, MessageKey, Translate } from '../../../src/i18n/index.ts';
import type { AnnualReport, CommitteeReport } from './model.ts';

/**
 * The report as a sequence of blocks that both renderers understand, so the Word document and
 * the Markdown say exactly the same thing in the same order.
 */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string; readonly note?: boolean }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'chart'; readonly alt: string };

export interface OutlineContext {
  readonly t: Translate;
  readonly locale: Locale;
  readonly zone: string;
}

export function reportTitle(report: AnnualReport, c: OutlineContext): string {
  const only = report.onlyCommittee ? report.committees[0]?.name : undefined;
  return only
    ? c.t('reporting.doc.titleCommittee', { year: report.year, committee: only, municipality: report.municipality })
    : c.t('reporting.doc.title', { year: report.year, municipality: report.municipality });
}

export function outline(report: AnnualReport, c: OutlineContext): Block[] {
  const { t } = c;
  const totals = report.totals;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: reportTitle(report, c) },
    { kind: 'paragraph', note: true, text: t('reporting.doc.compiled', { date: dateLabel(report.compiledOn, c.locale) }) },
    { kind: 'heading', level: 2, text: t('reporting.doc.overview') },
    {
      kind: 'bullets',
      items: [
        t('reporting.doc.totalEngagements', { count: totals.engagements, committees: totals.committees }),
        t('reporting.doc.totalVisits', { out: totals.visitsOut, in: totals.visitsIn }),
        t('reporting.doc.totalApplications', { applications: totals.applications, decisions: totals.decisions }),
        totals.missingReports ? t('reporting.doc.totalMissing', { count: totals.missingReports }) : t('reporting.doc.noneMissing'),
        t('reporting.doc.totalConfirmed', { confirmed: totals.confirmed, committees: totals.committees }),
      ],
    },
  ];
  if (totals.engagements > 0) blocks.push({ kind: 'chart', alt: t('reporting.chart.alt', { year: report.year }) });
  for (const committee of report.committees) blocks.push(...committeeBlocks(committee, c));
  blocks.push({ kind: 'paragraph', note: true, text: t('reporting.doc.footer') });
  return blocks;
}

function committeeBlocks(committee: CommitteeReport, c: OutlineContext): Block[] {
  const { t, locale } = c;
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: committee.name }];
  const round = committee.round;
  blocks.push({
    kind: 'paragraph',
    note: true,
    text: round?.confirmedAt
      ? t('reporting.doc.confirmedBy', { by: round.confirmedBy?.name ?? '—', date: instantDate(round.confirmedAt, c) })
      : t('reporting.doc.notConfirmed'),
  });
  if (round?.summary) {
    blocks.push({ kind: 'heading', level: 3, text: t('reporting.doc.summary') });
    for (const paragraph of round.summary.split(/\n{2,}/)) blocks.push({ kind: 'paragraph', text: paragraph.trim() });
  }
  if (committee.kinds.length === 0) blocks.push({ kind: 'paragraph', text: t('reporting.doc.noEngagements') });
  for (const kind of committee.kinds) {
    blocks.push({ kind: 'heading', level: 3, text: t(`reporting.kind.${kind.type}` as MessageKey) });
    blocks.push({
      kind: 'table',
      headers: [t('reporting.col.engagement'), t('reporting.col.partner'), t('reporting.col.period'), t('reporting.col.funder'), t('reporting.col.status')],
      rows: kind.engagements.map((e) => [
        `E${e.id} ${e.title}`,
        partner(e.partner, e.country, locale),
        period(e.startDate, e.endDate, locale),
        e.funder ?? '—',
        t(`engagement.status.${e.status}` as MessageKey),
      ]),
    });
  }
  if (committee.visits.length) {
    blocks.push({ kind: 'heading', level: 3, text: t('reporting.doc.visits') });
    blocks.push({
      kind: 'table',
      headers: [t('reporting.col.dates'), t('reporting.col.direction'), t('reporting.col.place'), t('reporting.col.engagement'), t('reporting.col.lead'), t('reporting.col.report')],
      rows: committee.visits.map((v) => [
        period(v.fromDate, v.toDate, locale),
        t(v.direction === 'out' ? 'reporting.visit.out' : 'reporting.visit.in') + (v.participants ? ` (${t('reporting.visit.participants', { count: v.participants })})` : ''),
        v.place ?? '—',
        v.engagementTitle,
        v.lead ?? '—',
        v.status === 'cancelled' ? t('reporting.visit.cancelled') : v.reported ? t('reporting.visit.reported') : t('reporting.visit.notReported'),
      ]),
    });
  }
  if (committee.applications.length) {
    blocks.push({ kind: 'heading', level: 3, text: t('reporting.doc.applications') });
    blocks.push({
      kind: 'table',
      headers: [t('reporting.col.application'), t('reporting.col.engagement'), t('reporting.col.amount'), t('reporting.col.status'), t('reporting.col.decision')],
      rows: committee.applications.map((a) => [
        `A${a.id} ${a.call}${a.prestudy ? ` (${t('reporting.application.prestudy')})` : ''}`,
        a.engagementTitle,
        a.amount !== undefined ? `${amountFormat(locale).format(a.amount)} kr` : '—',
        t(applicationStatusKey(a.status)),
        a.decisions.length
          ? a.decisions
              .map((d) => `${t(`reporting.outcome.${d.outcome}` as MessageKey)}${d.reference ? `, ${d.reference}` : ''} (${instantDate(d.decidedAt, c)})`)
              .join('; ')
          : '—',
      ]),
    });
  }
  if (committee.missingReports.length) {
    blocks.push({ kind: 'heading', level: 3, text: t('reporting.doc.missingReports') });
    blocks.push({
      kind: 'bullets',
      items: committee.missingReports.map((v) => `V${v.id} ${v.engagementTitle}: ${v.place ?? '—'}, ${period(v.fromDate, v.toDate, locale)}`),
    });
  }
  if (committee.deadlines.length) {
    const done = committee.deadlines.filter((d) => d.status === 'done').length;
    blocks.push({ kind: 'heading', level: 3, text: t('reporting.doc.deadlines') });
    blocks.push({ kind: 'paragraph', text: t('reporting.doc.deadlineCount', { count: committee.deadlines.length, done }) });
    blocks.push({
      kind: 'bullets',
      items: committee.deadlines.slice(0, 50).map((d) => `${dateLabel(d.dueDate, locale)}: ${d.title}${d.status === 'done' ? ` (${t('reporting.deadline.done')})` : ''}`),
    });
  }
  return blocks;
}

const applicationStatuses = ['draft', 'awaiting', 'approved', 'rejected', 'changes', 'expired', 'submitted', 'granted', 'denied'];

export function applicationStatusKey(status: string): MessageKey {
  return (applicationStatuses.includes(status) ? `approval.status.${status}` : 'reporting.application.other') as MessageKey;
}

export function partner(name: string | undefined, country: string | undefined, locale: Locale): string {
  const land = country ? countryName(country, locale) : undefined;
  if (name && land) return `${name} (${land})`;
  return name ?? land ?? '—';
}

// A big report formats tens of thousands of dates and countries, but only a few hundred distinct
// ones; building a formatter per call was most of the time it took to lay out.
const regionNames = new Map<Locale, Intl.DisplayNames>();
const dateLabels = new Map<string, string>();
const amountFormats = new Map<Locale, Intl.NumberFormat>();

function amountFormat(locale: Locale): Intl.NumberFormat {
  let format = amountFormats.get(locale);
  if (!format) amountFormats.set(locale, (format = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB')));
  return format;
}

export function countryName(code: string, locale: Locale): string {
  try {
    let names = regionNames.get(locale);
    if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale === 'sv' ? 'sv-SE' : 'en-GB'], { type: 'region' })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function dateLabel(date: string, locale: Locale): string {
  const key = `${locale}:${date}`;
  let label = dateLabels.get(key);
  if (label === undefined) {
    if (dateLabels.size > 10_000) dateLabels.clear();
    dateLabels.set(key, (label = formatDate(date, locale)));
  }
  return label;
}

export function period(from: string | undefined, to: string | undefined, locale: Locale): string {
  if (!from && !to) return '—';
  return `${from ? dateLabel(from, locale) : '…'} – ${to ? dateLabel(to, locale) : '…'}`;
}

function instantDate(instant: string, c: OutlineContext): string {
  return dateLabel(dayOfInstant(instant, c.zone) ?? instant.slice(0, 10), c.locale);
}
