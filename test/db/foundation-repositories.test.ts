import { afterEach, describe, expect, it } from 'vitest';
import { KyselyConversationStore, KyselyDirectory } from '../../db/repositories/people.ts';
import { unitOfWork } from '../../db/repositories/index.ts';
import { dialects, migratedStore } from '../support/databases.ts';

const now = () => '2026-11-23T09:00:00.000Z';

describe.each(dialects)('foundation repositories on %s', (dialect) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('the directory remembers people and finds them by e-mail and name, keeping what a later request leaves out', async () => {
    const { store, close: c } = await migratedStore(dialect);
    close = c;
    const directory = new KyselyDirectory(store.db, now);
    await directory.remember({ platform: 'teams', tenantId: 't1', userId: '29:anna', name: 'Anna Andersson', email: 'Anna@Tyreso.se', aadObjectId: 'aad-1' });
    // A later request without the e-mail (Slack commands carry none) must not erase it.
    await new KyselyDirectory(store.db, now).remember({ platform: 'teams', tenantId: 't1', userId: '29:anna', name: 'Anna A.' });
    expect(await directory.findByEmail('teams', 'anna@tyreso.se')).toEqual({
      platform: 'teams',
      tenantId: 't1',
      userId: '29:anna',
      name: 'Anna A.',
      email: 'anna@tyreso.se',
      aadObjectId: 'aad-1',
    });
    expect(await directory.findByName('teams', 'anna a.')).toHaveLength(1);
    expect(await directory.findByEmail('slack', 'anna@tyreso.se')).toBeUndefined();
  });

  it('conversation references are replaced, and a person’s latest personal chat is found', async () => {
    const { store, close: c } = await migratedStore(dialect);
    close = c;
    let t = 0;
    const conversations = new KyselyConversationStore(store.db, () => `2026-11-23T09:00:0${t++}.000Z`);
    await conversations.save({ platform: 'teams', tenantId: 't1', conversationId: 'a:1', userId: '29:anna', reference: '{"v":1}' });
    await conversations.save({ platform: 'teams', tenantId: 't1', conversationId: 'a:1', userId: '29:anna', reference: '{"v":2}' });
    await conversations.save({ platform: 'teams', tenantId: 't1', conversationId: '19:chan', reference: '{"c":1}' });
    expect((await conversations.get('teams', 'a:1'))?.reference).toBe('{"v":2}');
    expect((await conversations.personalFor('teams', '29:anna'))?.conversationId).toBe('a:1');
    expect(await conversations.personalFor('teams', '29:nobody')).toBeUndefined();
    // The most recently seen conversation of a tenant, for opening new personal chats there.
    expect((await conversations.anyInTenant('teams', 't1'))?.conversationId).toBe('19:chan');
    expect(await conversations.anyInTenant('teams', 't2')).toBeUndefined();
  });

  it('a failed unit of work leaves nothing behind', async () => {
    const { store, close: c } = await migratedStore(dialect);
    close = c;
    const uow = unitOfWork(store.db, now);
    const anna = { platform: 'slack' as const, tenantId: 'T1', userId: 'U1' };
    await expect(
      uow.run(async (repos) => {
        await repos.engagements.insert({ title: 'Halv', type: 'twin-town', committeeId: 'kfn', status: 'idea', createdBy: anna, createdAt: now() });
        await repos.outbox.enqueue([{ kind: 'x', dueAt: now() }]);
        throw new Error('outage halfway');
      }),
    ).rejects.toThrow('outage halfway');
    expect(await store.db.selectFrom('engagements').select('id').execute()).toEqual([]);
    expect(await store.db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });

  it('lists open deadlines soonest first, by owner and committee', async () => {
    const { store, close: c } = await migratedStore(dialect);
    close = c;
    const { read } = unitOfWork(store.db, now);
    const anna = { platform: 'slack' as const, tenantId: 'T1', userId: 'U1' };
    const bertil = { platform: 'slack' as const, tenantId: 'T1', userId: 'U2' };
    const base = { remindDays: [7], channels: [], createdAt: now(), createdBy: anna };
    await read.deadlines.insert({ ...base, title: 'Sen', dueDate: '2027-02-01', dueAt: '2027-02-01T23:00:00.000Z', owner: anna, committeeId: 'kfn' });
    await read.deadlines.insert({ ...base, title: 'Tidig', dueDate: '2027-01-10', dueAt: '2027-01-10T23:00:00.000Z', owner: bertil, committeeId: 'ks' });
    const done = await read.deadlines.insert({ ...base, title: 'Klar', dueDate: '2027-01-01', dueAt: '2027-01-01T23:00:00.000Z', owner: anna });
    expect(await read.deadlines.markDone(done.id, anna, now())).toBe(true);
    expect(await read.deadlines.markDone(done.id, bertil, now())).toBe(false);
    expect((await read.deadlines.listOpen({ limit: 10 })).map((d) => d.title)).toEqual(['Tidig', 'Sen']);
    expect((await read.deadlines.listOpen({ ownerKey: 'slack:T1:U1', limit: 10 })).map((d) => d.title)).toEqual(['Sen']);
    expect((await read.deadlines.listOpen({ committeeId: 'ks', limit: 10 })).map((d) => d.title)).toEqual(['Tidig']);
  });
});
