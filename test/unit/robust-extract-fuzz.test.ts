/**
 * extractPage on random, broken HTML (unclosed and misnested tags, odd
 * attributes, frames, tables without rows, headings inside cells, raw text
 * elements, stray entities) under linkedom: it never throws, every block is
 * trimmed text of a known kind, and the size cap always holds.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract';

const TAGS = [
  'p',
  'div',
  'span',
  'h1',
  'h3',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'td',
  'th',
  'pre',
  'br',
  'a',
  'main',
  'article',
  'nav',
  'header',
  'footer',
  'iframe',
  'frame',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'dialog',
  'details',
  'x-policy',
  'textarea',
  'plaintext',
  'xmp',
];
const ATTRS = [
  '',
  ' hidden',
  ' aria-hidden="true"',
  ' style="display:none"',
  ' style="visibility:hidden !important"',
  ' role="main"',
  ' role="navigation"',
  ' href="javascript:alert(1)"',
  ' href="/privacy"',
  ' href="http://[::1"',
  ' src="https://other.example/"',
  ' srcdoc="<p>inner</p>"',
  ' open',
  ' lang="zh"',
];
const TEXTS = [
  'Privacy Policy',
  'We collect your email address.',
  '我们收集您的手机号码。',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp;&#0;&#xD800;&bogus;',
  '\u202E\u200B\uFEFF',
  '   \n\t ',
  '隐私政策',
  '𝒳😀👩‍👩‍👧',
  '<',
  '>',
  '"',
];

const piece = fc.oneof(
  fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS)).map(([t, a]) => `<${t}${a}>`),
  fc.constantFrom(...TAGS).map((t) => `</${t}>`),
  fc.constantFrom(...TEXTS),
  fc.string({ maxLength: 20 }),
);
const html = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(''));

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const KINDS = new Set(['heading', 'paragraph', 'list-item', 'table-row', 'pre']);

describe('extractPage on random broken HTML', () => {
  it('never throws, gives trimmed blocks of known kinds, and keeps the cap', () => {
    fc.assert(
      fc.property(html, fc.integer({ min: 1, max: 400 }), (source, maxChars) => {
        const { document } = parseHTML(`<!doctype html><html><body>${source}</body></html>`);
        const page = extractPage(document as unknown as Document, {
          url: 'http://127.0.0.1/page',
          maxChars,
        });
        let total = 0;
        for (const b of page.blocks) {
          expect(KINDS.has(b.kind)).toBe(true);
          expect(b.text.length).toBeGreaterThan(0);
          expect(b.text).toBe(b.text.trim());
          expect(b.text).not.toMatch(LONE_SURROGATE);
          total += b.text.length;
        }
        expect(total).toBeLessThanOrEqual(maxChars);
        for (const l of page.policyLinks) expect(l.href).toMatch(/^https?:\/\//);
      }),
      { numRuns: 1500 },
    );
  });

  it('text that sits only inside script, style, template or hidden boxes is never read', () => {
    const hiders = [
      ['<script>', '</script>'],
      ['<style>', '</style>'],
      ['<template>', '</template>'],
      ['<noscript>', '</noscript>'],
      ['<div hidden>', '</div>'],
      ['<div style="display:none">', '</div>'],
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...hiders), html, ([open, close], around) => {
        const { document } = parseHTML(`<!doctype html><html><body>${around}</body></html>`);
        const box = document.createElement('div');
        box.innerHTML = `${open}SECRETMARKER${close}`;
        document.body.appendChild(box);
        const page = extractPage(document as unknown as Document);
        expect(page.blocks.some((b) => b.text.includes('SECRETMARKER'))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
