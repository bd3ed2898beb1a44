import type { CommandName, LocalDate } from '../core/command.ts';
import type { FormCommandRead } from '../core/reply.ts';
import { translator, type Locale, type MessageKey, type Params, type Translate } from '../i18n/index.ts';
import { readValue } from './read-value.ts';
import type { KeySpec, PositionalSpec } from './spec-types.ts';
import { specFor } from './specs.ts';
import { resolveDate, type PartialDate } from './values/dates.ts';

/**
 * A form that stands for a command is read by that command's own table: each field (its id is
 * the argument's name) goes through the same value reader as the typed `key=value`, required
 * arguments are required, and dates keep their order. So the form accepts exactly what the
 * command accepts, and every problem is named beside its field.
 */
export function readCommandForm(name: CommandName, values: Readonly<Record<string, string>>, today: LocalDate, locale: Locale): FormCommandRead {
  const spec = specFor(name);
  const t = translator(locale);
  const cx = { t, locale };
  const args: Record<string, unknown> = {};
  const dates = new Map<string, PartialDate>();
  const errors: Record<string, string> = {};
  const params: (PositionalSpec | KeySpec)[] = [...spec.positionals, ...spec.keys];

  for (const param of params) {
    const text = (values[param.arg] ?? '').trim();
    if (text === '') {
      const required = 'label' in param ? !param.optional : param.required === true;
      if (required) errors[param.arg] = t('form.error.required');
      continue;
    }
    const read = readValue(param.value, text, cx);
    if (!read.ok) errors[param.arg] = withoutUsage(t, read.code, read.params);
    else if (param.value.type === 'date') dates.set(param.arg, read.value as PartialDate);
    else args[param.arg] = read.value;
  }
  // As the typed command does: in table order, so an end date follows its start date.
  for (const param of params) {
    const partial = dates.get(param.arg);
    if (!partial || param.value.type !== 'date') continue;
    const after = param.value.after ? (args[param.value.after] as LocalDate | undefined) : undefined;
    const date = resolveDate(partial, after ?? today);
    if (after !== undefined && date < after) errors[param.arg] = withoutUsage(t, 'parse.dateOrder', { from: after, to: date });
    else args[param.arg] = date;
  }
  for (const flag of spec.flags) args[flag.arg] = /^(?:yes|ja|true|on|1)$/i.test((values[flag.arg] ?? '').trim());
  for (const [arg, value] of Object.entries(spec.defaults ?? {})) args[arg] ??= value;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, args };
}

const USAGE_MARK = '\u0000usage\u0000';

/**
 * The command's message without its last sentence, the "Write it like this: <usage>" hint: in a
 * form the fields are the syntax, and the hint would show a command line no one is typing.
 */
function withoutUsage(t: Translate, code: MessageKey, params: Params): string {
  const text = t(code, { ...params, usage: USAGE_MARK });
  const at = text.indexOf(USAGE_MARK);
  if (at < 0) return text;
  const before = text.slice(0, at);
  const end = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
  return (end >= 0 ? before.slice(0, end + 1) : before).trim();
}
