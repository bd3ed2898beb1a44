import type { FakeSlackUser } from './fake-slack.ts';

/** What the fake Web API remembers between calls. */
export interface FakeSlackState {
  origin: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly users: Map<string, FakeSlackUser>;
  /** User group id (S…) → member user ids. */
  readonly usergroups: Map<string, string[]>;
  /** `channel/ts` → latest content. */
  readonly messages: Map<string, { text?: unknown; blocks?: unknown }>;
  sequence: number;
  /** What apps.connections.open answers: a Socket Mode WebSocket URL (a test's fake server). */
  socketModeUrl?: string;
}

type Answer = Record<string, unknown>;

/** A user id posts to the app's DM with that person, whose channel id Slack reports as D…. */
function dmChannelFor(id: string): string {
  return /^[UW]/.test(id) ? `D${id.slice(1)}` : id;
}

function nextTs(state: FakeSlackState): string {
  state.sequence += 1;
  return `1760000000.${String(state.sequence).padStart(6, '0')}`;
}

function nextId(state: FakeSlackState, prefix: string): string {
  state.sequence += 1;
  return `${prefix}${String(state.sequence).padStart(8, '0')}`;
}

function text(body: Answer, key: string): string {
  const value = body[key];
  return typeof value === 'string' ? value : '';
}

/** The answers of the Web API methods the bot uses, shaped like Slack's. */
export function answerMethod(state: FakeSlackState, method: string, body: Answer): Answer {
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: 'https://samverkan-test.slack.com/',
        team: 'Samverkan test',
        user: 'samverkan',
        team_id: state.teamId,
        user_id: state.botUserId,
        bot_id: state.botId,
        is_enterprise_install: false,
      };
    case 'chat.postMessage': {
      if (!text(body, 'channel')) return { ok: false, error: 'channel_not_found' };
      const channel = dmChannelFor(text(body, 'channel'));
      const ts = nextTs(state);
      state.messages.set(`${channel}/${ts}`, { text: body.text, blocks: body.blocks });
      return { ok: true, channel, ts, message: { type: 'message', ts, text: body.text, blocks: body.blocks, bot_id: state.botId, user: state.botUserId } };
    }
    case 'chat.update': {
      const channel = text(body, 'channel');
      const ts = text(body, 'ts');
      state.messages.set(`${channel}/${ts}`, { text: body.text, blocks: body.blocks });
      return { ok: true, channel, ts, text: body.text };
    }
    case 'chat.postEphemeral':
      return { ok: true, message_ts: nextTs(state) };
    case 'views.open':
    case 'views.update':
    case 'views.publish': {
      const view = typeof body.view === 'object' && body.view !== null ? body.view : {};
      return { ok: true, view: { id: text(body, 'view_id') || nextId(state, 'V'), team_id: state.teamId, ...view } };
    }
    case 'users.info': {
      const user = state.users.get(text(body, 'user'));
      if (!user) return { ok: false, error: 'user_not_found' };
      return {
        ok: true,
        user: {
          id: user.id,
          team_id: user.teamId ?? state.teamId,
          name: user.name,
          real_name: user.realName ?? user.name,
          tz: 'Europe/Stockholm',
          is_bot: false,
          deleted: false,
          profile: { real_name: user.realName ?? user.name, display_name: user.name, ...(user.email ? { email: user.email } : {}) },
        },
      };
    }
    case 'usergroups.users.list': {
      const members = state.usergroups.get(text(body, 'usergroup'));
      return members ? { ok: true, users: members } : { ok: false, error: 'no_such_subteam' };
    }
    case 'apps.connections.open':
      return state.socketModeUrl ? { ok: true, url: state.socketModeUrl } : { ok: false, error: 'invalid_auth' };
    case 'conversations.open': {
      const users = text(body, 'users').split(',').filter(Boolean);
      const first = users[0];
      if (!first) return { ok: false, error: 'users_list_not_supplied' };
      return { ok: true, channel: { id: users.length === 1 ? dmChannelFor(first) : nextId(state, 'G') } };
    }
    case 'files.getUploadURLExternal': {
      const fileId = nextId(state, 'F');
      return { ok: true, upload_url: `${state.origin}/upload/${fileId}`, file_id: fileId };
    }
    case 'files.completeUploadExternal': {
      const files = Array.isArray(body.files) ? (body.files as { id?: string; title?: string }[]) : [];
      return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '', name: f.title ?? '' })) };
    }
    default:
      return { ok: false, error: 'unknown_method' };
  }
}
