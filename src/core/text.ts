import type { MessageKey } from '../i18n/index.ts';

/** The longest one-line text a person may type, in a command or in a form's text field. */
export const TEXT_MAX = 200;

/**
 * C0 control characters other than tab and newline (a CR of a CRLF line end is read as the
 * newline it is): never typed on purpose, and a NUL breaks PostgreSQL text and every export.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F]/u;

export interface TextProblem {
  readonly code: Extract<MessageKey, 'text.tooLong' | 'text.controlCharacter'>;
  readonly params: Record<string, string | number>;
}

/** What is wrong with a piece of free text a person typed, or undefined. */
export function textProblem(value: string, max: number = TEXT_MAX): TextProblem | undefined {
  const control = CONTROL.exec(value.replace(/\r\n/g, '\n'));
  if (control) return { code: 'text.controlCharacter', params: { code: `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` } };
  const length = [...value].length;
  if (length > max) return { code: 'text.tooLong', params: { max, length } };
  return undefined;
}

/**
 * Per-field messages for a form whose fields are free text: a control character anywhere, or
 * more than the field's own limit. A form's limits are checked by the platform too, but what
 * arrives is not trusted to have gone through them, and nothing typed is cut off silently.
 */
export function formTextErrors(
  values: Readonly<Record<string, string>>,
  limits: Readonly<Record<string, number>>,
  t: (key: TextProblem['code'], params: TextProblem['params']) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, max] of Object.entries(limits)) {
    const problem = textProblem((values[field] ?? '').trim(), max);
    if (problem) errors[field] = t(problem.code, problem.params);
  }
  return errors;
}
