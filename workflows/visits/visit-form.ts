import type { Form } from '../../src/core/card.ts';
import { isLocalDate } from '../../src/calendar/index.ts';
import { textProblem } from '../../src/core/text.ts';
import type { Translate } from '../../src/i18n/index.ts';
import { engagementLabel } from './cards.ts';
import type { VisitDirection, VisitEngagement } from './ports.ts';

export const VISIT_FORM = 'visit.add';

export interface VisitInput {
  readonly engagement: number;
  readonly direction: VisitDirection;
  readonly from: string;
  readonly to: string;
  readonly place?: string;
  readonly participants?: number;
}

export function visitForm(engagements: readonly VisitEngagement[], t: Translate, typed: Readonly<Record<string, string>> = {}, errors?: Record<string, string>): Form {
  const initial = (id: string) => (typed[id] ? { initial: typed[id] } : {});
  return {
    action: VISIT_FORM,
    title: t('visit.form.title'),
    submitLabel: t('visit.form.submit'),
    state: '',
    fields: [
      {
        id: 'engagement',
        label: t('visit.field.engagement'),
        kind: 'select',
        required: true,
        options: engagements.map((e) => ({ value: String(e.id), label: engagementLabel(e) })),
        ...initial('engagement'),
      },
      {
        id: 'direction',
        label: t('visit.field.direction'),
        kind: 'select',
        required: true,
        options: [
          { value: 'out', label: t('visit.direction.out') },
          { value: 'in', label: t('visit.direction.in') },
        ],
        ...initial('direction'),
      },
      { id: 'from', label: t('visit.form.from'), kind: 'date', required: true, ...initial('from') },
      { id: 'to', label: t('visit.form.to'), kind: 'date', required: true, ...initial('to') },
      { id: 'place', label: t('visit.field.place'), kind: 'text', maxLength: 200, placeholder: t('visit.form.placePlaceholder'), ...initial('place') },
      { id: 'participants', label: t('visit.field.participants'), kind: 'number', ...initial('participants') },
    ],
    ...(errors ? { errors } : {}),
  };
}

export function readVisitForm(values: Readonly<Record<string, string>>, t: Translate): { ok: true; input: VisitInput } | { ok: false; errors: Record<string, string> } {
  const v = (id: string) => (values[id] ?? '').trim();
  const errors: Record<string, string> = {};
  const engagement = Number(v('engagement').replace(/^e/i, ''));
  if (!Number.isInteger(engagement) || engagement <= 0) errors.engagement = t('visit.form.error.engagement');
  const direction = v('direction');
  if (direction !== 'out' && direction !== 'in') errors.direction = t('visit.form.error.direction');
  for (const id of ['from', 'to'] as const) {
    if (!isLocalDate(v(id))) errors[id] = t('visit.form.error.date');
  }
  if (!errors.from && !errors.to && v('to') < v('from')) errors.to = t('visit.error.toBeforeFrom');
  const place = v('place');
  const placeProblem = textProblem(place);
  if (placeProblem) errors.place = t(placeProblem.code, placeProblem.params);
  const participants = v('participants') === '' ? undefined : Number(v('participants'));
  if (participants !== undefined && (!Number.isInteger(participants) || participants < 1 || participants > 10000)) {
    errors.participants = t('visit.form.error.participants');
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      engagement,
      direction: direction as VisitDirection,
      from: v('from'),
      to: v('to'),
      ...(place ? { place } : {}),
      ...(participants !== undefined ? { participants } : {}),
    },
  };
}
