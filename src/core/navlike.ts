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
