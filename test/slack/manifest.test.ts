import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slackEventsPath, slashCommand } from '../../adapters/slack/index.ts';

// The project's shared schema, next to the repository; a copy travels with the repository so a
// clone elsewhere (a CI runner) validates against the same schema.
const sharedSchemaPath = path.resolve(process.cwd(), '../shared/schemas/slack-app-manifest.schema.json');
const vendoredSchemaPath = path.resolve(process.cwd(), 'manifest/slack/schema/slack-app-manifest.schema.json');
const schemaPath = existsSync(sharedSchemaPath) ? sharedSchemaPath : vendoredSchemaPath;
const manifestPath = path.resolve(process.cwd(), 'manifest/slack/manifest.yaml');

interface Manifest {
  features: { slash_commands: { command: string; should_escape?: boolean; url?: string }[]; app_home: Record<string, boolean> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; interactivity: { is_enabled: boolean; request_url: string }; event_subscriptions: { request_url: string } };
}

describe('Slack app manifest', () => {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as Manifest;

  it('validates against the Slack app manifest schema', () => {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.runIf(existsSync(sharedSchemaPath))('keeps its copy of the schema the same as the shared one', () => {
    expect(readFileSync(vendoredSchemaPath, 'utf8')).toBe(readFileSync(sharedSchemaPath, 'utf8'));
  });

  it('declares the slash command, scopes and endpoints the adapter serves', () => {
    const command = manifest.features.slash_commands[0];
    expect(command).toMatchObject({ command: slashCommand, should_escape: true });
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    // Which scopes exactly: test/slack/scopes.test.ts, from the code.
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    for (const url of [command?.url, manifest.settings.interactivity.request_url, manifest.settings.event_subscriptions.request_url]) {
      expect(url).toBe(`https://samverkan.example.se${slackEventsPath}`);
    }
  });
});
