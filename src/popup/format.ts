/**
 * Pure helpers behind the card view: grouping, counts, human durations,
 * e-mail requests. No DOM and no browser API, so unit tests call them directly.
 */
import {
  SDK_CATEGORIES,
  SEVERITIES,
  SHARING_FLAGS,
  type Card,
  type SdkCategory,
  type SdkFinding,
  type SensitiveFinding,
  type Severity,
  type SharingFlag,
} from '../core/types';
import { unspellEmail } from '../core/spelled-email';

export function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Sensitive findings by severity, high first; empty severities left out. */
export function bySeverity(
  items: SensitiveFinding[],
): { severity: Severity; items: SensitiveFinding[] }[] {
  return SEVERITIES.map((severity) => ({
    severity,
    items: items.filter((i) => i.severity === severity),
  })).filter((g) => g.items.length > 0);
}

/** SDKs by category, the biggest group first (catalog order on ties). */
export function byCategory(sdks: SdkFinding[]): { category: SdkCategory; items: SdkFinding[] }[] {
  return SDK_CATEGORIES.map((category) => ({
    category,
    items: sdks.filter((s) => s.category === category),
  }))
    .filter((g) => g.items.length > 0)
    .sort((a, b) => b.items.length - a.items.length);
}

export interface SharingView {
  /** Flags the policy says happen. */
  yes: SharingFlag[];
  /** Flags the policy denies (false, with denial quotes). */
  denied: SharingFlag[];
  /** Flags the policy says nothing about. */
  silent: SharingFlag[];
}

export function sharingView(sharing: Card['sharing']): SharingView {
  const yes = SHARING_FLAGS.filter((f) => sharing[f].value);
  const denied = SHARING_FLAGS.filter(
    (f) => !sharing[f].value && (sharing[f].denials?.length ?? 0) > 0,
  );
  const silent = SHARING_FLAGS.filter((f) => !yes.includes(f) && !denied.includes(f));
  return { yes, denied, silent };
}

export type DurationUnit = 'hours' | 'days' | 'weeks' | 'months' | 'years';

/**
 * A retention period (in days, as the engine stores it: month = 30, year = 365)
 * in the largest unit that divides it evenly.
 */
export function humanDuration(days: number): { n: number; unit: DurationUnit } {
  const whole = (x: number) => Math.abs(x - Math.round(x)) < 0.001;
  if (days < 1) return { n: Math.max(1, Math.round(days * 24)), unit: 'hours' };
  if (days >= 365 && whole(days / 365)) return { n: Math.round(days / 365), unit: 'years' };
  if (days >= 30 && whole(days / 30)) return { n: Math.round(days / 30), unit: 'months' };
  if (days >= 7 && whole(days / 7) && days < 30) return { n: Math.round(days / 7), unit: 'weeks' };
  return { n: Math.round(days * 10) / 10, unit: 'days' };
}

export const REQUEST_KINDS = ['optout', 'access', 'delete'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** A mailto: address with subject and body, every part percent-encoded. */
export function mailtoHref(to: string, subject: string, body: string): string {
  // '@' stays as written: mail programs expect it literally in the address part.
  const addr = encodeURIComponent(to.trim()).replace(/%40/g, '@');
  return `mailto:${addr}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** A tel: link keeping only what a dialler understands. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits}`;
}

/** Only web addresses are opened from the card. */
export function webUrl(target: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(target) ? target : `https://${target}`;
  try {
    const u = new URL(withScheme);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Is this e-mail target plausible enough to write to? */
export function isEmail(target: string): boolean {
  return /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/.test(target.trim());
}

/**
 * The address an e-mail target stands for: as written, or read from a spelled-out
 * one ("privacy [at] example [dot] com" → "privacy@example.com"); undefined when
 * it is no address.
 */
export function emailAddress(target: string): string | undefined {
  if (isEmail(target)) return target.trim();
  const plain = unspellEmail(target).trim();
  return isEmail(plain) ? plain : undefined;
}

/** The score factors of a card, when the engine kept them (cards keep them at run time). */
export interface FactorLike {
  code: string;
  points: number;
  reason: string;
}
export function factorsOf(card: Card): FactorLike[] | undefined {
  const f = (card.score as { factors?: unknown }).factors;
  if (!Array.isArray(f)) return undefined;
  return f.filter(
    (x): x is FactorLike =>
      typeof x === 'object' &&
      x !== null &&
      typeof (x as FactorLike).code === 'string' &&
      typeof (x as FactorLike).points === 'number' &&
      typeof (x as FactorLike).reason === 'string',
  );
}
