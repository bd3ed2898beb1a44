import { engagementArgFields, type EngagementFacts } from '../../src/core/engagement.ts';
import { translator, type Locale, type MessageKey } from '../../src/i18n/index.ts';
import type { DeadlineRecord, FundingCallRecord } from '../deadlines/ports.ts';
import type { VisitRecord } from '../visits/ports.ts';
import type { ReadRow, RegisterKind, RegisterSnapshot } from './ports.ts';

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
const engagementFields: Readonly<Record<string, keyof EngagementFacts>> = engagementArgFields;

const same = (a: unknown, b: unknown): boolean => String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();

export function matchEngagements(rows: readonly ReadRow[], stored: readonly EngagementFacts[], locale: Locale): RowDecision[] {
  return matchKind(rows, stored, locale, {
    kind: 'engagements',
    letter: 'E',
    fields: engagementFields,
    rowKey: (v) => [v.title, v.committee],
    storedKey: (e) => [e.title, e.committeeId],
    keyColumn: { sv: 'titel', en: 'title' },
    unknownId: 'register.match.unknownId',
    duplicate: 'register.match.duplicate',
  });
}

/** Funding calls: matched by id, or by name. */
const callFields: Readonly<Record<string, keyof FundingCallRecord>> = { name: 'name', opens: 'opens', closes: 'closes', funder: 'funder', url: 'url', yearly: 'yearly' };

export function matchCalls(rows: readonly ReadRow[], stored: readonly FundingCallRecord[], locale: Locale): RowDecision[] {
  return matchKind(rows, stored, locale, {
    kind: 'calls',
    letter: 'C',
    fields: callFields,
    rowKey: (v) => [v.name],
    storedKey: (c) => [c.name],
    keyColumn: { sv: 'namn', en: 'name' },
    unknownId: 'register.match.unknownCallId',
    duplicate: 'register.match.duplicateCall',
  });
}

/** Deadlines: matched by id, or by title + engagement. Owner and reminders are not compared (a person needs the directory). */
const deadlineFields: Readonly<Record<string, keyof DeadlineRecord>> = { title: 'title', date: 'dueDate', time: 'dueTime', engagement: 'engagementId' };

export function matchDeadlines(rows: readonly ReadRow[], stored: readonly DeadlineRecord[], locale: Locale): RowDecision[] {
  return matchKind(rows, stored, locale, {
    kind: 'deadlines',
    letter: 'D',
    fields: deadlineFields,
    rowKey: (v) => [v.title, v.engagement],
    storedKey: (d) => [d.title, d.engagementId],
    keyColumn: { sv: 'titel', en: 'title' },
    unknownId: 'register.match.unknownDeadlineId',
    duplicate: 'register.match.duplicateDeadline',
  });
}

/** Visits: matched by id, or by engagement + first day. The lead is not compared (a person needs the directory). */
const visitFields: Readonly<Record<string, keyof VisitRecord>> = {
  engagement: 'engagementId',
  direction: 'direction',
  from: 'fromDate',
  to: 'toDate',
  place: 'place',
  participants: 'participants',
};

export function matchVisits(rows: readonly ReadRow[], stored: readonly VisitRecord[], locale: Locale): RowDecision[] {
  return matchKind(rows, stored, locale, {
    kind: 'visits',
    letter: 'V',
    fields: visitFields,
    rowKey: (v) => [v.engagement, v.from],
    storedKey: (r) => [r.engagementId, r.fromDate],
    keyColumn: { sv: 'från', en: 'from' },
    unknownId: 'register.match.unknownVisitId',
    duplicate: 'register.match.duplicateVisit',
  });
}

interface KindMatch<S extends { readonly id: number }> {
  readonly kind: RegisterKind;
  /** The letter its ids are shown with: E12, C3, D7, V4. */
  readonly letter: string;
  readonly fields: Readonly<Record<string, keyof S>>;
  readonly rowKey: (values: Readonly<Record<string, unknown>>) => unknown[];
  readonly storedKey: (record: S) => unknown[];
  readonly keyColumn: Readonly<Record<Locale, string>>;
  readonly unknownId: MessageKey;
  readonly duplicate: MessageKey;
}

function matchKind<S extends { readonly id: number }>(rows: readonly ReadRow[], stored: readonly S[], locale: Locale, m: KindMatch<S>): RowDecision[] {
  const t = translator(locale);
  const key = (parts: unknown[]) => parts.map((p) => String(p ?? '').toLowerCase()).join('\u0000');
  const seen = new Map<string, number>();
  return rows
    .filter((r) => r.kind === m.kind)
    .map((r): RowDecision => {
      const v = r.values;
      const rowKey = key(m.rowKey(v));
      const earlier = seen.get(rowKey);
      if (earlier !== undefined) return { action: 'refused', row: r.row, column: m.keyColumn[locale], reason: t(m.duplicate, { row: earlier }) };
      seen.set(rowKey, r.row);
      let match: S | undefined;
      if (v.id !== undefined) {
        // As the cards and the export show it (E12, C3, D7, V4), or the bare number.
        const shown = /^(?:#|([A-Za-z]))?(\d+)$/.exec(String(v.id).trim());
        const id = shown && (shown[1] === undefined || shown[1].toUpperCase() === m.letter) ? Number(shown[2]) : NaN;
        match = Number.isInteger(id) ? stored.find((e) => e.id === id) : undefined;
        if (!match) return { action: 'refused', row: r.row, column: 'id', reason: t(m.unknownId, { id: String(v.id) }) };
      } else {
        match = stored.find((e) => key(m.storedKey(e)) === rowKey);
      }
      if (!match) return { action: 'create', row: r.row, values: v };
      const found = match;
      const changed = Object.entries(m.fields)
        .filter(([arg, field]) => arg in v && !same(v[arg], found[field]))
        .map(([arg]) => arg);
      return changed.length === 0 ? { action: 'unchanged', row: r.row, id: found.id } : { action: 'update', row: r.row, id: found.id, changed, values: v };
    });
}

/** Every row of every kind decided against the stored register, in sheet order. */
export function matchAll(rows: readonly ReadRow[], stored: RegisterSnapshot, locale: Locale): { readonly kind: RegisterKind; readonly decision: RowDecision }[] {
  const tag = (kind: RegisterKind, decisions: RowDecision[]) => decisions.map((decision) => ({ kind, decision }));
  return [
    ...tag('engagements', matchEngagements(rows, stored.engagements, locale)),
    ...tag('calls', matchCalls(rows, stored.calls, locale)),
    ...tag('deadlines', matchDeadlines(rows, stored.deadlines, locale)),
    ...tag('visits', matchVisits(rows, stored.visits, locale)),
  ];
}
