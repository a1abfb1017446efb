/** Whitespace that collapsing would change: a run of two, or any space but " ". */
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;

/**
 * Whitespace runs as one space, trimmed. Most texts of a page need no change,
 * and a test is far cheaper than the copy a replace makes of every one.
 */
export function collapse(s: string): string {
  return (NEEDS_COLLAPSE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();
}
