/**
 * Opt-out target matching, as the scoring table of ../shared/gold/README.md
 * says: e-mail and URL equal (case, scheme, `www.` and a trailing `/`
 * ignored), phone equal in digits, any other target sharing at least half of
 * its words (Chinese: character pairs).
 *
 * "Half of their words" is read as: the words both targets share number at
 * least half of the GOLD target's distinct words. The gold target is the
 * reference, so a card target that copies a longer stretch of the route
 * still matches, and a card target that only repeats one common word of a
 * long gold route does not.
 */
import type { OptOutKind } from '../core/types';

export type TargetRule = 'email' | 'url' | 'phone' | 'words';

const EMAIL_SHAPE = /^(mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/i;
const URL_SHAPE = /^([a-z][a-z0-9+.-]*:\/\/|www\.)\S+$|^[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*$/i;
const PHONE_SHAPE = /^\+?[\d\s\-().]{6,}$/;

/** The rule that compares a gold target: by the path's kind, else by the target's shape. */
export function targetRule(kind: OptOutKind | string, goldTarget: string): TargetRule {
  if (kind === 'email' || kind === 'url' || kind === 'phone') return kind;
  const t = goldTarget.normalize('NFKC').trim();
  if (EMAIL_SHAPE.test(t)) return 'email';
  if (URL_SHAPE.test(t)) return 'url';
  if (PHONE_SHAPE.test(t)) return 'phone';
  return 'words';
}

export function normaliseEmail(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');
}

export function normaliseUrl(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

export function phoneDigits(s: string): string {
  return s.normalize('NFKC').replace(/\D/g, '');
}

const TOKEN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

/** Distinct words of a target: Latin words and numbers as they are, Chinese runs as character pairs. */
export function targetWords(s: string): Set<string> {
  const words = new Set<string>();
  for (const m of s.normalize('NFKC').toLowerCase().matchAll(TOKEN)) {
    const han = m[1];
    if (han !== undefined) {
      const chars = [...han];
      if (chars.length === 1) words.add(han);
      for (let i = 0; i + 1 < chars.length; i++) words.add(chars[i]! + chars[i + 1]!);
    } else if (m[2] !== undefined) {
      words.add(m[2]);
    }
  }
  return words;
}

/** Whether a card target matches a gold target for a path of this kind. */
export function targetsMatch(
  kind: OptOutKind | string,
  goldTarget: string,
  cardTarget: string | undefined,
): boolean {
  if (cardTarget === undefined || cardTarget.trim() === '') return false;
  switch (targetRule(kind, goldTarget)) {
    case 'email':
      return normaliseEmail(goldTarget) === normaliseEmail(cardTarget);
    case 'url':
      return normaliseUrl(goldTarget) === normaliseUrl(cardTarget);
    case 'phone': {
      const g = phoneDigits(goldTarget);
      return g.length > 0 && g === phoneDigits(cardTarget);
    }
    case 'words': {
      const gold = targetWords(goldTarget);
      if (gold.size === 0) return goldTarget.trim() === cardTarget.trim();
      const card = targetWords(cardTarget);
      let shared = 0;
      for (const w of gold) if (card.has(w)) shared++;
      return shared >= 0.5 * gold.size;
    }
  }
}

export interface OptOutLike {
  kind: string;
  target?: string;
}

/** Whether a card path matches a gold path: same kind, and the target when the gold has one. */
export function optOutMatches(gold: OptOutLike, card: OptOutLike): boolean {
  if (gold.kind !== card.kind) return false;
  if (gold.target === undefined || gold.target.trim() === '') return true;
  return targetsMatch(gold.kind, gold.target, card.target);
}
