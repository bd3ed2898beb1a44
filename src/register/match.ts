import type { EngagementFacts } from '../core/engagement.ts';
import { translator, type Locale } from '../i18n/index.ts';
import type { ReadRow } from './read.ts';

/*
 * Import matching (pure, plain data): each valid engagement row against the engagements already
 * stored, decided as create, update (matched by id, or by title + committee), unchanged or refused.
 * The caller reads the stored engagements (uow.read) and passes them in; nothing is written here.
 */

export type RowDecision =
  | { readonly action: 'create'; readonly row: number; readonly values: Readonly<Record<string, unknown>> }
  | { readonly action: 'update'; readonly row: number; readonly id: number; readonly changed: readonly string[]; readonly values: Readonly<Record<string, unknown>> }
  | { readonly action: 'unchanged'; readonly row: number; readonly id: number }
  | { readonly action: 'refused'; readonly row: number; readonly column: string; readonly reason: string };

/** The engagement row's columns (command arg) and the stored field each one is compared with. */
const engagementFields: Readonly<Record<string, keyof EngagementFacts>> = {
  title: 'title',
  type: 'type',
  committee: 'committeeId',
  partner: 'partner',
  country: 'country',
  funder: 'funder',
  start: 'startDate',
  end: 'endDate',
};

const same = (a: unknown, b: unknown): boolean => String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();

export function matchEngagements(rows: readonly ReadRow[], stored: readonly EngagementFacts[], locale: Locale): RowDecision[] {
  const t = translator(locale);
  const idColumn = 'id';
  const seen = new Map<string, number>();
  return rows
    .filter((r) => r.kind === 'engagements')
    .map((r): RowDecision => {
      const v = r.values;
      const key = `${String(v.title ?? '').toLowerCase()}\u0000${String(v.committee ?? '').toLowerCase()}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        return { action: 'refused', row: r.row, column: locale === 'sv' ? 'titel' : 'title', reason: t('register.match.duplicate', { row: earlier }) };
      }
      seen.set(key, r.row);
      let match: EngagementFacts | undefined;
      if (v.id !== undefined) {
        const id = Number(String(v.id).replace(/^#/, ''));
        match = Number.isInteger(id) ? stored.find((e) => e.id === id) : undefined;
        if (!match) return { action: 'refused', row: r.row, column: idColumn, reason: t('register.match.unknownId', { id: String(v.id) }) };
      } else {
        match = stored.find((e) => same(e.title, v.title) && same(e.committeeId, v.committee));
      }
      if (!match) return { action: 'create', row: r.row, values: v };
      const changed = Object.entries(engagementFields)
        .filter(([arg, field]) => arg in v && !same(v[arg], match[field]))
        .map(([arg]) => arg);
      return changed.length === 0 ? { action: 'unchanged', row: r.row, id: match.id } : { action: 'update', row: r.row, id: match.id, changed, values: v };
    });
}
