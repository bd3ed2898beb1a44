import type { Form, FormField } from '../../src/core/card.ts';
import { idLabel } from '../../src/core/format.ts';
import type { Translate } from '../../src/i18n/index.ts';
import type { ReportContent } from './ports.ts';
import { reportLimits, type ReportField, type ReportProblem } from './rules.ts';

export const REPORT_FORM = 'visit.report';

const kinds: Record<ReportField, FormField['kind']> = {
  purpose: 'multiline',
  activities: 'multiline',
  participants: 'text',
  results: 'multiline',
  costs: 'text',
  followUps: 'multiline',
};

/** Where a report form was opened: from a card's button (which then shows the filing) or not. */
export interface ReportFormState {
  readonly visitId: number;
  readonly fromCard: boolean;
}

export function readReportState(state: string): ReportFormState {
  const [id = '', from] = state.split(':');
  return { visitId: Number(id), fromCard: from === 'card' };
}

/**
 * The post-visit report form. `typed` are the values to show: what the person typed before a
 * failed submission, or the last filed version when they edit it.
 */
export function reportForm(
  at: ReportFormState,
  t: Translate,
  typed: Partial<Readonly<Record<string, string>>> = {},
  errors?: Record<string, string>,
): Form {
  const visitId = at.visitId;
  const field = (id: ReportField): FormField => ({
    id,
    label: t(`visit.report.field.${id}`),
    kind: kinds[id],
    required: id !== 'followUps',
    maxLength: reportLimits[id],
    placeholder: t(`visit.report.placeholder.${id}`),
    ...(typed[id] ? { initial: typed[id] } : {}),
  });
  return {
    action: REPORT_FORM,
    title: t('visit.report.formTitle', { id: idLabel.visit(visitId) }),
    submitLabel: t('visit.report.submit'),
    state: at.fromCard ? `${visitId}:card` : String(visitId),
    fields: [field('purpose'), field('activities'), field('participants'), field('results'), field('costs'), field('followUps')],
    ...(errors ? { errors } : {}),
  };
}

export function contentAsValues(content: ReportContent): Record<string, string> {
  return { ...content };
}

export function problemMessages(problems: readonly ReportProblem[], t: Translate): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const p of problems) {
    if (p.problem === 'missing') messages[p.field] = t(`visit.report.missing.${p.field}`);
    else if (p.problem === 'tooLong') messages[p.field] = t('visit.report.tooLong', { max: p.max, length: p.length });
    else messages[p.field] = t('visit.report.noAmount');
  }
  return messages;
}
