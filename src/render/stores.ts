import { openStore, type Store, type StoreLocation } from '../../db/connect.ts';
import { KyselyAnnualRounds, KyselyReportSources } from '../../db/repositories/reporting.ts';
import type { AnnualFactsReader } from '../../workflows/reporting/document/facts.ts';

/**
 * A render thread's own read-only connection to the bot's database, opened by its first job that
 * reads and kept for the thread's life (a thread ends after a minute without jobs, and with it the
 * connection). Reading the year here, not on the event loop, is what keeps a large municipality's
 * annual report from stalling everyone else's commands.
 */
const open = new Map<string, Store>();

function storeAt(location: StoreLocation): Store {
  const key = `${location.url}\u0000${location.options.schema ?? ''}`;
  let store = open.get(key);
  if (!store) {
    store = openStore(location.url, { ...location.options, poolSize: 1, readOnly: true });
    open.set(key, store);
  }
  return store;
}

export function readerAt(location: StoreLocation): AnnualFactsReader {
  const { db } = storeAt(location);
  return { reportSources: new KyselyReportSources(db), annualRounds: new KyselyAnnualRounds(db, () => new Date().toISOString()) };
}
