import type { CommandName, RequestContext, ResolvedArgs } from './command.ts';
import { BotFailure } from './errors.ts';
import type { Form } from './card.ts';
import type { FormInput, FormOutcome, Reply } from './reply.ts';

/**
 * The one path for a form that stands for a command: the Bot has read the values by the
 * command's table (`FormInput.command`); the command's own handler then runs on those arguments,
 * so a form accepts exactly what the typed command accepts. Expected failures about one field go
 * beside it, any other at the top of the form, with everything typed kept.
 */
export async function submitCommandForm<N extends CommandName>(
  form: FormInput,
  ctx: RequestContext,
  run: (args: ResolvedArgs<N>, ctx: RequestContext) => Promise<Reply>,
  again: (errors: Record<string, string>) => Form | Promise<Form>,
  fieldOf: Partial<Record<string, string>> = {},
): Promise<FormOutcome> {
  const read = form.command;
  if (!read) throw new Error(`form ${form.name} was not read by its command`);
  if (!read.ok) return { kind: 'invalid', form: await again({ ...read.errors }) };
  try {
    return { kind: 'done', reply: await run(read.args as ResolvedArgs<N>, ctx) };
  } catch (err) {
    if (!(err instanceof BotFailure)) throw err;
    const field = fieldOf[err.error.code] ?? FORM_GENERAL_ERROR;
    return { kind: 'invalid', form: await again({ [field]: ctx.t(err.error.code, err.error.params) }) };
  }
}

/** The errors key of a message about the whole form rather than one field; adapters show it on top. */
export const FORM_GENERAL_ERROR = '_form';
