import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { obsoleteSettings, readEnv, slackMode } from '../../src/config/env.ts';
import { playgroundIds } from '../../src/config/demo.ts';
import { ConfigError, loadConfig } from '../../src/config/load.ts';
import { municipalitySettings } from '../../src/config/settings.ts';

function configFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-config-'));
  const path = join(dir, 'samverkan.config.yaml');
  writeFileSync(path, text);
  return path;
}

describe('configuration', () => {
  it('ships an example for Tyresö that validates', () => {
    const { config, source } = loadConfig({ SAMVERKAN_CONFIG: 'samverkan.config.example.yaml' });
    expect(source).toBe('samverkan.config.example.yaml');
    expect(config.municipality.name).toBe('Tyresö kommun');
    expect(config.committees.map((c) => c.id)).toEqual(['ks', 'bun', 'kfn', 'sn', 'sbn']);
    expect(config.allow.slackTeams).toEqual(['T0123TYRESO']);
  });

  it('without a file gives the demo municipality, where Playground users ask and decide', () => {
    const { config, source } = loadConfig({});
    expect(source).toBeUndefined();
    expect(config.municipality).toMatchObject({ name: 'Demokommun', language: 'sv' });
    expect(config.coordinator.people.teams).toEqual([playgroundIds.alex.aadObjectId]);
    expect(config.governance.bodies).toEqual([
      expect.objectContaining({ id: 'ks', kind: 'board', channel: { teams: playgroundIds.announcementsChannel }, approvers: expect.objectContaining({ teams: [playgroundIds.megan.aadObjectId, playgroundIds.alex.aadObjectId] }) }),
    ]);
    expect(config.committees.map((c) => c.channel.teams)).toEqual([playgroundIds.announcementsChannel, playgroundIds.generalChannel]);
  });

  it.each([
    ['an empty file', ''],
    ['a file naming only the municipality', 'municipality:\n  name: Värmdö kommun\n'],
  ])('never gives the demo when a configuration file exists: %s', (_, yaml) => {
    const { config, source } = loadConfig({ SAMVERKAN_CONFIG: configFile(yaml) });
    expect(source).toMatch(/samverkan\.config\.yaml$/);
    expect(config.municipality.name).not.toBe('Demokommun');
    expect(config.governance.bodies).toEqual([]);
    expect(config.coordinator.people.teams).toEqual([]);
    expect(JSON.stringify(config)).not.toContain(playgroundIds.alex.aadObjectId);
  });

  it.each([
    ['municipality:\n  language: de\n', 'municipality.language'],
    ['municipality:\n  reminderTime: "8"\n', 'municipality.reminderTime: a time such as 08:00'],
    ['municipality:\n  timeZone: Mars/Olympus\n', 'municipality.timeZone: an IANA time zone'],
    ['committees:\n  - id: KFN\n    name: Kultur\n', 'committees.0.id: a short lower-case id'],
    ['committees:\n  - { id: kfn, name: A }\n  - { id: kfn, name: B }\n', 'committees.1.id: committee id "kfn" is used twice'],
    ['allow:\n  slackTeams: [tyreso]\n', 'allow.slackTeams.0: a Slack team id'],
    ['comittees: []\n', 'unknown field(s) comittees'],
  ])('names the field and the fix: %j', (yaml, message) => {
    const path = configFile(yaml);
    expect(() => loadConfig({ SAMVERKAN_CONFIG: path })).toThrowError(ConfigError);
    expect(() => loadConfig({ SAMVERKAN_CONFIG: path })).toThrowError(message);
  });

  it('says so when SAMVERKAN_CONFIG points nowhere, or at broken YAML', () => {
    expect(() => loadConfig({ SAMVERKAN_CONFIG: '/nonexistent/samverkan.yaml' })).toThrowError('does not exist');
    expect(() => loadConfig({ SAMVERKAN_CONFIG: configFile('municipality: [') })).toThrowError('is not valid YAML');
  });

  it('turns committee channels and the coordinator into message targets', () => {
    const { config } = loadConfig({ SAMVERKAN_CONFIG: 'samverkan.config.example.yaml' });
    const settings = municipalitySettings(config);
    expect(settings.committees.find((c) => c.id === 'ks')?.targets).toEqual([
      { kind: 'conversation', platform: 'slack', conversationId: 'C0123KS' },
      { kind: 'conversation', platform: 'teams', conversationId: '19:kommunstyrelsen@thread.tacv2' },
    ]);
    expect(settings.coordinator.targets).toHaveLength(2);
  });
});

describe('environment', () => {
  it('defaults to SQLite in data/ on port 3978 with Slack off', () => {
    const env = readEnv({});
    expect(env.DATABASE_URL).toBe('sqlite:data/samverkan.sqlite');
    expect(env.PORT).toBe(3978);
    expect(slackMode(env)).toEqual({ kind: 'off', reason: 'SLACK_BOT_TOKEN is not set' });
  });

  it('picks Slack over HTTP or Socket Mode from the tokens, and ignores empty variables', () => {
    expect(slackMode(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' })).kind).toBe('http');
    expect(slackMode(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).kind).toBe('socket');
    expect(slackMode(readEnv({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '' })).kind).toBe('off');
    expect(slackMode(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toMatchObject({ kind: 'off', reason: expect.stringContaining('SLACK_SIGNING_SECRET') });
  });

  it('refuses a DATABASE_URL it cannot use', () => {
    expect(() => readEnv({ DATABASE_URL: 'mysql://x' })).toThrowError('DATABASE_URL: sqlite:<path> or postgres://');
  });

  it('says in one line that a setting of an earlier version is obsolete, and still starts', () => {
    expect(() => readEnv({ SLACK_ANSWER_PROCESSES: '2', SLACK_ANSWER_THREADS: '1' })).not.toThrow();
    expect(obsoleteSettings({ SLACK_ANSWER_PROCESSES: '2' })).toEqual([
      'Settings: SLACK_ANSWER_PROCESSES is obsolete and ignored (slash commands are answered in the main process); remove it',
    ]);
    expect(obsoleteSettings({ SLACK_ANSWER_PROCESSES: '' })).toEqual([]);
  });
});
