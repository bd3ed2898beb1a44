import type { types, ViewOutput } from '@slack/bolt';
import type { Form, FormField } from '../../src/core/card.ts';
import type { Translate } from '../../src/i18n/index.ts';
import { clipPlain } from './text.ts';

type InputBlock = types.InputBlock;

/** Modal limits (https://docs.slack.dev/reference/views). */
const modalLimits = {
  title: 24,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  textInput: 3000,
  selectOptions: 100,
  optionText: 75,
  privateMetadata: 3000,
  sectionText: 3000,
} as const;

/**
 * Where a form was opened from, so its submission can reply in that conversation and replace
 * the card whose button opened it. Kept in the modal's private_metadata beside the form state
 * because a submission may reach any replica.
 */
export interface FormOrigin {
  readonly channelId?: string;
  readonly messageTs?: string;
  /** Set when the card was ephemeral: chat.update cannot edit it, its response_url can. */
  readonly responseUrl?: string;
}

interface Metadata {
  readonly samverkan: 1;
  readonly state: string;
  readonly origin?: FormOrigin;
}

export function encodeMetadata(state: string, origin: FormOrigin = {}): string {
  const full = JSON.stringify({ samverkan: 1, state, origin } satisfies Metadata);
  if (full.length <= modalLimits.privateMetadata) return full;
  const bare = JSON.stringify({ samverkan: 1, state } satisfies Metadata);
  if (bare.length <= modalLimits.privateMetadata) return bare;
  throw new Error(`form state is ${state.length} characters; a Slack modal keeps at most ${modalLimits.privateMetadata}`);
}

/** Reads private_metadata; anything not written by `encodeMetadata` is taken as the bare state. */
export function decodeMetadata(raw: string): { state: string; origin: FormOrigin } {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isMetadata(parsed)) return { state: parsed.state, origin: parsed.origin ?? {} };
  } catch {
    // Not ours: a bare state string.
  }
  return { state: raw, origin: {} };
}

function isMetadata(value: unknown): value is Metadata {
  return typeof value === 'object' && value !== null && (value as Metadata).samverkan === 1 && typeof (value as Metadata).state === 'string';
}

/** A Form as a modal: callback_id is the form's action, each field one input block (block_id = field id). */
export function renderModal(form: Form, t: Translate, privateMetadata: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: form.action,
    private_metadata: privateMetadata,
    title: plain(form.title, modalLimits.title),
    submit: plain(form.submitLabel, modalLimits.title),
    close: plain(t('slack.modal.close'), modalLimits.title),
    blocks: [...generalErrors(form), ...form.fields.map((field) => inputBlock(field, form.errors?.[field.id]))],
  };
}

/** Errors about the whole form (not one field) stand above the fields. */
function generalErrors(form: Form): types.SectionBlock[] {
  const ids = new Set(form.fields.map((f) => f.id));
  return Object.entries(form.errors ?? {})
    .filter(([id]) => !ids.has(id))
    .map(([, message]) => ({ type: 'section' as const, text: plain(`⚠️ ${message}`, modalLimits.sectionText) }));
}

function inputBlock(field: FormField, error: string | undefined): InputBlock {
  return {
    type: 'input',
    block_id: field.id,
    label: plain(field.label, modalLimits.label),
    optional: !field.required,
    element: inputElement(field),
    // A modal cannot open with Slack's own field errors; a hint under the field carries them.
    ...(error ? { hint: plain(`⚠️ ${error}`, modalLimits.hint) } : {}),
  };
}

function inputElement(field: FormField): InputBlock['element'] {
  const common = {
    action_id: field.id,
    ...(field.placeholder ? { placeholder: plain(field.placeholder, modalLimits.placeholder) } : {}),
  };
  switch (field.kind) {
    case 'text':
    case 'multiline': {
      const maxLength = Math.min(field.maxLength ?? modalLimits.textInput, modalLimits.textInput);
      return {
        type: 'plain_text_input',
        ...common,
        multiline: field.kind === 'multiline',
        max_length: maxLength,
        ...(field.initial ? { initial_value: field.initial.slice(0, maxLength) } : {}),
      };
    }
    case 'date':
      return {
        type: 'datepicker',
        ...common,
        ...(field.initial && /^\d{4}-\d{2}-\d{2}$/.test(field.initial) ? { initial_date: field.initial } : {}),
      };
    case 'number':
      return {
        type: 'number_input',
        ...common,
        is_decimal_allowed: false,
        ...(field.initial && /^-?\d+$/.test(field.initial) ? { initial_value: field.initial } : {}),
      };
    case 'select': {
      if (field.search) {
        // More than a static select can hold: Slack asks the bot for options as the person types.
        const initial = field.options?.find((o) => o.value === field.initial);
        return {
          type: 'external_select',
          ...common,
          action_id: `${SEARCH_PREFIX}${field.search}`,
          min_query_length: 1,
          ...(initial ? { initial_option: { text: plain(initial.label, modalLimits.optionText), value: initial.value } } : {}),
        };
      }
      const options = (field.options ?? []).slice(0, modalLimits.selectOptions).map((o) => ({
        text: plain(o.label, modalLimits.optionText),
        value: o.value,
      }));
      const initial = options.find((o) => o.value === field.initial);
      return { type: 'static_select', ...common, options, ...(initial ? { initial_option: initial } : {}) };
    }
  }
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: clipPlain(text, max), emoji: true };
}

/** An external select's action id: the prefix and the name of the search that answers it. */
export const SEARCH_PREFIX = 'search:';

/** A search's choices as Slack's options response (at most 100, labels within Slack's 75). */
export function searchOptions(found: readonly { value: string; label: string }[]): { options: types.PlainTextOption[] } {
  return { options: found.slice(0, modalLimits.selectOptions).map((o) => ({ text: plain(o.label, modalLimits.optionText), value: o.value })) };
}

/** The submitted values by field id; an empty field is the empty string. */
export function readFormValues(state: ViewOutput['state']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(state.values)) {
    for (const input of Object.values(actions)) {
      values[blockId] = input.value ?? input.selected_date ?? input.selected_option?.value ?? '';
    }
  }
  return values;
}
