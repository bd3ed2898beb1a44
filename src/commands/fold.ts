/**
 * Word comparison for command words, keys and choices: case-insensitive, and without
 * diacritics so people on keyboards without å, ä, ö can type `hjalp`, `ansok`, `nämnd` → `namnd`.
 */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Like fold, and also ignores hyphens and underscores (`twin-town`, `twintown`, `twin_town`). */
export function foldLoose(word: string): string {
  return fold(word).replace(/[-_\s]/g, '');
}
