import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, test } from 'vitest';
import { drawColorIcon, drawOutlineIcon } from '../../manifest/teams/icons.ts';
import { readdirSync } from 'node:fs';
import { PACKAGE_FILES, buildTeamsPackage, readManifest, validateManifest } from '../../manifest/teams/package.ts';
import { publisherFromEnv } from '../../manifest/teams/fill.ts';

const tyreso = publisherFromEnv(
  {
    PUBLIC_BASE_URL: 'https://samverkan.tyreso.se',
    TEAMS_PRIVACY_URL: 'https://www.tyreso.se/integritet',
    TEAMS_TERMS_URL: 'https://www.tyreso.se/villkor',
  },
  'Tyresö kommun',
);

/** The newest manifest version whose schema @microsoft/app-manifest bundles (previews aside). */
function newestBundledVersion(): string {
  const dir = new URL('../../node_modules/@microsoft/app-manifest/build/json-schemas/teams/', import.meta.url);
  const versions = readdirSync(dir).filter((v) => /^v\d+\.\d+$/.test(v)).map((v) => v.slice(1));
  return versions.sort((a, b) => {
    const [am, an] = a.split('.').map(Number);
    const [bm, bn] = b.split('.').map(Number);
    return am! - bm! || an! - bn!;
  }).at(-1)!;
}

const iconPath = (name: string): URL => new URL(`../../manifest/teams/${name}`, import.meta.url);

describe('Teams manifest', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  test('uses the newest manifest version @microsoft/app-manifest bundles, and validates against it', async () => {
    const manifest = await readManifest();
    expect(manifest.manifestVersion).toBe(newestBundledVersion());
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newestBundledVersion()}/MicrosoftTeams.schema.json`);
    expect(await validateManifest(manifest)).toEqual([]);
    // The validator really looks: a manifest with a broken id fails.
    expect((await validateManifest({ ...manifest, id: 'not-a-guid' })).length).toBeGreaterThan(0);
  });

  test('one bot in every scope, command lists within Teams’ limits', async () => {
    const manifest = await readManifest();
    const bots = manifest.bots as { scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    expect(bots).toHaveLength(1);
    expect(bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    const lists = bots[0]?.commandLists ?? [];
    expect(lists.length).toBeLessThanOrEqual(3);
    for (const list of lists) expect(list.commands.length).toBeLessThanOrEqual(10);
    expect(lists.flatMap((l) => l.commands.map((c) => c.title))).toContain('hjälp');
  });

  test('icons: color 192×192, outline 32×32 white on transparent', async () => {
    const color = PNG.sync.read(await readFile(iconPath('color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(await readFile(iconPath('outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let white = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      const transparent = a === 0;
      const opaqueWhite = a === 255 && r === 255 && g === 255 && b === 255;
      expect(transparent || opaqueWhite).toBe(true);
      if (opaqueWhite) white++;
    }
    expect(white).toBeGreaterThan(50);
  });

  test('the committed icons are what icons.ts draws', async () => {
    expect(PNG.sync.read(await readFile(iconPath('color.png'))).data.equals(drawColorIcon().data)).toBe(true);
    expect(PNG.sync.read(await readFile(iconPath('outline.png'))).data.equals(drawOutlineIcon().data)).toBe(true);
  });

  test('package:teams builds a zip with the three files at its root and the real ids', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samverkan-teams-'));
    dirs.push(dir);
    const botId = '3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    const { file } = await buildTeamsPackage({ botId, publisher: tyreso, outFile: join(dir, 'samverkan-teams.zip') });

    const zip = await JSZip.loadAsync(await readFile(file));
    expect(Object.keys(zip.files).sort()).toEqual([...PACKAGE_FILES].sort());
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown> & { id: string; bots: { botId: string }[] };
    expect(manifest.id).toBe(botId);
    expect(manifest.bots[0]?.botId).toBe(botId);
    expect(manifest.developer).toEqual({
      name: 'Tyresö kommun',
      websiteUrl: 'https://samverkan.tyreso.se',
      privacyUrl: 'https://www.tyreso.se/integritet',
      termsOfUseUrl: 'https://www.tyreso.se/villkor',
    });
    expect(manifest.validDomains).toEqual(['samverkan.tyreso.se']);
    expect(JSON.stringify(manifest)).not.toMatch(/example|Exempel/);
    expect(await validateManifest(manifest)).toEqual([]);
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect(outline.width).toBe(32);
  });

  test('refuses to build without MICROSOFT_APP_ID, with a malformed id, or with example or missing values', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samverkan-teams-'));
    dirs.push(dir);
    const botId = '3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    await expect(buildTeamsPackage({ publisher: tyreso, outFile: join(dir, 'p.zip') })).rejects.toThrow(/MICROSOFT_APP_ID is not set/);
    await expect(buildTeamsPackage({ botId: 'abc', publisher: tyreso, outFile: join(dir, 'q.zip') })).rejects.toThrow(/MICROSOFT_APP_ID must be a GUID/);
    // The built-in configuration and the example domain, as on a fresh clone.
    const fresh = publisherFromEnv({ PUBLIC_BASE_URL: 'https://samverkan.example.se' }, 'Exempelkommun');
    const refused = buildTeamsPackage({ botId, publisher: fresh, outFile: join(dir, 'r.zip') });
    await expect(refused).rejects.toThrow(/the developer name \(TEAMS_DEVELOPER_NAME, else municipality.name\) is still an example value: Exempelkommun/);
    await expect(refused).rejects.toThrow(/PUBLIC_BASE_URL is still an example value/);
    await expect(refused).rejects.toThrow(/TEAMS_PRIVACY_URL is not set/);
    await expect(buildTeamsPackage({ botId, publisher: { ...tyreso, privacyUrl: 'http://www.tyreso.se/integritet' }, outFile: join(dir, 's.zip') })).rejects.toThrow(
      /TEAMS_PRIVACY_URL must be an https:\/\/ address/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
