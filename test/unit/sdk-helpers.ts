/** Shared helpers of the sdk-*.test.ts files (not a test file itself). */
import type { DataType, SdkFinding } from '../../src/core/types';
import type { SdkContext } from '../../src/core/sdk';

const KEYWORDS: [DataType, RegExp][] = [
  [
    'device-id',
    /imei|idfa|oaid|android ?id|mac address|device identifier|设备标识|设备信息|idfv|imsi/i,
  ],
  ['location', /location|gps|位置|定位/i],
  ['app-list', /application list|app list|installed app|应用列表|软件列表/i],
  ['network', /ip address|network|wi-?fi|网络/i],
  ['contact-info', /phone number|手机号|e-?mail/i],
];

/** A small keyword dataTypesIn, so the unit tests do not depend on the data-type rules. */
export function keywordTypes(snippet: string): DataType[] {
  return KEYWORDS.filter(([, re]) => re.test(snippet)).map(([t]) => t);
}

export function ctxFor(extra: Partial<SdkContext> = {}): SdkContext {
  return { sectionAt: () => 0, dataTypesIn: keywordTypes, ...extra };
}

/** The gold README name normalisation. */
export function normName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/sdk/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Every quote is an exact, trimmed substring of the text, at most 300 characters. */
export function badQuotes(text: string, found: SdkFinding[]): string[] {
  const bad: string[] = [];
  for (const f of found)
    for (const e of f.evidence)
      if (!text.includes(e.quote) || e.quote.length > 300 || e.quote !== e.quote.trim() || !e.quote)
        bad.push(`${f.name}: ${e.quote}`);
  return bad;
}

export function ids(found: SdkFinding[]): string[] {
  return found.map((f) => f.id ?? `?${f.name}`);
}
