import type { Button, Card, Form, FormField } from '../../src/core/card.ts';
import type { Translate } from '../../src/i18n/index.ts';
import { teamsText } from './text.ts';

/**
 * Card and Form → Adaptive Card 1.5, the version Teams renders on desktop, web and mobile.
 * Text stays plain: TextBlocks get the strings as they are (Teams renders a small markdown
 * subset in them, which plain prose does not trigger), except that what would read as an HTML
 * tag is shown with guillemets (`teamsText`), so syntax placeholders such as `<id>` survive.
 */

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  readonly $schema: string;
  readonly type: 'AdaptiveCard';
  /** 1.6 only for a form with a typeahead picker (`Data.Query`), which needs it. */
  readonly version: '1.5' | '1.6';
  readonly body: CardElement[];
  readonly actions?: CardElement[];
  readonly refresh?: CardElement;
  readonly fallbackText?: string;
}

export interface CardAttachment {
  readonly contentType: typeof ADAPTIVE_CARD_TYPE;
  readonly content: AdaptiveCard;
}

const toneStyle: Record<NonNullable<Card['tone']>, string | undefined> = {
  info: undefined,
  success: 'good',
  warning: 'warning',
  error: 'attention',
};

export function renderCard(card: Card): AdaptiveCard {
  const body: CardElement[] = [];
  if (card.title) body.push(heading(card.title));
  let separatorNext = false;
  for (const section of card.sections) {
    if (section.type === 'divider') {
      // Adaptive Cards have no divider element: the next element draws a line above itself.
      separatorNext = true;
      continue;
    }
    const element = sectionElement(section);
    body.push(separatorNext ? { ...element, separator: true } : element);
    separatorNext = false;
  }
  if (card.context) {
    body.push({ type: 'TextBlock', text: teamsText(card.context), size: 'Small', isSubtle: true, wrap: true, spacing: 'Medium' });
  }
  const style = card.tone ? toneStyle[card.tone] : undefined;
  const content = style ? [{ type: 'Container', style, bleed: true, items: body }] : body;
  return {
    $schema: CARD_SCHEMA,
    type: 'AdaptiveCard',
    version: '1.5',
    body: content,
    ...(card.buttons?.length || card.links?.length
      ? { actions: [...(card.buttons ?? []).map(buttonAction), ...(card.links ?? []).map((l) => ({ type: 'Action.OpenUrl', title: teamsText(l.label), url: l.url }))] }
      : {}),
    // Without userIds Teams refreshes the card for everyone who sees it in chats of up to 60 people.
    ...(card.refresh ? { refresh: { action: { type: 'Action.Execute', verb: card.refresh.action, data: { value: card.refresh.value } } } } : {}),
    ...(card.summary ? { fallbackText: teamsText(card.summary) } : {}),
  };
}

function sectionElement(section: Exclude<Card['sections'][number], { type: 'divider' }>): CardElement {
  switch (section.type) {
    case 'text':
      // A single newline is no line break in card markdown; a paragraph break is.
      return {
        type: 'TextBlock',
        text: teamsText(section.text).replace(/\r?\n/g, '\n\n'),
        wrap: true,
        ...(section.role === 'label' ? { weight: 'Bolder', spacing: 'Medium' } : {}),
      };
    case 'facts':
      return { type: 'FactSet', facts: section.facts.map((f) => ({ title: teamsText(f.label), value: teamsText(f.value) })) };
    case 'list':
      // Adaptive Card markdown lists need each item on its own line, starting with "- ".
      return { type: 'TextBlock', text: section.items.map((item) => `- ${teamsText(item)}`).join('\r'), wrap: true };
  }
}

