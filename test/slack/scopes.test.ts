import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Least privilege: the bot token's scopes in manifest/slack/manifest.yaml are exactly those the
 * Web API methods in the code need. The methods are found in the source (`client.<method>(`),
 * so a new call without its scope, or a scope no call needs any more, fails here.
 */

// Scopes per method, from each method's page on api.slack.com/methods. A method the code calls
// but this table lacks fails the test: add it with its scopes.
const methodScopes: Record<string, readonly string[]> = {
  'auth.test': [],
  // Posting in committee channels the bot was not invited to needs chat:write.public.
  'chat.postMessage': ['chat:write', 'chat:write.public'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'conversations.open': ['im:write'],
  'files.uploadV2': ['files:write'],
  'usergroups.users.list': ['usergroups:read'],
  // The profile's e-mail address needs users:read.email on top of users:read.
  'users.info': ['users:read', 'users:read.email'],
  'users.lookupByEmail': ['users:read', 'users:read.email'],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
};

const root = process.cwd();
const sourceDirs = ['adapters', 'src', 'workflows'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|js|mjs)$/.test(name) && !/\.test\./.test(name) ? [full] : [];
  });
}

// The Slack adapter, and anything else that touches Slack's client.
const sources = sourceDirs
  .flatMap((d) => sourceFiles(path.join(root, d)))
  .map((f) => ({ file: path.relative(root, f), text: readFileSync(f, 'utf8') }))
  .filter(({ file, text }) => file.startsWith(`adapters${path.sep}slack`) || text.includes('@slack/'));

/** `client.chat.postMessage(`, `route.client.files.uploadV2(`, `app.client.auth.test(` … */
function webApiMethods(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const { file, text } of sources) {
    for (const match of text.matchAll(/\bclient\??\.((?:[a-z]+\??\.)+[a-zA-Z0-9]+)\s*\(/g)) {
      const method = match[1]!.replace(/\?/g, '');
      found.set(method, [...(found.get(method) ?? []), file]);
    }
    // Bolt calls auth.test itself unless it is given the bot's ids.
    if (/\bauthorize\b|new App\(/.test(text) && file.startsWith('adapters/slack')) found.set('auth.test', [...(found.get('auth.test') ?? []), file]);
  }
  return found;
}

const answersSlashCommands = () => sources.some(({ file, text }) => file.startsWith('adapters/slack') && /\.command\(|body\.command\b/.test(text));
const answersDirectMessages = () => sources.some(({ text }) => /\bapp\.message\(|message\.im/.test(text));

interface Manifest {
  features: { app_home: { messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean }; slash_commands?: unknown[] };
  oauth_config: { scopes: { bot: string[] } };
}
const manifest = parse(readFileSync(path.join(root, 'manifest/slack/manifest.yaml'), 'utf8')) as Manifest;

describe('Slack scopes come from the code', () => {
  it('finds the Web API methods the adapter calls', () => {
    const methods = webApiMethods();
    // A sanity floor: the scan must see the calls every deployment makes.
    expect([...methods.keys()]).toEqual(expect.arrayContaining(['chat.postMessage', 'chat.update', 'views.publish']));
    const unknown = [...methods.keys()].filter((m) => !(m in methodScopes));
    expect(unknown, `add these methods and their scopes to methodScopes: ${unknown.join(', ')}`).toEqual([]);
  });

  it('asks for exactly the scopes those methods need', () => {
    const needed = new Set([...webApiMethods().keys()].flatMap((m) => methodScopes[m] ?? []));
    if (answersSlashCommands()) needed.add('commands');
    // Files shared in the bot's DMs: the message.im event needs im:history, the download files:read.
    if (answersDirectMessages()) ['im:history', 'files:read'].forEach((scope) => needed.add(scope));
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('keeps the Messages tab read-only while nothing answers direct messages', () => {
    if (answersDirectMessages()) return expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
    expect(manifest.features.app_home.messages_tab_enabled === false || manifest.features.app_home.messages_tab_read_only_enabled === true).toBe(true);
  });
});
