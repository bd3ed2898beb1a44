import type { Form } from '../../src/core/card.ts';
import { engagementTypes, type EngagementType } from '../../src/core/command.ts';
import { isLocalDate } from '../../src/calendar/index.ts';
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import { textProblem } from '../../src/core/text.ts';
import type { Translate } from '../../src/i18n/index.ts';
import { typeKey } from './cards.ts';

export const ENGAGEMENT_FORM = 'engagement.add';

/** What the form collects; the same fields the command takes, except the contact person. */
export interface EngagementInput {
  readonly title: string;
  readonly type: EngagementType;
  readonly committee: string;
  readonly partner?: string;
  readonly country?: string;
  readonly funder?: string;
  readonly start?: string;
  readonly end?: string;
}

const limits = { title: 200, partner: 200, funder: 200 } as const;

export function engagementForm(t: Translate, settings: MunicipalitySettings, typed: Readonly<Record<string, string>> = {}, errors?: Record<string, string>): Form {
  const initial = (id: string) => (typed[id] ? { initial: typed[id] } : {});
  return {
    action: ENGAGEMENT_FORM,
    title: t('engagement.form.title'),
    submitLabel: t('engagement.form.submit'),
    state: '',
    fields: [
      { id: 'title', label: t('engagement.form.titleLabel'), kind: 'text', required: true, maxLength: limits.title, placeholder: t('engagement.form.titlePlaceholder'), ...initial('title') },
      { id: 'type', label: t('engagement.field.type'), kind: 'select', required: true, options: engagementTypes.map((v) => ({ value: v, label: t(typeKey(v)) })), ...initial('type') },
      { id: 'committee', label: t('engagement.field.committee'), kind: 'select', required: true, options: settings.committees.map((c) => ({ value: c.id, label: c.name })), ...initial('committee') },
      { id: 'partner', label: t('engagement.field.partner'), kind: 'text', maxLength: limits.partner, placeholder: t('engagement.form.partnerPlaceholder'), ...initial('partner') },
      { id: 'country', label: t('engagement.form.countryLabel'), kind: 'text', maxLength: 2, placeholder: 'LV', ...initial('country') },
      { id: 'funder', label: t('engagement.field.funder'), kind: 'text', maxLength: limits.funder, placeholder: 'ICLD', ...initial('funder') },
      { id: 'start', label: t('engagement.form.startLabel'), kind: 'date', ...initial('start') },
      { id: 'end', label: t('engagement.form.endLabel'), kind: 'date', ...initial('end') },
    ],
    ...(errors ? { errors } : {}),
  };
}

/** Reads a submission; every problem is named beside its field, so nothing typed is lost. */
export function readEngagementForm(
  values: Readonly<Record<string, string>>,
  t: Translate,
  settings: MunicipalitySettings,
): { ok: true; input: EngagementInput } | { ok: false; errors: Record<string, string> } {
  const v = (id: string) => (values[id] ?? '').trim();
  const errors: Record<string, string> = {};
  const title = v('title');
  if (!title) errors.title = t('engagement.form.error.title');
  // What arrives is not trusted to have gone through the form's maxLength; the command checks the same.
  for (const id of ['title', 'partner', 'funder'] as const) {
    const problem = errors[id] ? undefined : textProblem(v(id), limits[id]);
    if (problem) errors[id] = t(problem.code, problem.params);
  }
  const type = v('type');
  if (!(engagementTypes as readonly string[]).includes(type)) errors.type = t('engagement.form.error.type');
  const committee = v('committee');
  if (!settings.committees.some((c) => c.id === committee)) errors.committee = t('engagement.form.error.committee');
  const country = v('country').toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) errors.country = t('engagement.form.error.country');
  for (const id of ['start', 'end'] as const) {
    if (v(id) && !isLocalDate(v(id))) errors[id] = t('engagement.form.error.date');
  }
  if (!errors.start && !errors.end && v('start') && v('end') && v('end') < v('start')) {
    errors.end = t('engagement.error.endBeforeStart', { start: v('start'), end: v('end') });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      title,
      type: type as EngagementType,
      committee,
      ...(v('partner') ? { partner: v('partner') } : {}),
      ...(country ? { country } : {}),
      ...(v('funder') ? { funder: v('funder') } : {}),
      ...(v('start') ? { start: v('start') } : {}),
      ...(v('end') ? { end: v('end') } : {}),
    },
  };
}
