/**
 * Splits command text into positional words and `key=value` pairs.
 * Quotes: straight `"`, the typographic “ ” „ that Slack, Teams and Swedish keyboards produce
 * (Swedish writes ” on both sides), and « ». A quote opened with one of the double quotes closes
 * with any of them, so “text” and ”text” and "text” all work; « closes with ».
 */
export type Token =
  | { readonly kind: 'word'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'pair'; readonly key: string; readonly value: string; readonly quoted: boolean };

export interface Tokenized {
  readonly tokens: readonly Token[];
  /** A quote was opened and never closed; the tokens before it are still returned. */
  readonly unterminated: boolean;
}

const doubleQuotes = '"“”„‟';
const guillemets = '«»';
// Zero-width characters that pasted text and some clients leave between words.
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g;
const keyPattern = /^\p{L}[\p{L}\p{N}_-]*$/u;
// Slack and the Teams adapter write mentions and links as <@U123|Anna Svensson>, which may hold spaces.
const bracketed = ['<@', '<mailto:', '<http'];

export function tokenize(input: string): Tokenized {
  // JavaScript's \s covers the non-breaking and other Unicode spaces.
  const text = input.replace(invisible, '').replace(/\s+/g, ' ').trim();
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ') {
      i++;
      continue;
    }
    let value = '';
    let quotedAt = -1;
    while (i < text.length && text[i] !== ' ') {
      const ch = text[i] as string;
      if (doubleQuotes.includes(ch) || guillemets.includes(ch)) {
        const closers = doubleQuotes.includes(ch) ? doubleQuotes : '»';
        let end = i + 1;
        while (end < text.length && !closers.includes(text[end] as string)) end++;
        if (quotedAt < 0) quotedAt = value.length;
        value += text.slice(i + 1, end);
        if (end >= text.length) {
          tokens.push(makeToken(value, quotedAt));
          return { tokens, unterminated: true };
        }
        i = end + 1;
      } else if (bracketed.some((b) => text.startsWith(b, i)) && text.indexOf('>', i) > 0) {
        const end = text.indexOf('>', i) + 1;
        value += text.slice(i, end);
        i = end;
      } else {
        value += ch;
        i++;
      }
    }
    tokens.push(makeToken(value, quotedAt));
  }
  return { tokens, unterminated: false };
}

function makeToken(raw: string, quotedAt: number): Token {
  const quoted = quotedAt >= 0;
  const eq = raw.indexOf('=');
  // `title="a=b"` is a pair whose value holds "=", while `"a=b"` alone is a quoted word.
  if (eq > 0 && (!quoted || eq < quotedAt) && keyPattern.test(raw.slice(0, eq))) {
    return { kind: 'pair', key: raw.slice(0, eq), value: raw.slice(eq + 1).trim(), quoted };
  }
  return { kind: 'word', text: quoted ? raw.trim() : raw, quoted };
}

/** The token as the person typed it, near enough to quote back in an error. */
export function tokenText(token: Token): string {
  return token.kind === 'word' ? token.text : `${token.key}=${token.value}`;
}
