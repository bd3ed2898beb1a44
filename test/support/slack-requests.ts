import { createHmac } from 'node:crypto';

/**
 * Requests as Slack sends them to `/slack/events`: signed (`v0=` HMAC-SHA256 of
 * `v0:<timestamp>:<raw body>` with the signing secret), slash commands form-encoded,
 * interactivity as `payload=<json>`, events as JSON. `tamper` forges the signature, leaves it
 * out, or dates the request more than 5 minutes back, for the tests that must see a 401.
 *
 *   const res = await post(`${base}/slack/events`, slashCommand({ text: 'frister', responseUrl: slack.responseUrl() }, { signingSecret }));
 */
export interface SlackRequest {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export type Tamper = 'forged' | 'unsigned' | 'stale';

export interface SignOptions {
  readonly signingSecret: string;
  readonly tamper?: Tamper;
  /** Unix seconds; defaults to now. */
  readonly timestamp?: number;
}

/** Who and where; the defaults match `startFakeSlack()`'s team. */
export interface Origin {
  readonly teamId?: string;
  readonly userId?: string;
  readonly userName?: string;
  readonly channelId?: string;
}

const defaults = { teamId: 'T0001', userId: 'U0001', userName: 'anna', channelId: 'C0001' } as const;

export function signRequest(body: string, contentType: string, sign: SignOptions): SlackRequest {
  const now = Math.floor(Date.now() / 1000);
  const timestamp = sign.tamper === 'stale' ? now - 6 * 60 : (sign.timestamp ?? now);
  const secret = sign.tamper === 'forged' ? `${sign.signingSecret}-forged` : sign.signingSecret;
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp) };
  if (sign.tamper !== 'unsigned') headers['x-slack-signature'] = signature;
  return { body, headers };
}

export interface SlashCommandInput extends Origin {
  readonly text: string;
  readonly responseUrl: string;
  readonly command?: string;
  /** `directmessage` for a DM with the app. */
  readonly channelName?: string;
  readonly triggerId?: string;
}

export function slashCommand(input: SlashCommandInput, sign: SignOptions): SlackRequest {
  const fields = {
    token: 'verification-token-unused',
    team_id: input.teamId ?? defaults.teamId,
    team_domain: 'samverkan-test',
    channel_id: input.channelId ?? defaults.channelId,
    channel_name: input.channelName ?? 'internationellt',
    user_id: input.userId ?? defaults.userId,
    user_name: input.userName ?? defaults.userName,
    command: input.command ?? '/samverkan',
    text: input.text,
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId ?? `trigger-${Date.now()}`,
  };
  return signRequest(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', sign);
}

export interface BlockActionInput extends Origin {
  /** The rendered action_id (e.g. `deadline.done:0`); `findButton` reads it from posted blocks. */
  readonly actionId: string;
  readonly value: string;
  readonly responseUrl: string;
  /** The message holding the button; leave out for a button in a modal or App Home. */
  readonly messageTs?: string;
  readonly ephemeral?: boolean;
  readonly triggerId?: string;
}

export function blockAction(input: BlockActionInput, sign: SignOptions): SlackRequest {
  const teamId = input.teamId ?? defaults.teamId;
  const channelId = input.channelId ?? defaults.channelId;
  const inMessage = input.messageTs !== undefined;
  const payload = {
    type: 'block_actions',
    ...interactiveEnvelope(input, teamId),
    trigger_id: input.triggerId ?? `trigger-${Date.now()}`,
    response_url: input.responseUrl,
    container: inMessage
      ? { type: 'message', message_ts: input.messageTs, channel_id: channelId, is_ephemeral: input.ephemeral ?? false }
      : { type: 'view', view_id: 'V0001' },
    ...(inMessage ? { channel: { id: channelId, name: 'internationellt' } } : {}),
    // Slack leaves the message out of presses on ephemeral messages.
    ...(inMessage && !input.ephemeral ? { message: { type: 'message', ts: input.messageTs, text: '' } } : {}),
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'button' },
        value: input.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return interactivity(payload, sign);
}

/** A modal as the adapter opened it: the `view` of a recorded views.open call. */
export interface OpenedView {
  readonly callback_id: string;
  readonly private_metadata?: string;
  readonly title?: unknown;
  readonly blocks?: readonly { type?: string; block_id?: string; element?: { type?: string; action_id?: string; options?: { text: unknown; value: string }[] } }[];
}

export interface ViewSubmissionInput extends Omit<Origin, 'channelId'> {
  readonly view: OpenedView;
  /** Typed values by field (block) id, as text; each is shaped after its input's element type. */
  readonly values: Readonly<Record<string, string>>;
}

/** What Slack sends when a person types in an external select: it waits for the options in the answer. */
export function blockSuggestion(input: Omit<Origin, 'channelId'> & { readonly actionId: string; readonly blockId: string; readonly value: string; readonly view: OpenedView }, sign: SignOptions): SlackRequest {
  const teamId = input.teamId ?? defaults.teamId;
  return interactivity(
    {
      type: 'block_suggestion',
      ...interactiveEnvelope(input, teamId),
      action_id: input.actionId,
      block_id: input.blockId,
      value: input.value,
      container: { type: 'view', view_id: 'V0001' },
      view: { id: 'V0001', team_id: teamId, type: 'modal', callback_id: input.view.callback_id, private_metadata: input.view.private_metadata ?? '', blocks: input.view.blocks ?? [] },
    },
    sign,
  );
}

export function viewSubmission(input: ViewSubmissionInput, sign: SignOptions): SlackRequest {
  const teamId = input.teamId ?? defaults.teamId;
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of input.view.blocks ?? []) {
    if (block.type !== 'input' || !block.block_id) continue;
    const element = block.element ?? {};
    const actionId = element.action_id ?? block.block_id;
    state[block.block_id] = { [actionId]: stateValue(element, input.values[block.block_id]) };
  }
  const payload = {
    type: 'view_submission',
    ...interactiveEnvelope(input, teamId),
    trigger_id: `trigger-${Date.now()}`,
    view: {
      id: 'V0001',
      team_id: teamId,
      type: 'modal',
      callback_id: input.view.callback_id,
      private_metadata: input.view.private_metadata ?? '',
      title: input.view.title ?? { type: 'plain_text', text: 'Form' },
      blocks: input.view.blocks ?? [],
      state: { values: state },
      hash: 'hash',
      app_id: 'A0001',
      bot_id: 'B0001',
    },
    response_urls: [],
  };
  return interactivity(payload, sign);
}

