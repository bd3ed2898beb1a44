import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { slackDriver } from '../visits/slack-driver.ts';

/** "My work" in Slack: the App Home and `mine` show open deadlines and reports owed, kept current by the outbox. */
describe.each(dialects)('Slack: my work on the App Home (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  const slack = slackDriver(() => h);
  const homeOf = (user: string) => JSON.stringify(h.slack.calls('views.publish').filter((c) => c.body.user_id === user).at(-1)?.body.view ?? {});

  it('shows deadlines and reports owed, and re-publishes the Home tab when they change', async () => {
    h = await startApp(dialect, '2026-09-01T08:00:00Z');
    await slack.openHome('U0ANNA');
    await h.slack.waitFor('views.publish', (c) => c.body.user_id === 'U0ANNA');
    expect(homeOf('U0ANNA')).toContain('Mitt arbete');
    expect(homeOf('U0ANNA')).toContain('Inga öppna frister.');

    await slack.command('frist ny "Slutrapport Nordplus" 2026-10-15');
    await slack.command('samarbete ny "Vänort Cēsis" typ=vänort nämnd=kfn');
    await slack.command('besök ny E1 ut 2026-09-07 2026-09-08 plats="Cēsis"');
    await h.tickAt('2026-09-01T08:01:00Z');
    expect(homeOf('U0ANNA')).toContain('D1 · 15 okt. 2026 · Slutrapport Nordplus');
    expect(homeOf('U0ANNA')).toContain('Inga reserapporter att lämna.');

    // The visit is over: the next morning the report is owed, on the Home tab too.
    await h.tickAt('2026-09-09T06:00:00Z');
    expect(homeOf('U0ANNA')).toContain('V1 · 7 sep. 2026 – 8 sep. 2026 · Cēsis: rapport saknas');
    const mine = await slack.command('mitt');
    expect(mine).toContain('Dina öppna frister');
    // Asked in a channel, the person's own work is shown to them alone.
    expect(mine).toContain('"response_type":"ephemeral"');
    expect(mine).toContain('D1 · 15 okt. 2026 · Slutrapport Nordplus');
    expect(mine).toContain('V1 · 7 sep. 2026 – 8 sep. 2026 · Cēsis: rapport saknas');

    // `report` without a visit lists what the person owes, a button for each.
    const owed = await slack.command('rapport');
    expect(owed).toContain('Reserapporter du ska lämna');
    expect(owed).toContain('Skriv rapport för V1');

    await slack.command('frist klar D1');
    await h.tickAt('2026-09-09T06:01:00Z');
    expect(homeOf('U0ANNA')).not.toContain('Slutrapport Nordplus');
    expect(homeOf('U0ANNA')).toContain('Inga öppna frister.');
    // Someone else's Home shows their own work, not Anna's.
    await slack.openHome('U0BERTIL');
    await h.slack.waitFor('views.publish', (c) => c.body.user_id === 'U0BERTIL');
    expect(homeOf('U0BERTIL')).not.toContain('V1');
  });
});