function heading(text: string): CardElement {
  return { type: 'TextBlock', text: teamsText(text), weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' };
}

function buttonAction(button: Button): CardElement {
  return executeAction(button.label, button.action, { value: button.value }, button.style === 'primary' ? 'positive' : button.style === 'danger' ? 'destructive' : undefined);
}

/** The data key that names the verb in an `Action.Submit` fallback (which has no verb of its own). */
export const SUBMIT_VERB_KEY = 'samverkanVerb';

/**
 * An `Action.Execute` with an `Action.Submit` fallback, as Microsoft's Universal Actions guidance
 * recommends: clients without Universal Actions send the submit as a message whose value carries
 * the verb, and the turn handler treats it like the invoke.
 */
function executeAction(title: string, verb: string, data: Record<string, unknown>, style?: string): CardElement {
  const shown = teamsText(title);
  return {
    type: 'Action.Execute',
    title: shown,
    verb,
    data,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title: shown, data: { ...data, [SUBMIT_VERB_KEY]: verb }, ...(style ? { style } : {}) },
  };
}

/** The data key that carries a form's opaque state; a form field must not use this id. */
export const FORM_STATE_KEY = 'state';

/**
 * A form as a card: one input per field and a submit `Action.Execute` whose data carries the
 * form's state. Teams merges the inputs into that data on submit. `typed` keeps what the person
 * entered when the form comes back with errors.
 */
/**
 * The data key that marks a form posted as a message of its own (not swapped in for a card the
 * person clicked): a successful submit then replaces that message with the result for everyone.
 */
export const FORM_OWN_KEY = 'ownMessage';

export function renderForm(form: Form, t: Translate, typed: Readonly<Record<string, string>> = {}, ownMessage = false): AdaptiveCard {
  const errors = form.errors ?? {};
  const body: CardElement[] = [heading(form.title)];
  const fieldIds = new Set(form.fields.map((f) => f.id));
  const general = Object.entries(errors).filter(([id]) => !fieldIds.has(id)).map(([, message]) => message);
  if (Object.keys(errors).length > 0) {
    body.push(errorText(general.length ? general.join(' ') : t('teams.form.invalid')));
  }
  for (const field of form.fields) {
    body.push(inputElement(field, typed[field.id] ?? field.initial, t));
    const error = errors[field.id];
    if (error) body.push({ ...errorText(error), spacing: 'None' });
  }
  return {
    $schema: CARD_SCHEMA,
    type: 'AdaptiveCard',
    version: form.fields.some((f) => f.search) ? '1.6' : '1.5',
    body,
    actions: [executeAction(form.submitLabel, form.action, { [FORM_STATE_KEY]: form.state, ...(ownMessage ? { [FORM_OWN_KEY]: true } : {}) }, 'positive')],
    fallbackText: teamsText(form.title),
  };
}

function errorText(text: string): CardElement {
  return { type: 'TextBlock', text: teamsText(text), color: 'Attention', size: 'Small', wrap: true };
}

function inputElement(field: FormField, value: string | undefined, t: Translate): CardElement {
  const common: CardElement = {
    id: field.id,
    label: teamsText(field.label),
    isRequired: field.required === true,
    ...(field.required ? { errorMessage: teamsText(t('teams.form.required')) } : {}),
    ...(field.placeholder ? { placeholder: teamsText(field.placeholder) } : {}),
  };
  switch (field.kind) {
    case 'text':
    case 'multiline':
      return {
        type: 'Input.Text',
        ...common,
        ...(field.kind === 'multiline' ? { isMultiline: true } : {}),
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(value !== undefined && value !== '' ? { value } : {}),
      };
    case 'date':
      return { type: 'Input.Date', ...common, ...(value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { value } : {}) };
    case 'number': {
      const n = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
      return { type: 'Input.Number', ...common, ...(Number.isFinite(n) ? { value: n } : {}) };
    }
    case 'select':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        ...(field.placeholder ? {} : { placeholder: teamsText(t('teams.form.choose')) }),
        choices: (field.options ?? []).map((o) => ({ title: teamsText(o.label), value: o.value })),
        // More than a card should list: Teams asks the bot (an application/search invoke) as the person types.
        ...(field.search ? { 'choices.data': { type: 'Data.Query', dataset: field.search } } : {}),
        ...(value ? { value } : {}),
      };
  }
}

export function cardAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: ADAPTIVE_CARD_TYPE, content: card };
}
