/** The sample of an analysed page that the options page can try terms on. */
import type { ExtractedPage } from '../extract/types';
import { LAST_PAGE_MAX_CHARS, type LastPageSample } from './storage';

/** The start of an analysed page's text, as the options page's rule tester keeps it. */
export function pageSample(url: string | undefined, page: ExtractedPage): LastPageSample {
  let text = '';
  for (const b of page.blocks) {
    if (text.length >= LAST_PAGE_MAX_CHARS) break;
    text += `${b.text}\n`;
  }
  return { url: url ?? '', title: page.title, text };
}
