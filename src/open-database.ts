import { openStore, type Store } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { migrateAsOwner } from '../db/roles.ts';
import { StartupError, reasonOf } from './startup-error.ts';

/**
 * Opens DATABASE_URL (or takes the given store) and migrates it, as the owner role when
 * DATABASE_OWNER_URL is set (PostgreSQL: the bot's own role then only gets grants). A database
 * that cannot be opened or reached is a StartupError naming it, without its password.
 */
export async function openDatabase(given: Store | undefined, url: string, ownerUrl?: string): Promise<{ store: Store; applied: string[] }> {
  let store: Store | undefined = given;
  try {
    store ??= openStore(url);
    return { store, applied: ownerUrl ? await migrateAsOwner(ownerUrl, store) : await migrateToLatest(store) };
  } catch (err) {
    if (!given) await store?.close().catch(() => undefined);
    const where = store?.description ?? url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1@');
    throw new StartupError(`Samverkan: cannot use the database ${where}: ${reasonOf(err)} (DATABASE_URL)`, { cause: err });
  }
}
