import type { Form } from '../../src/core/card.ts';
import { engagementTypes, type EngagementType } from '../../src/core/command.ts';
import type { MunicipalitySettings } from '../../src/core/settings.ts';
import type { Translate } from '../../src/i18n/index.ts';
import { typeKey } from './cards.ts';

export const ENGAGEMENT_FORM = 'engagement.add';

/** What the form and the command collect (the form has no contact person). */
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

/**
 * The form for `engagement add`: field ids are the command's argument names, because the
 * submission is read by the command's own table (see `submitCommandForm`).
 */
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
