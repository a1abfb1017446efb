/**
 * E-mail addresses spelled out to keep robots off them: "privacy [at]
 * example.com", "dpo(at)example(dot)de", "legal (AT) example [dot] org". The
 * engine finds them and copies them as the page writes them; the popup writes
 * to the address they spell. One notation, read here for both.
 */

const OPEN = '[[(（【]';
const CLOSE = '[\\])）】]';
/** A bracketed word with optional spaces around it: " [at] ", "(dot)". */
const mark = (word: string) => ` ?${OPEN} ?${word} ?${CLOSE} ?`;

/** A spelled-out address; bounded parts and a start-of-token lookbehind keep it linear. */
export const SPELLED_EMAIL = new RegExp(
  `(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}${mark('(?:at|AT|At)')}` +
    `[A-Za-z0-9-]{1,63}(?:(?:\\.|${mark('(?:dot|DOT|Dot)')})[A-Za-z0-9-]{1,63}){1,6}(?![A-Za-z])`,
  'g',
);

/** The cheap pre-test: a sentence without a bracketed "at" holds no spelled address. */
export const SPELLED_AT = new RegExp(`${OPEN} ?at ?${CLOSE}`, 'i');

const AT_MARK = new RegExp(mark('at'), 'gi');
const DOT_MARK = new RegExp(mark('dot'), 'gi');

/** The address a spelled-out one stands for ("privacy [at] example [dot] com" → "privacy@example.com"). */
export function unspellEmail(written: string): string {
  return written.replace(AT_MARK, '@').replace(DOT_MARK, '.');
}
