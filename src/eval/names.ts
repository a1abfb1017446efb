/**
 * SDK name matching, exactly as the scoring table of ../shared/gold/README.md
 * says: names are normalised (lower case, full-width to half-width, the word
 * "sdk" and all spaces and punctuation removed); two names match when equal,
 * or when one contains the other and the shorter has at least 4 Latin letters
 * or 2 CJK characters.
 */

/**
 * Normalise an SDK name. NFKC turns full-width forms into half-width ones.
 * Every "sdk" is removed, also when glued to the name ("UmengSDK", "+SDK"),
 * since in SDK names it is always that word; then everything that is not a
 * letter or a digit goes.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/sdk/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const LATIN = /[a-z]/g;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

function countMatches(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Whether a (normalised) name is long enough to match by containment. */
export function isDistinctive(normalised: string): boolean {
  return countMatches(normalised, LATIN) >= 4 || countMatches(normalised, CJK) >= 2;
}

export type NameMatch = 'exact' | 'contains' | null;

/** Compare two normalised names. */
export function compareNormalised(a: string, b: string): NameMatch {
  if (a.length === 0 || b.length === 0) return null;
  if (a === b) return 'exact';
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (longer.includes(shorter) && isDistinctive(shorter)) return 'contains';
  return null;
}

/**
 * Best match between any of a card entry's names and any of a gold entry's
 * names: 'exact' beats 'contains'.
 */
export function matchNames(cardNames: readonly string[], goldNames: readonly string[]): NameMatch {
  let best: NameMatch = null;
  const gold = goldNames.map(normaliseName);
  for (const raw of cardNames) {
    const card = normaliseName(raw);
    for (const g of gold) {
      const m = compareNormalised(card, g);
      if (m === 'exact') return 'exact';
      if (m === 'contains') best = 'contains';
    }
  }
  return best;
}
