import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (which brings no browser of its own). `.ci/run`
 * installs the `chromium` package; CHROMIUM_PATH points elsewhere when it lives elsewhere.
 */
export function findChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  // A fresh profile each run, and nothing that reaches out to the network on its own.
  const profile = mkdtempSync(join(tmpdir(), 'samverkan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One person's Playground tab: the chat they are in, what they type, the cards they see. */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByText('Log Panel').waitFor();
  }

  /** A chat in the left rail: "Personal Chat", or a channel by name ("Kommunstyrelsen"). */
  async openChat(name: string): Promise<void> {
    await this.page.getByText(name, { exact: true }).first().click();
    await this.editor().waitFor();
  }

  /** Types a message as the person would, and waits until the bot has answered it. */
  async say(text: string): Promise<void> {
    const before = await this.cards().count();
    await this.editor().click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.page.getByText(text, { exact: true }).last().waitFor();
    await this.waitForCards(before + 1);
  }

  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  lastCard(): Locator {
    return this.cards().last();
  }

  /** The text of the whole conversation pane as the person sees it. */
  async visibleText(): Promise<string> {
    return this.page.locator('body').innerText();
  }

  async waitForCards(count: number): Promise<void> {
    // A string runs in the page, where `document` is; this file is compiled without the DOM types.
    await this.page.waitForFunction(`document.querySelectorAll('.ac-adaptiveCard').length >= ${count}`, undefined, { timeout: 15_000 });
  }

  /** Waits until some card shows `text`, and returns that card. */
  async cardWith(text: string): Promise<Locator> {
    const card = this.cards().filter({ hasText: text }).last();
    await card.waitFor({ timeout: 15_000 });
    return card;
  }

  /** Waits until the Playground's log panel shows `text` at least `times` times. */
  async waitForLog(text: string, times: number): Promise<void> {
    await this.page.waitForFunction(`document.body.innerText.split(${JSON.stringify(text)}).length - 1 >= ${times}`, undefined, { timeout: 15_000 });
  }

  private editor(): Locator {
    return this.page.locator('[data-lexical-editor="true"]');
  }
}

/** Fills an Adaptive Card input by its label, whatever kind of input it is. */
export async function fill(card: Locator, label: string, value: string): Promise<void> {
  const input = card.getByLabel(label, { exact: false }).first();
  const tag = await input.evaluate((e) => e.tagName.toLowerCase());
  if (tag === 'select') await input.selectOption({ label: value });
  else await input.fill(value);
}
