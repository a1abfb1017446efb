/**
 * npm run -s gen:locales — writes public/_locales/zh_TW/messages.json from the
 * Simplified Chinese messages (see scripts/zh-tw-locale.ts). Edit zh_CN, then
 * run this; do not edit zh_TW by hand.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { zhTwCatalogText } from './zh-tw-locale';

const from = new URL('../public/_locales/zh_CN/messages.json', import.meta.url);
const dir = new URL('../public/_locales/zh_TW/', import.meta.url);
mkdirSync(dir, { recursive: true });
const text = zhTwCatalogText(readFileSync(from, 'utf8'));
writeFileSync(new URL('messages.json', dir), text);
console.log(
  `public/_locales/zh_TW/messages.json: ${Object.keys(JSON.parse(text)).length} messages`,
);
