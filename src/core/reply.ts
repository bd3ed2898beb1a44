import type { Card, Form } from './card.ts';
import type { BotError } from './errors.ts';
import type { MessageRef } from './notifier.ts';

/** What the person who typed a command gets back, on the request itself. */
export type Reply =
  /**
   * `personal`: a view of one person's own work, for their eyes only even when asked in a channel
   * (Slack: ephemeral; Teams, which has no such messages, points to the personal chat instead).
   */
  | { readonly kind: 'card'; readonly card: Card; readonly visibility: 'private' | 'public' | 'personal' }
  | { readonly kind: 'form'; readonly form: Form }
  | { readonly kind: 'error'; readonly error: BotError }
  /** A document for the person (CSV export, annual report): uploaded in Slack, a download link in Teams. */
  | { readonly kind: 'file'; readonly card: Card; readonly files: readonly FileAttachment[] }
  /**
   * Work that takes a while (a document rendered off the event loop): the person sees `notice` at
   * once, privately, and then the reply `result` settles to. The Bot makes sure it never rejects.
   */
  | { readonly kind: 'pending'; readonly notice: Card; readonly result: Promise<SettledReply> };

/** A reply that is there now. */
export type SettledReply = Exclude<Reply, { readonly kind: 'pending' }>;

export interface FileAttachment {
  /** File name shown to the person, e.g. `arsrapport-2026.docx`. */
  readonly name: string;
  readonly mimeType: string;
  readonly data: Uint8Array;
}

export const privateCard = (card: Card): Reply => ({ kind: 'card', card, visibility: 'private' });
export const publicCard = (card: Card): Reply => ({ kind: 'card', card, visibility: 'public' });
export const personalCard = (card: Card): Reply => ({ kind: 'card', card, visibility: 'personal' });
export const errorReply = (error: BotError): SettledReply => ({ kind: 'error', error });

/** A button press, after the adapter has taken it apart. */
export interface ActionInput {
  readonly name: string;
  readonly value: string;
  /** The message that holds the button, when the platform says which. */
  readonly source?: MessageRef;
}

/** What a button press does to the pressing person's view. */
export interface ActionOutcome {
  /** Replace the card that holds the button (for everyone who sees that message). */
  readonly replace?: Card;
  /** A reply only the presser sees. */
  readonly reply?: Reply;
  /** Open a form (Slack modal, Teams card form). */
  readonly form?: Form;
}

export interface FormInput {
  readonly name: string;
  readonly state: string;
  readonly values: Readonly<Record<string, string>>;
  /**
   * For a form that stands for a command (registered with `{ command }`): the values read by
   * that command's own argument table, people resolved, or the per-field errors.
   */
  readonly command?: FormCommandRead;
}

export type FormCommandRead =
  | { readonly ok: true; readonly args: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/** A form submission either closes with a reply or comes back with field errors and what was typed. */
export type FormOutcome =
  | { readonly kind: 'done'; readonly reply?: Reply; readonly replace?: Card }
  | { readonly kind: 'invalid'; readonly form: Form };
