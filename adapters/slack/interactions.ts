import type { App, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import type { MessageRef } from '../../src/core/notifier.ts';
import type { Form } from '../../src/core/card.ts';
import type { ActionInput } from '../../src/core/reply.ts';
import { actionChannel, actionMessageTs, actionRequest, isEphemeralAction, viewRequest } from './incoming.ts';
import { answering, type ListenerDeps } from './answering.ts';
import { decodeMetadata, readFormValues, type FormOrigin } from './modal.ts';
import { actionNameOf } from './render.ts';
import { respondTo, type ReplyRoute } from './replies.ts';

/** Button presses: every action_id is ours (see `actionIdFor`), so one listener takes them all. */
export function registerButtons(app: App, deps: ListenerDeps): void {
  app.action(/.*/, async ({ ack, body, action, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const press = body as BlockAction<ButtonAction>;
    const button = action as ButtonAction;
    const channelId = actionChannel(press);
    const messageTs = actionMessageTs(press);
    const ephemeral = isEphemeralAction(press);
    const source: MessageRef | undefined =
      channelId && messageTs ? { platform: 'slack', conversationId: channelId, messageId: messageTs } : undefined;
    const input: ActionInput = { name: actionNameOf(button.action_id), value: button.value ?? '', ...(source ? { source } : {}) };
    const hasResponseUrl = typeof press.response_url === 'string' && press.response_url !== '';
    // The same response_url client as commands and forms (one timeout, one error), not Bolt's respond().
    const respond = hasResponseUrl ? respondTo(press.response_url) : undefined;
    const origin: FormOrigin = {
      ...(channelId ? { channelId } : {}),
      ...(messageTs ? { messageTs } : {}),
      ...(ephemeral && hasResponseUrl ? { responseUrl: press.response_url } : {}),
    };
    const route: ReplyRoute = {
      client,
      userId: press.user.id,
      ...(channelId ? { channelId } : {}),
      ...(respond ? { respond } : {}),
      triggerId: press.trigger_id,
      origin,
    };
    await answering(deps, route, async () => {
      const request = deps.emails ? await deps.emails.of(client, actionRequest(press)) : actionRequest(press);
      const outcome = await deps.bot.handleAction(input, request);
      // The trigger id expires 3 seconds after the click: open the form before anything else.
      if (outcome.form) await deps.replies.openForm(outcome.form, route);
      if (outcome.replace) {
        const where = { channelId, messageTs, ...(ephemeral && respond ? { ephemeralRespond: respond } : {}) };
        if (!(await deps.replies.replace(outcome.replace, where, client))) {
          deps.log.warn({ action: input.name }, 'a button asked to replace its card, but it is not in a message');
        }
      }
      if (outcome.reply) await deps.replies.deliver(outcome.reply, route, true);
    });
  });
}

/**
 * Modal submissions. The answer to Slack decides whether the modal closes, so the Bot runs
 * before the ack here: field errors go back in the ack and Slack keeps what the person typed.
 */
export function registerForms(app: App, deps: ListenerDeps): void {
  app.view(/.*/, async ({ ack, body, view, client }) => {
    if (body.type !== 'view_submission') {
      await ack();
      return;
    }
    const submission = body as ViewSubmitAction;
    const { state, origin } = decodeMetadata(view.private_metadata);
    const route: ReplyRoute = {
      client,
      userId: submission.user.id,
      ...(origin.channelId ? { channelId: origin.channelId } : {}),
      origin,
    };
    let acked = false;
    await answering(deps, route, async () => {
      const outcome = await deps.bot.handleForm(
        { name: view.callback_id, state, values: readFormValues(view.state) },
        // The ack carries the field errors, so no look-up here: what is known already.
        deps.emails ? deps.emails.cached(viewRequest(submission, origin)) : viewRequest(submission, origin),
      );
      if (outcome.kind === 'invalid') {
        acked = true;
        await ack(invalidAnswer(outcome.form, fieldIds(view.blocks), deps, origin));
        return;
      }
      if (outcome.reply?.kind === 'form') {
        // A follow-up form replaces this modal instead of closing it.
        acked = true;
        await ack({ response_action: 'update', view: deps.replies.modal(outcome.reply.form, origin) });
      } else {
        acked = true;
        await ack();
        if (outcome.reply) await deps.replies.deliver(outcome.reply, route);
      }
      if (outcome.replace) {
        const respond = origin.responseUrl ? respondTo(origin.responseUrl) : undefined;
        const where = { ...origin, ...(respond ? { ephemeralRespond: respond } : {}) };
        if (!(await deps.replies.replace(outcome.replace, where, client))) {
          deps.log.warn({ form: view.callback_id }, 'a form asked to replace its card, but it was not opened from a message');
        }
      }
    });
    // A failure before the ack still has to close the modal; `answering` has told the person.
    if (!acked) await ack();
  });
}

/** Slack shows `errors` beside the named fields; unknown field ids would make it reject the answer. */
function invalidAnswer(form: Form, known: ReadonlySet<string>, deps: ListenerDeps, origin: FormOrigin) {
  const errors = Object.fromEntries(Object.entries(form.errors ?? {}).filter(([id]) => known.has(id)));
  if (Object.keys(errors).length > 0) return { response_action: 'errors' as const, errors };
  return { response_action: 'update' as const, view: deps.replies.modal(form, origin) };
}

function fieldIds(blocks: readonly { block_id?: string }[]): Set<string> {
  return new Set(blocks.flatMap((b) => (b.block_id ? [b.block_id] : [])));
}
