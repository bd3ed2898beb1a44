import { randomUUID } from 'node:crypto';

/**
 * Builders for the activities Teams sends to `/api/messages`, shaped like recorded Teams traffic
 * (ids, conversation types, channelData.tenant, mention entities), and `post()` to deliver them.
 * Every activity needs the fake Bot Connector's `serviceUrl`: replies go there.
 */

export const TEST_TENANT_ID = '5f1c2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
export const OTHER_TENANT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const TEST_BOT = { id: '28:00000000-0000-4000-8000-00000000b07a', name: 'Samverkan' } as const;
export const TEST_TEAM_ID = '19:team-general@thread.tacv2';
export const TEST_CHANNEL_ID = '19:internationellt@thread.tacv2';

export interface TeamsUser {
  /** The Bot Framework user id, `29:…`. */
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

export const testUsers = {
  anna: { id: '29:1anna-andersson', name: 'Anna Andersson', aadObjectId: '11111111-1111-4111-8111-111111111111' },
  bertil: { id: '29:1bertil-berg', name: 'Bertil Berg', aadObjectId: '22222222-2222-4222-8222-222222222222' },
  cecilia: { id: '29:1cecilia-carlsson', name: 'Cecilia Carlsson', aadObjectId: '33333333-3333-4333-8333-333333333333' },
} as const satisfies Record<string, TeamsUser>;

/** Where an activity happens: the user's 1:1 chat with the bot, a team channel, or a group chat. */
export type Place = 'personal' | 'channel' | 'groupChat';

export interface ActivityBase {
  readonly serviceUrl: string;
  /** Who acts; Anna by default. */
  readonly from?: TeamsUser;
  readonly place?: Place;
  /** Overrides the conversation id the place would give. */
  readonly conversationId?: string;
  readonly tenantId?: string;
  /** Only in channelData.tenant, as some Teams clients send it. */
  readonly tenantOnlyInChannelData?: boolean;
}

/** The personal conversation id Teams gives a user's chat with the bot (stable per user). */
export function personalConversationId(user: TeamsUser): string {
  return `a:1personal-${user.id.replace(/^29:/, '')}`;
}

function base(options: ActivityBase): Record<string, unknown> {
  const from = options.from ?? testUsers.anna;
  const place = options.place ?? 'personal';
  const tenantId = options.tenantId ?? TEST_TENANT_ID;
  const conversationId =
    options.conversationId ??
    (place === 'personal'
      ? personalConversationId(from)
      : place === 'channel'
        ? `${TEST_CHANNEL_ID};messageid=${Date.now()}`
        : '19:groupchat-planering@thread.v2');
  const conversation = {
    id: conversationId,
    conversationType: place,
    ...(place === 'personal' ? {} : { isGroup: true }),
    ...(options.tenantOnlyInChannelData ? {} : { tenantId }),
  };
  const channelData: Record<string, unknown> = { tenant: { id: tenantId } };
  if (place === 'channel') {
    channelData.team = { id: TEST_TEAM_ID, name: 'Internationellt arbete' };
    channelData.channel = { id: conversationId.split(';')[0], name: 'Allmänt' };
  }
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    locale: 'sv-SE',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: TEST_BOT.id, name: TEST_BOT.name },
    conversation,
    channelData,
  };
}

export interface MessageOptions extends ActivityBase {
  /** The text after any bot mention; write `<at>Name</at>` where `mentions` should appear. */
  readonly text: string;
  /** Puts `<at>Samverkan</at> ` in front, with its entity. Default: true in channels and group chats. */
  readonly mentionBot?: boolean;
  /** People mentioned in `text` as `<at>{name}</at>`. */
  readonly mentions?: readonly TeamsUser[];
}

export function messageActivity(options: MessageOptions): Record<string, unknown> {
  const place = options.place ?? 'personal';
  const mentionBot = options.mentionBot ?? place !== 'personal';
  const botTag = `<at>${TEST_BOT.name}</at>`;
  const entities: Record<string, unknown>[] = [];
  if (mentionBot) entities.push({ type: 'mention', text: botTag, mentioned: { id: TEST_BOT.id, name: TEST_BOT.name } });
  for (const user of options.mentions ?? []) {
    entities.push({ type: 'mention', text: `<at>${user.name}</at>`, mentioned: { id: user.id, name: user.name } });
  }
  entities.push({ type: 'clientInfo', locale: 'sv-SE', country: 'SE', platform: 'Web', timezone: 'Europe/Stockholm' });
  return {
    ...base(options),
    type: 'message',
    text: mentionBot ? `${botTag} ${options.text}` : options.text,
    textFormat: 'plain',
    attachments: [],
    entities,
  };
}

export interface CardActionOptions extends ActivityBase {
  readonly verb: string;
  readonly data?: Record<string, unknown>;
  /** The id of the bot's message that holds the card. */
  readonly replyToId?: string;
}

/** An `adaptiveCard/action` invoke: what Teams sends when someone presses an Action.Execute. */
export function cardActionInvoke(options: CardActionOptions): Record<string, unknown> {
  return {
    ...base(options),
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    value: {
      action: { type: 'Action.Execute', id: randomUUID(), verb: options.verb, data: options.data ?? {} },
      trigger: 'manual',
    },
  };
}

/** What Teams sends when a person types in a typeahead picker (`Data.Query`). */
export function searchInvoke(options: ActivityBase & { dataset: string; queryText: string }): Record<string, unknown> {
  return { ...base(options), type: 'invoke', name: 'application/search', value: { queryText: options.queryText, dataset: options.dataset, queryOptions: { skip: 0, top: 15 } } };
}

/** A button press: data `{ value }`, as the Teams adapter renders buttons. */
export function buttonInvoke(options: ActivityBase & { verb: string; value: string; replyToId?: string }): Record<string, unknown> {
  const { value, ...rest } = options;
  return cardActionInvoke({ ...rest, data: { value } });
}

/** A form submit: the form's state plus the typed inputs, merged into the action data as Teams does. */
export function formSubmitInvoke(
  options: ActivityBase & { verb: string; state: string; values: Record<string, string>; replyToId?: string },
): Record<string, unknown> {
  const { state, values, ...rest } = options;
  return cardActionInvoke({ ...rest, data: { state, ...values } });
}

/** The bot was added to a team, a group chat or a person's personal scope. */
export function conversationUpdateActivity(options: ActivityBase & { membersAdded?: readonly { id: string }[] }): Record<string, unknown> {
  const activity = base({ ...options, conversationId: options.conversationId ?? (options.place === 'channel' ? TEST_TEAM_ID : undefined) });
  const channelData = activity.channelData as Record<string, unknown>;
  return {
    ...activity,
    type: 'conversationUpdate',
    membersAdded: options.membersAdded ?? [{ id: TEST_BOT.id }],
    channelData: options.place === 'channel' ? { ...channelData, eventType: 'teamMemberAdded' } : channelData,
  };
}

export interface PostResult {
  readonly status: number;
  /** Parsed JSON when the body is JSON, the text otherwise, undefined when empty. */
  readonly body: unknown;
}

/** POSTs an activity to the bot's `/api/messages` like the Bot Connector does. */
export async function post(url: string, activity: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text === '' ? undefined : text;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
  }
  return { status: response.status, body };
}
