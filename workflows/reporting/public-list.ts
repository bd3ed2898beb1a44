import type { MessageKey, Translate } from '../../src/i18n/index.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { countryName, period } from './document/outline.ts';
import type { EngagementFact } from './ports.ts';

/**
 * R9: ongoing engagements for the municipality's website. Only what a public register would
 * show: no contact people, no ids of people, nothing typed about individuals.
 */
export interface PublicEngagement {
  readonly title: string;
  readonly type: string;
  readonly typeLabel: string;
  readonly partner: string | null;
  readonly country: string | null;
  readonly countryName: string | null;
  readonly committee: string;
  readonly start: string | null;
  readonly end: string | null;
  readonly funder: string | null;
}

export function publicEngagements(rows: readonly EngagementFact[], committeeName: (id: string) => string, t: Translate, locale: Locale): PublicEngagement[] {
  return rows.map((e) => ({
    title: e.title,
    type: e.type,
    typeLabel: t(`engagement.type.${e.type}` as MessageKey),
    partner: e.partner ?? null,
    country: e.country ?? null,
    countryName: e.country ? countryName(e.country, locale) : null,
    committee: committeeName(e.committeeId),
    start: e.startDate ?? null,
    end: e.endDate ?? null,
    funder: e.funder ?? null,
  }));
}

export function publicJson(municipality: string, updated: string, items: readonly PublicEngagement[]): string {
  return JSON.stringify({ municipality, updated, engagements: items }, null, 2);
}

/** A plain, accessible page: one table with a caption and header cells, readable without scripts or styles. */
export function publicHtml(title: string, municipality: string, updated: string, items: readonly PublicEngagement[], t: Translate, locale: Locale): string {
  const rows = items
    .map(
      (e) => `      <tr>
        <th scope="row">${esc(e.title)}</th>
        <td>${esc(e.typeLabel)}</td>
        <td>${esc([e.partner, e.countryName].filter(Boolean).join(', ') || '–')}</td>
        <td>${esc(e.committee)}</td>
        <td>${esc(period(e.start ?? undefined, e.end ?? undefined, locale))}</td>
        <td>${esc(e.funder ?? '–')}</td>
      </tr>`,
    )
    .join('\n');
  const body = items.length
    ? `<table>
    <caption>${esc(t('reporting.public.caption', { municipality, count: items.length }))}</caption>
    <thead>
      <tr>
        <th scope="col">${esc(t('reporting.col.engagement'))}</th>
        <th scope="col">${esc(t('reporting.col.kind'))}</th>
        <th scope="col">${esc(t('reporting.col.partner'))}</th>
        <th scope="col">${esc(t('reporting.col.committee'))}</th>
        <th scope="col">${esc(t('reporting.col.period'))}</th>
        <th scope="col">${esc(t('reporting.col.funder'))}</th>
      </tr>
    </thead>
    <tbody>
${rows}
    </tbody>
  </table>`
    : `<p>${esc(t('reporting.public.empty'))}</p>`;
  return `<!doctype html>
<html lang="${locale}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(title)}</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; line-height: 1.5; }
    table { border-collapse: collapse; width: 100%; }
    caption { text-align: left; font-weight: bold; margin-bottom: .5rem; }
    th, td { border: 1px solid #767676; padding: .4rem .6rem; text-align: left; vertical-align: top; }
    thead th { background: #e7ecf3; }
  </style>
</head>
<body>
  <main>
  <h1>${esc(title)}</h1>
  <p>${esc(t('reporting.public.intro', { municipality }))}</p>
  ${body}
  <p><small>${esc(t('reporting.public.updated', { date: updated }))}</small></p>
  </main>
</body>
</html>
`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