function stateValue(element: NonNullable<NonNullable<OpenedView['blocks']>[number]['element']>, value: string | undefined): Record<string, unknown> {
  const type = element.type ?? 'plain_text_input';
  const given = value === undefined || value === '' ? null : value;
  switch (type) {
    case 'datepicker':
      return { type, selected_date: given };
    case 'static_select':
    case 'external_select': {
      const option = element.options?.find((o) => o.value === given);
      return { type, selected_option: option ?? (given === null ? null : { text: { type: 'plain_text', text: given }, value: given }) };
    }
    default:
      return { type, value: given };
  }
}

export function eventCallback(event: Record<string, unknown>, sign: SignOptions, teamId: string = defaults.teamId): SlackRequest {
  const body = {
    token: 'verification-token-unused',
    team_id: teamId,
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: `Ev${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'UBOT0001', is_bot: true, is_enterprise_install: false }],
    event,
  };
  return signRequest(JSON.stringify(body), 'application/json', sign);
}

/** Who sent an interactivity payload, as Slack puts it in every one. */
function interactiveEnvelope(origin: Origin, teamId: string) {
  const name = origin.userName ?? defaults.userName;
  return {
    team: { id: teamId, domain: 'samverkan-test' },
    user: { id: origin.userId ?? defaults.userId, username: name, name, team_id: teamId },
    api_app_id: 'A0001',
    token: 'verification-token-unused',
  };
}

function interactivity(payload: unknown, sign: SignOptions): SlackRequest {
  return signRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', sign);
}

/** A button in rendered blocks (e.g. a recorded chat.postMessage), by router action name or label. */
export function findButton(blocks: unknown, match: { action?: string; label?: string }): { actionId: string; value: string } {
  const list = Array.isArray(blocks) ? (blocks as { type?: string; elements?: unknown[] }[]) : [];
  for (const block of list) {
    if (block.type !== 'actions') continue;
    for (const element of (block.elements ?? []) as { action_id?: string; value?: string; text?: { text?: string } }[]) {
      const actionId = element.action_id ?? '';
      const byAction = match.action === undefined || actionId === match.action || actionId.startsWith(`${match.action}:`);
      const byLabel = match.label === undefined || element.text?.text === match.label;
      if (byAction && byLabel) return { actionId, value: element.value ?? '' };
    }
  }
  throw new Error(`no button ${JSON.stringify(match)} in the blocks`);
}

export interface PostResult {
  readonly status: number;
  readonly body: string;
  readonly contentType: string | null;
}

export async function post(url: string, request: SlackRequest): Promise<PostResult> {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') };
}
