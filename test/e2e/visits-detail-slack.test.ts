import { afterEach, describe, expect, it } from 'vitest';
import { e2eConfig, startApp, type AppHarness } from '../support/app-harness.ts';
import { dialects } from '../support/databases.ts';
import { goodReport, slackDriver } from '../visits/slack-driver.ts';

const withBoard = {
  ...e2eConfig,
  governance: { preset: 'tyreso', bodies: [{ id: 'ks', kind: 'board', name: 'Kommunstyrelsen', channel: { slack: 'C0KS' }, approvers: { slack: ['U0BERTIL'] } }] },
};

/** `engagement <id>` gathers what every workflow knows about it: deadlines, visits, reports, applications, decisions. */
describe.each(dialects)('Slack: the engagement detail view (%s)', (dialect) => {
  let h: AppHarness;
  afterEach(async () => h?.close());
  const slack = slackDriver(() => h);

  it('shows its deadlines, visits, reports, applications and the board’s decision', async () => {
    h = await startApp(dialect, '2026-09-01T08:00:00Z', withBoard);
    await slack.command('samarbete ny "Partnerskap Theewaterskloof" typ=partnerskap nämnd=kfn partner="Theewaterskloof" land=ZA finansiär=ICLD');
    await slack.command('frist ny "Slutrapport ICLD" 2026-12-15 samarbete=E1');
    await slack.command('besök ny E1 ut 2026-08-24 2026-08-28 plats="Caledon"');
    await slack.command('ansök E1 "ICLD" belopp=250000');
    await h.tickAt('2026-09-01T08:01:00Z');
    const request = slack.postedTo('C0KS').find((m) => m.all.includes('Godkänn'));
    const decide = await slack.pressForModal(request?.blocks, 'Godkänn', 'U0BERTIL');
    expect(await slack.submit(decide, { reference: 'KS § 45, 2026.112', comment: '' }, 'U0BERTIL')).toBe('');
    const report = await slack.command('rapport V1');
    expect(await slack.submit(JSON.parse(report).view, goodReport)).toBe('');

    const detail = await slack.command('samarbete E1');
    for (const line of [
      'D1 · 15 dec. 2026 · Slutrapport ICLD',
      'V1 · resa ut · 24 aug. 2026 – 28 aug. 2026 · Caledon',
      'Rapport om V1, version 1',
      'A1 · ICLD · 250\u00a0000 kr · godkänd att söka',
      'Kommunstyrelsen · godkänt · KS § 45, 2026.112 (A1)',
    ]) {
      expect(detail).toContain(line);
    }
  });
});
