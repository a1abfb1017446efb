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
  const words = sentence
    .replace(/[^\p{L}\p{N}&|/' -]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()) && !/^\d+$/.test(w));
  if (words.length < 4) return false;
  const capital = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capital / words.length >= 0.75;
}
