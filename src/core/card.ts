/**
 * The platform-neutral message model. Workflows build Cards; the Slack adapter renders them as
 * Block Kit, the Teams adapter as Adaptive Card 1.5. Text is plain: adapters escape it.
 */
export interface Card {
  readonly title?: string;
  readonly tone?: 'info' | 'success' | 'warning' | 'error';
  readonly sections: readonly Section[];
  readonly buttons?: readonly Button[];
  /** Links the person can open (downloads, web pages); they call nothing in the bot. */
  readonly links?: readonly Link[];
  /**
   * Where the platform can ask for a fresh copy of the card whenever it is shown (Teams:
   * Adaptive Card `refresh`); the action's handler answers with the current card.
   */
  readonly refresh?: { readonly action: string; readonly value: string };
  /** A small line under the card (who, when, ids). */
  readonly context?: string;
  /** One-line summary for notifications and fallbacks. */
  readonly summary: string;
}

export type Section =
  /** `label`: the text is a label for what follows (shown bold, as its own block). */
  | { readonly type: 'text'; readonly text: string; readonly role?: 'label' }
  | { readonly type: 'facts'; readonly facts: readonly Fact[] }
  | { readonly type: 'list'; readonly items: readonly string[] }
  | { readonly type: 'divider' };

export interface Fact {
  readonly label: string;
  readonly value: string;
}

export interface Link {
  readonly label: string;
  readonly url: string;
}

export interface Button {
  /** The action name registered with the router, e.g. `deadline.done`. */
  readonly action: string;
  readonly label: string;
  /** Opaque to adapters: passed back verbatim with the action. Keep it under 2,000 characters. */
  readonly value: string;
  readonly style?: 'primary' | 'danger';
}

/** A form (Slack modal, Teams Adaptive Card form). */
export interface Form {
  /** The submit action name registered with the router, e.g. `report.submit`. */
  readonly action: string;
  readonly title: string;
  readonly submitLabel: string;
  readonly fields: readonly FormField[];
  /** Opaque to adapters: passed back with the submission. */
  readonly state: string;
  /** Per-field messages from a failed submission; the adapter shows them beside the fields. */
  readonly errors?: Readonly<Record<string, string>>;
}

export interface FormField {
  readonly id: string;
  readonly label: string;
  readonly kind: 'text' | 'multiline' | 'date' | 'number' | 'select';
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly placeholder?: string;
  readonly initial?: string;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /**
   * A picker over more items than a form can list (Slack allows 100): the options come from this
   * search (registered with the router) as the person types; `options` are only the first shown.
   */
  readonly search?: string;
}

/** One choice a search offers. */
export interface SearchOption {
  readonly value: string;
  readonly label: string;
}

export function textCard(text: string, tone: Card['tone'] = 'info'): Card {
  return { tone, sections: [{ type: 'text', text }], summary: text };
}
