import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { loadConfig } from '../../src/config/load.ts';
import { publisherFromEnv, withPublisher, type Publisher } from './fill.ts';

/**
 * Builds the Teams app package (`npm run package:teams`): manifest.json with the real ids, and
 * both icons, at the root of a zip that is uploaded in Teams (Apps → Manage your apps) or in
 * the Teams admin center. The manifest is validated against Microsoft's schema first.
 */

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/** The placeholders in manifest.json. */
export const PLACEHOLDER_APP_ID = '00000000-0000-4000-a000-00000000a991';
export const PLACEHOLDER_BOT_ID = '00000000-0000-4000-b000-00000000b07a';
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

export interface PackageOptions {
  /** The bot's Microsoft App ID (MICROSOFT_APP_ID). Replaces the bot id, and the app id unless `teamsAppId` is given. */
  readonly botId?: string;
  /** A separate Teams app id (TEAMS_APP_ID), when the app and the bot registration differ. */
  readonly teamsAppId?: string;
  /** The municipality's name, pages and domain; every one is required and none may be an example. */
  readonly publisher: Publisher;
  /** Default `build/samverkan-teams.zip` at the repository root. */
  readonly outFile?: string;
}

export interface PackageResult {
  readonly file: string;
  readonly manifest: Record<string, unknown>;
}

const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

export async function readManifest(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(resolve(here, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

/** Schema errors of a manifest, empty when it is valid. Uses the schema bundled with the package (offline). */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest);
}

export function withIds(manifest: Record<string, unknown>, botId?: string, teamsAppId?: string): Record<string, unknown> {
  for (const [name, id] of [
    ['MICROSOFT_APP_ID', botId],
    ['TEAMS_APP_ID', teamsAppId],
  ] as const) {
    if (id !== undefined && !GUID.test(id)) throw new Error(`${name} must be a GUID, got "${id}"`);
  }
  const appId = teamsAppId ?? botId;
  const bots = (manifest.bots as Record<string, unknown>[] | undefined) ?? [];
  return {
    ...manifest,
    ...(appId ? { id: appId } : {}),
    bots: bots.map((bot) => (botId ? { ...bot, botId } : bot)),
  };
}

export async function buildTeamsPackage(options: PackageOptions): Promise<PackageResult> {
  if (!options.botId) throw new Error('MICROSOFT_APP_ID is not set: the package needs the bot registration\'s id (the manifest holds a placeholder)');
  const manifest = withPublisher(withIds(await readManifest(), options.botId, options.teamsAppId), options.publisher);
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new Error(`manifest/teams/manifest.json does not validate:\n${errors.join('\n')}`);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const icon of ['color.png', 'outline.png'] as const) zip.file(icon, await readFile(resolve(here, icon)));
  const file = options.outFile ?? resolve(root, 'build/samverkan-teams.zip');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { file, manifest };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const botId = process.env.MICROSOFT_APP_ID?.trim() || undefined;
  const teamsAppId = process.env.TEAMS_APP_ID?.trim() || undefined;
  // The built-in configuration's name is an example too, and refused as one.
  const publisher = (): Publisher => publisherFromEnv(process.env, loadConfig().config.municipality.name);
  Promise.resolve()
    .then(() => buildTeamsPackage({ ...(botId ? { botId } : {}), ...(teamsAppId ? { teamsAppId } : {}), publisher: publisher() }))
    .then(
      ({ file }) => console.log(`wrote ${file}`),
      (err: unknown) => {
        console.error(err instanceof Error ? err.message : err);
        process.exitCode = 1;
      },
    );
}
