/**
 * Slack mrkdwn text helpers. Card text is plain; Slack reads `&`, `<` and `>` as markup, so they
 * are escaped, except for the few Slack tokens a card may carry on purpose: user mentions
 * (`<@U…>`, `<@U…|name>`, which is how `/samverkan` delivers `@name` with should_escape),
 * channel links and user group mentions. Broadcasts (`<!channel>`, `<!here>`) are escaped.
 */

const keptTokens = /<(?:@[UW][A-Z0-9]+|#C[A-Z0-9]+|!subteam\^[A-Z0-9]+)(?:\|[^<>]*)?>/g;

export function escapeMrkdwn(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(keptTokens)) {
    // A person's mention carries their name for other platforms; Slack shows its own display name.
    const token = match[0].startsWith('<@') ? match[0].replace(/\|[^<>]*>$/, '>') : match[0];
    out += escapeSpecials(text.slice(last, match.index)) + token;
    last = match.index + match[0].length;
  }
  return out + escapeSpecials(text.slice(last));
}

function escapeSpecials(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The longest prefix of `text` of at most `max` characters that does not end inside an entity
 * (`&amp;`) or a kept token (`<@U…>`), so a cut never breaks the markup.
 */
function safePrefixLength(text: string, max: number): number {
  if (text.length <= max) return text.length;
  let cut = max;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && !text.slice(amp, cut).includes(';')) cut = amp;
  const open = text.lastIndexOf('<', cut - 1);
  if (open >= 0 && !text.slice(open, cut).includes('>')) cut = open;
  return cut > 0 ? cut : max;
}

/** Shortens already escaped text to `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, safePrefixLength(text, max - 1)).trimEnd()}…`;
}

/** Splits already escaped text into pieces of at most `max` characters, at line or word ends. */
export function chunk(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const limit = safePrefixLength(rest, max);
    const window = rest.slice(0, limit);
    const newline = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    const at = newline > max / 2 ? newline : space > max / 2 ? space : limit;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Plain text fields (headers, button labels, modal titles) are not escaped, only shortened. */
export function clipPlain(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Slack escapes `&`, `<` and `>` in slash-command text; the grammar wants what the person typed. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
