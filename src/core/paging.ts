import type { Button, Card, Section } from './card.ts';
import type { Translate } from '../i18n/index.ts';

/**
 * Lists never stop silently: each says how many rows there are, which of them it shows, and
 * offers the next page (a button, or `page=N` / `sida=N` on the command).
 */
export interface Page {
  /** 1-based page number. */
  readonly number: number;
  readonly size: number;
  readonly total: number;
}

/** The rows a page asks the repository for. A page past the end is the last page. */
export function pageWindow(requested: number | undefined, size: number, total: number): Page & { readonly offset: number } {
  const last = Math.max(1, Math.ceil(total / size));
  const number = Math.min(Math.max(1, requested ?? 1), last);
  return { number, size, total, offset: (number - 1) * size };
}

/** "Öppna frister: 301 (visar 1–50)"; all of them when they fit on one page: "Öppna frister: 12". */
export function pageHeadline(title: string, page: Page, shown: number, t: Translate): string {
  if (page.total <= page.size && page.number === 1) return t('list.count', { title, total: page.total });
  const from = (page.number - 1) * page.size + 1;
  return t('list.countShowing', { title, total: page.total, from, to: from + shown - 1 });
}

export function hasNextPage(page: Page): boolean {
  return page.number * page.size < page.total;
}

/** The "Next page" button; `value` carries the list's filter and the page it opens. */
export function nextPageButton(action: string, filter: Readonly<Record<string, string>>, page: Page, t: Translate): Button[] {
  if (!hasNextPage(page)) return [];
  return [{ action, label: t('list.nextPage', { page: page.number + 1 }), value: JSON.stringify({ ...filter, page: page.number + 1 }) }];
}

/** Reads a pressed "Next page" button's value back; anything else is page 1 with no filter. */
export function readPageValue(value: string): { readonly page: number; readonly filter: Readonly<Record<string, string>> } {
  try {
    const parsed = JSON.parse(value) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { page: 1, filter: {} };
    const filter: Record<string, string> = {};
    let page = 1;
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (k === 'page' && typeof v === 'number' && Number.isSafeInteger(v) && v > 0) page = v;
      else if (typeof v === 'string') filter[k] = v;
    }
    return { page, filter };
  } catch {
    return { page: 1, filter: {} };
  }
}

export function headlineSection(text: string): Section {
  return { type: 'text', text };
}

/**
 * A list card: the headline with how many there are and which it shows, the page's rows, and the
 * "Next page" button (with a hint for `sida=N`) when there are more. `action` is the button's
 * action, registered with the router; `filter` is what the next page keeps.
 */
export function pagedListCard(
  list: { readonly title: string; readonly items: readonly string[]; readonly action: string; readonly filter?: Readonly<Record<string, string>> },
  page: Page,
  t: Translate,
): Card {
  const headline = pageHeadline(list.title, page, list.items.length, t);
  const buttons = nextPageButton(list.action, list.filter ?? {}, page, t);
  return {
    title: list.title,
    summary: headline,
    sections: [{ type: 'text', text: headline }, { type: 'list', items: list.items }],
    ...(buttons.length ? { buttons, context: t('list.pageHint', { page: page.number + 1 }) } : {}),
  };
}
