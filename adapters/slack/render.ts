import type { types } from '@slack/bolt';
import type { Button, Card, Section } from '../../src/core/card.ts';
import type { Translate } from '../../src/i18n/index.ts';
import { chunk, clip, clipPlain, escapeMrkdwn } from './text.ts';

type KnownBlock = types.KnownBlock;

/** A Card as Slack wants it: `text` is the notification and screen-reader fallback. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** Block Kit limits (https://docs.slack.dev/reference/block-kit). */
export const blockKitLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  contextText: 3000,
  buttonText: 75,
  buttonsPerActions: 25,
  fallbackText: 3000,
} as const;

const toneEmoji: Record<NonNullable<Card['tone']>, string> = {
  info: '',
  success: '✅ ',
  warning: '⚠️ ',
  error: '❌ ',
};

/**
 * A button's action_id: the router's action name plus its position, because Slack requires
 * action_ids to be unique within a message and one card may offer the same action twice.
 */
export function actionIdFor(action: string, index: number): string {
  return `${action}:${index}`;
}

/** The router's action name from an action_id made by `actionIdFor`. */
export function actionNameOf(actionId: string): string {
  return actionId.replace(/:\d+$/, '');
}

export function renderCard(card: Card, t: Translate): SlackMessage {
  const emoji = toneEmoji[card.tone ?? 'info'];
  const content: KnownBlock[] = [];
  if (card.title) {
    content.push({ type: 'header', text: { type: 'plain_text', text: clipPlain(emoji + card.title, blockKitLimits.headerText), emoji: true } });
  }
  card.sections.forEach((section, i) => {
    // Without a title the tone shows on the first text.
    const prefix = !card.title && i === 0 && section.type === 'text' ? emoji : '';
    content.push(...renderSection(section, prefix));
  });

  const tail: KnownBlock[] = [];
  if (card.links?.length) {
    // Plain mrkdwn links: a URL button would still send an interaction the bot must answer.
    content.push(...textBlocks(card.links.map((l) => `<${l.url}|${escapeMrkdwn(l.label)}>`).join('\n'), ''));
  }
  if (card.context) tail.push(contextBlock(escapeMrkdwn(card.context)));
  tail.push(...renderButtons(card.buttons ?? []));

  const room = blockKitLimits.blocksPerMessage - tail.length;
  const body = content.length > room ? [...content.slice(0, room - 1), contextBlock(escapeMrkdwn(t('slack.truncated')))] : content;
  const fallback = card.summary || card.title || firstText(card) || ' ';
  return { text: clip(escapeMrkdwn(fallback), blockKitLimits.fallbackText), blocks: [...body, ...tail] };
}

function renderSection(section: Section, prefix: string): KnownBlock[] {
  switch (section.type) {
    case 'text':
      return textBlocks(section.role === 'label' ? `*${escapeMrkdwn(section.text)}*` : escapeMrkdwn(section.text), prefix);
    case 'list':
      return textBlocks(section.items.map((item) => `• ${escapeMrkdwn(item)}`).join('\n'), prefix);
    case 'divider':
      return [{ type: 'divider' }];
    case 'facts': {
      const fields = section.facts.map((fact) => ({
        type: 'mrkdwn' as const,
        text: clip(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, blockKitLimits.fieldText),
      }));
      const blocks: KnownBlock[] = [];
      for (let i = 0; i < fields.length; i += blockKitLimits.fieldsPerSection) {
        blocks.push({ type: 'section', fields: fields.slice(i, i + blockKitLimits.fieldsPerSection) });
      }
      return blocks;
    }
  }
}

function textBlocks(escaped: string, prefix: string): KnownBlock[] {
  if (escaped.trim() === '') return [];
  return chunk(prefix + escaped, blockKitLimits.sectionText).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

function contextBlock(escaped: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(escaped, blockKitLimits.contextText) }] };
}

function renderButtons(buttons: readonly Button[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  for (let start = 0; start < buttons.length; start += blockKitLimits.buttonsPerActions) {
    const elements = buttons.slice(start, start + blockKitLimits.buttonsPerActions).map((button, offset) => ({
      type: 'button' as const,
      action_id: actionIdFor(button.action, start + offset),
      text: { type: 'plain_text' as const, text: clipPlain(button.label, blockKitLimits.buttonText), emoji: true },
      value: button.value,
      ...(button.style ? { style: button.style } : {}),
    }));
    blocks.push({ type: 'actions', elements });
  }
  return blocks;
}

function firstText(card: Card): string | undefined {
  const section = card.sections.find((s) => s.type === 'text');
  return section?.type === 'text' ? section.text : undefined;
}

/** True for the placeholder card the core returns when an action has nothing to say. */
export function isEmptyCard(card: Card): boolean {
  return !card.title && card.sections.length === 0 && !card.buttons?.length && !card.summary;
}
