import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppHarness } from '../support/app-harness.ts';
import { fill, findChromium, launchChromium, PlaygroundPage, type Browser } from './browser.ts';
import { playgroundUsers, startPlayground, type Playground } from './playground.ts';

/**
 * Samverkan in the Microsoft 365 Agents Playground, a Teams-like client, in headless Chromium:
 * what a coordinator and a board member see and press, asserted on the text the page shows.
 * Alex Wilber (coordinator) and Megan Bowen (the board's approver) each have a Playground of
 * their own, as two people have two Teams clients. Screenshots of failures go to
 * test/playground/screenshots (not committed).
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const chromiumPath = findChromium();
const config = parse(readFileSync(join(here, 'samverkan.playground.yaml'), 'utf8')) as object;
const shots = join(here, 'screenshots');

// .ci/run installs Debian's chromium; only a machine without it skips, and says so.
describe.skipIf(!chromiumPath)('Agents Playground in Chromium (skipped: no chromium; apt-get install chromium)', () => {
  let h: AppHarness;
  let browser: Browser;
  let alexPlayground: Playground;
  let meganPlayground: Playground;
  let alex: PlaygroundPage;
  let megan: PlaygroundPage;

  beforeAll(async () => {
    h = await startApp('sqlite', '2026-11-23T09:00:00Z', config);
    const users = playgroundUsers();
    const messages = `${h.baseUrl}/api/messages`;
    [alexPlayground, meganPlayground] = await Promise.all([startPlayground(messages), startPlayground(messages, users.megan)]);
    browser = await launchChromium(chromiumPath!);
    alex = new PlaygroundPage(await browser.context.newPage());
    megan = new PlaygroundPage(await browser.context.newPage());
    await alex.open(alexPlayground.url);
    await megan.open(meganPlayground.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([alexPlayground?.close(), meganPlayground?.close()]);
    await h?.close();
  });

  afterEach(async (context) => {
    // PLAYGROUND_SCREENSHOTS=all keeps every step's view, for a person to look the cards over.
    if (context.task.result?.state !== 'fail' && process.env.PLAYGROUND_SCREENSHOTS !== 'all') return;
    mkdirSync(shots, { recursive: true });
    const name = context.task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    await alex?.page.screenshot({ path: join(shots, `${name}-alex.png`), fullPage: true });
    await megan?.page.screenshot({ path: join(shots, `${name}-megan.png`), fullPage: true });
  });

  /** With PLAYGROUND_SCREENSHOTS=all, a view of both pages at a step worth looking at. */
  async function snap(step: string): Promise<void> {
    if (process.env.PLAYGROUND_SCREENSHOTS !== 'all') return;
    mkdirSync(shots, { recursive: true });
    await alex.page.screenshot({ path: join(shots, `step-${step}-alex.png`) });
    await megan.page.screenshot({ path: join(shots, `step-${step}-megan.png`) });
  }

  it('help shows the syntax placeholders', async () => {
    await alex.openChat('Personal Chat');
    await alex.say('hjälp frist ny');
    const card = await alex.cardWith('Hjälp: frist ny');
    expect(await card.innerText()).toContain('frist ny "‹titel›" ‹datum› [‹tid›] [samarbete=‹id›] [ägare=‹person›]');
    await alex.say('hjälp frist skjut');
    expect(await (await alex.cardWith('Hjälp: frist skjut')).innerText()).toContain('frist skjut ‹id› ‹n›d');
  });

  it('an engagement by form: an invalid country is named, then the form gives way to the result', async () => {
    await alex.say('samarbete ny');
    const form = await alex.cardWith('Nytt samarbete');
    await fill(form, 'Samarbetets namn', 'Vänort Cēsis');
    await fill(form, 'Typ', 'vänort');
    await fill(form, 'Nämnd', 'Kultur- och fritidsnämnden');
    await fill(form, 'Land', 'XX');
    await form.getByRole('button', { name: 'Registrera' }).click();
    await expect.poll(() => form.innerText(), { timeout: 15_000 }).toContain('”XX” är ingen landskod enligt ISO 3166');
    await snap('engagement-form-invalid');
    await fill(form, 'Land', 'LV');
    await form.getByRole('button', { name: 'Registrera' }).click();
    const added = await alex.cardWith('Samarbete E1 registrerat: Vänort Cēsis.');
    expect(await added.innerText()).not.toContain('ingen landskod');
    expect(await alex.visibleText()).not.toContain('Land (två bokstäver');
  });

  it('a deadline is added, and nothing is reminded before its day', async () => {
    await alex.say('frist ny "Slutrapport ICLD" 2026-12-18 påminn=7');
    await alex.cardWith('Frist D1 registrerad: Slutrapport ICLD, sista dag 18 dec. 2026.');
    await h.tickAt('2026-11-23T09:01:00Z');
    expect(await alex.visibleText()).not.toContain('ska vara klar om');
  });

  it('an application is approved in the board’s channel by the board member, with a reference', async () => {
    // Megan has the board's channel open in her own Playground, which is a service of its own: the
    // bot posts the board's card to the service it heard the channel from. (With one Playground,
    // as in the README, the card reaches the channel unopened: the bot posts in every channel of
    // a team it is in.) Alex applies from the personal chat.
    await megan.openChat('Kommunstyrelsen');
    await megan.waitForLog('conversationUpdate 200', 2);
    await alex.say('ansök E1 ICLD belopp=250000');
    await alex.cardWith('Ansökan A1 är registrerad och skickad till Kommunstyrelsen för beslut.');
    await h.tickAt('2026-11-23T09:02:00Z');
    const request = await megan.cardWith('Godkännande att ansöka: A1');
    await request.getByRole('button', { name: 'Godkänn' }).click();
    const decision = await megan.cardWith('Beslutsreferens');
    await fill(decision, 'Beslutsreferens', 'KS § 45, 2026.112');
    await decision.getByRole('button', { name: 'Registrera beslut' }).click();
    const decided = await megan.cardWith('KS § 45, 2026.112');
    expect(await decided.innerText()).toContain('Megan Bowen');
    expect(await decided.getByRole('button', { name: 'Godkänn' }).count()).toBe(0);
    // What the decision sends on (to Alex, the coordinator) leaves now, not late after the next jump of the clock.
    await h.tickAt('2026-11-23T09:05:00Z');
  });

  it('a visit report is written in its form after the visit and filed', async () => {
    await alex.say('besök ny E1 ut 2026-11-24 2026-11-26 plats="Cēsis"');
    await alex.cardWith('Besök V1 registrerat');
    // The morning after the visit the lead is asked for the report in the personal chat.
    await h.tickAt('2026-11-27T07:00:00Z');
    const prompt = await alex.cardWith('Skriv rapport');
    await prompt.getByRole('button', { name: 'Skriv rapport' }).click();
    const form = await alex.cardWith('Reserapport V1');
    await fill(form, 'Syfte med besöket', 'Följa upp samarbetet om äldreomsorg.');
    await fill(form, 'Vad som gjordes', 'Studiebesök på två äldreboenden.');
    await fill(form, 'Deltagare', 'Alex Wilber, Anna Ek');
    await fill(form, 'Resultat', 'Gemensam plan för personalutbyte.');
    await fill(form, 'Kostnader', '18 500 kr');
    await form.getByRole('button', { name: 'Lämna in' }).click();
    const filed = await alex.cardWith('Inlämnad av Alex Wilber');
    expect(await alex.visibleText()).not.toContain('Skickad sent');
    const text = await filed.innerText();
    // Label and text on lines of their own, not one run-on line.
    expect(text).toMatch(/Syfte med besöket\s*\n+\s*Följa upp samarbetet om äldreomsorg\./);
  });

  it('the deadline’s reminder comes, and Done replaces it', async () => {
    await h.tickAt('2026-12-11T07:00:00Z');
    const reminder = await alex.cardWith('”Slutrapport ICLD” ska vara klar om 7 dagar.');
    expect(await reminder.innerText()).toContain('Påminnelse D1');
    // Snoozed, the reminder stays a reminder with its buttons, and says when the next one comes.
    await reminder.getByRole('button', { name: 'Skjut upp 1 dag' }).click();
    const snoozed = await alex.cardWith('nästa påminnelse för D1 kommer 14 dec. 2026 08:00');
    expect(await snoozed.innerText()).toContain('”Slutrapport ICLD” ska vara klar om 7 dagar.');
    await snap('snoozed');
    await snoozed.getByRole('button', { name: 'Klar' }).click();
    const done = await alex.cardWith('markerades som klar av Alex Wilber');
    expect(await done.innerText()).toContain('Frist D1 klar');
    expect(await done.getByRole('button', { name: 'Klar' }).count()).toBe(0);
  });

  it('the annual report: said to be on its way at once, then its files as download links', async () => {
    await alex.openChat('Personal Chat');
    await alex.say('årsrapport 2026');
    await alex.cardWith('Årsrapporten för 2026 tas fram');
    // Rendered in a worker thread, the report comes as a message of its own.
    const ready = await alex.cardWith('Årsrapporten för 2026 är klar');
    await snap('annual-report');
    const links = await ready.getByRole('link').allInnerTexts();
    expect(links.join(' ')).toContain('arsrapport-2026.docx');
  });
});
