/**
 * Navigation and menu text that pages glue to a policy ("Home Advertising Blog
 * Jobs FAQ Contact", "3. USE OF ANALYZING, ADVERTISING AND OTHER TOOLS"): a run
 * of capitalised words with no verb is a label, not a statement of practice.
 */
const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'or',
  'of',
  'the',
  'to',
  'for',
  'in',
  'on',
  '&',
  '-',
  '|',
  '/',
]);

export function isNavLike(sentence: string): boolean {
  if (/[\u4e00-\u9fff]/.test(sentence)) return false;
  // Cheap exit: ordinary prose has many words starting in lower case.
  let lower = 0;
  let wordCount = 0;
  for (let i = 0; i < sentence.length; i++) {
    if (i === 0 || sentence.charCodeAt(i - 1) === 32) {
      wordCount++;
      const c = sentence.charCodeAt(i);
      if (c >= 97 && c <= 122) lower++;
    }
  }
  if (wordCount >= 4 && lower * 4 > wordCount) return false;
  const words = sentence
    .replace(/[^\p{L}\p{N}&|/' -]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()) && !/^\d+$/.test(w));
  if (words.length < 4) return false;
  const capital = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capital / words.length >= 0.75;
}

/**
 * A site's menu glued to the policy, read as one sentence ("Shop All Sports
 * Cycling, Exercise… Bike Bikes…"); a table row ("Device Permission | Location
 * permission") is no menu.
 */
export function isMenuText(sentence: string): boolean {
  return !sentence.includes(' | ') && !sentence.includes('\t') && isNavLike(sentence);
}

/** Words read on each side of a term by inMenuRun. */
const MENU_WINDOW = 3;

function nearWords(words: string[]): string[] {
  return words.filter((w) => w !== '').slice(0, MENU_WINDOW);
}

/**
 * Is text[start, end) one item of a menu glued into a longer sentence ("Sign
 * up Open menu Terms Privacy Community Merchant Advertising Developers
 * Copyright", "Toggle navigation HOME ADVERTISING BLOG JOBS")? The words on
 * each side, with no punctuation between them, are capitalised (one lower-case
 * word aside, for the menu's own label). Lists of product names ("Google Ads,
 * Facebook Pixel") have commas and are not menus; prose has lower-case words.
 */
export function inMenuRun(
  text: string,
  from: number,
  to: number,
  start: number,
  end: number,
): boolean {
  const first = text.charCodeAt(start);
  // Most terms start in lower case: answer those without a regular expression.
  if (first < 128 ? first < 65 || first > 90 : !/^\p{Lu}/u.test(text.slice(start, end)))
    return false;
  const before = text.slice(Math.max(from, start - 60), start).split(/\s+/);
  const after = text.slice(end, Math.min(to, end + 60)).split(/\s+/);
  // The slices cut the term's own word (or the space after it) off at the ends.
  before.pop();
  after.shift();
  const around = [...nearWords(before.reverse()), ...nearWords(after)];
  if (around.length < 2 * MENU_WINDOW - 1) return false;
  let lower = 0;
  for (const w of around) {
    if (/[,;:.()!?"“”]/.test(w)) return false;
    if (!SMALL_WORDS.has(w.toLowerCase()) && !/^[\p{Lu}\d]/u.test(w)) lower++;
  }
  return lower <= 1;
}
