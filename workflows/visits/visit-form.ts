import type { Form } from '../../src/core/card.ts';
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

/** `search`: more engagements than the form can list; the picker then searches as the person types. */
export function visitForm(engagements: readonly VisitEngagement[], t: Translate, typed: Readonly<Record<string, string>> = {}, errors?: Record<string, string>, search?: string): Form {
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
        ...(search ? { search, placeholder: t('visit.form.searchEngagement') } : {}),
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
