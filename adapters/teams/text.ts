/**
 * Teams reads Adaptive Card text (and invoke message text) as markdown with HTML in it, and
 * silently drops anything that looks like a tag: `<id>`, `<titel>`, `<MM-DD>`. Entities such as
 * `&lt;` are not a way out either, because the Teams clients decode them differently. So text
 * that would read as a tag is shown with single guillemets instead (`‹id›`), which every client
 * prints as they are. Slack needs no such change: its renderer escapes `<` itself.
 */

// A bracketed run on one line that starts right after the `<`, as a tag does: `<id>`,
// `<ut|in>`, `</b>`; `3 < 5 > 2` is no tag.
const BRACKETED = /<([^<>\s][^<>\n]*)>/g;
// A lone `<` that a client could still take for the start of a tag.
const TAG_START = /<(?=[A-Za-z/!?])/g;

// A Slack person in card text (src/core/format.ts personLabel): Teams shows the name, or the
// Slack id when the bot never learnt a name; never the markup.
const SLACK_MENTION = /<@([UW][A-Z0-9]+)(?:\|([^<>]*))?>/g;

export function teamsText(text: string): string {
  if (!text.includes('<')) return text;
  return text
    .replace(SLACK_MENTION, (_all, id: string, name: string | undefined) => name?.trim() || `@${id}`)
    .replace(BRACKETED, '‹$1›')
    .replace(TAG_START, '‹');
}
