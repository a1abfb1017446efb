/**
 * Hostile and odd pages (test/fixtures/hostile/pages.ts) through what the
 * extension runs on them without a browser: extractPage -> detectPolicy ->
 * analyze. Pages that need a real browser (shadow roots built by script, a
 * page that keeps changing) are covered in test/e2e/robust-chromium.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { detectPolicy } from '../../src/core/detect';
import type { Card } from '../../src/core/types';
import { cardQuotes } from '../../src/eval/corpus';
import { extractPage } from '../../src/extract';
import {
  chinesePolicy,
  encodeGbk,
  englishPolicy,
  HIDDEN_MARKERS,
  HOSTILE_TEXT,
  hostilePages,
} from '../fixtures/hostile/pages';

const BASE = 'http://127.0.0.1:8000/hostile/';
const schema = JSON.parse(readFileSync('../shared/spec/card.schema.json', 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);

/** Decode served bytes as a browser would: the header's charset, else the <meta>. */
function decodeServed(body: Buffer, contentType: string): string {
  const header = /charset=([\w-]+)/i.exec(contentType)?.[1];
  const meta = /<meta charset="([\w-]+)"/i.exec(body.toString('latin1'))?.[1];
  return new TextDecoder(header ?? meta ?? 'utf-8').decode(body);
}

function linkedom(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function happy(html: string): Document {
  const window = new Window({ url: BASE, settings: { disableJavaScriptEvaluation: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

function pageHtml(name: string): string {
  const p = hostilePages()[name];
  if (!p) throw new Error(`no hostile page ${name}`);
  return decodeServed(p.body, p.contentType);
}

/** The whole pipeline the popup runs; the card must be valid and quote only the page. */
function run(doc: Document, name: string) {
  const page = extractPage(doc, { url: BASE + name });
  const detection = detectPolicy({ title: page.title, url: BASE + name, blocks: page.blocks });
  const card: Card = analyze({ blocks: page.blocks, title: page.title, url: BASE + name });
  expect(validate(card), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const text = page.blocks.map((b) => b.text).join('\n');
  for (const q of cardQuotes(card)) expect(text).toContain(q.quote);
  return { page, detection, card, text };
}

describe('hostile pages: extraction and analysis without a browser', () => {
  it('page text that looks like markup stays text, quoted as written', () => {
    for (const load of [linkedom, happy]) {
      const { page, detection, card, text } = run(load(pageHtml('inert-text')), 'inert-text');
      expect(detection.isPolicy).toBe(true);
      expect(text).toContain(HOSTILE_TEXT.script);
      expect(text).toContain(HOSTILE_TEXT.img);
      expect(text).toContain(HOSTILE_TEXT.lookAlike);
      expect(text).toContain(HOSTILE_TEXT.rtl);
      // The heading with a "<script>" in it is a heading, text and all.
      expect(page.blocks.some((b) => b.kind === 'heading' && b.text.includes('<script>'))).toBe(
        true,
      );
      // javascript: links are never offered as a policy link to open.
      expect(page.policyLinks.every((l) => /^https?:/.test(l.href))).toBe(true);
      const quotes = cardQuotes(card).map((q) => q.quote);
      expect(quotes.some((q) => q.includes('<script>') || q.includes('<img'))).toBe(true);
    }
  });

  it('hidden elements, <noscript>, <template>, SVG text and aria-hidden boxes are not read', () => {
    for (const load of [linkedom, happy]) {
      const { detection, text } = run(load(pageHtml('hidden-bits')), 'hidden-bits');
      expect(detection.isPolicy).toBe(true);
      for (const marker of HIDDEN_MARKERS) expect(text).not.toContain(marker);
      expect(text).toContain(englishPolicy().paragraphs[0]);
    }
  });

  it('a policy split across table cells is read cell by cell, every paragraph whole', () => {
    const { page, detection, card } = run(linkedom(pageHtml('table-policy')), 'table-policy');
    expect(detection.isPolicy).toBe(true);
    const rows = page.blocks.filter((b) => b.kind === 'table-row');
    expect(rows.length).toBe(Math.ceil(englishPolicy().paragraphs.length / 2));
    const text = rows.map((r) => r.text).join('\n');
    for (const p of englishPolicy().paragraphs) expect(text).toContain(p);
    expect(card.sensitiveData.length).toBeGreaterThan(0);
  });

  it('3 000 levels of nesting: the policy at the bottom is read', () => {
    // linkedom only: happy-dom's getComputedStyle walks every ancestor, which
    // makes 3 000 levels take minutes there; Chromium is tested end to end.
    const { detection, text, card } = run(linkedom(pageHtml('deep-nesting')), 'deep-nesting');
    expect(detection.isPolicy).toBe(true);
    for (const p of englishPolicy().paragraphs) expect(text).toContain(p);
    expect(card.sensitiveData.length).toBeGreaterThan(0);
  });

  it('50 000 elements: every word is read once, in order', () => {
    const { text, detection } = run(linkedom(pageHtml('many-elements')), 'many-elements');
    expect(detection.isPolicy).toBe(true);
    expect(text).toContain(englishPolicy().paragraphs[1]);
  });

  it('5 MB of policy text: cut at the 5 000 000 character cap with a warning, still a card', () => {
    const { page, detection, card } = run(linkedom(pageHtml('big-text')), 'big-text');
    expect(detection.isPolicy).toBe(true);
    const total = page.blocks.reduce((n, b) => n + b.text.length, 0);
    expect(total).toBeLessThanOrEqual(5_000_000);
    expect(total).toBeGreaterThan(4_999_000);
    expect(page.warnings.some((w) => w.includes('5,000,000'))).toBe(true);
    expect(card.sensitiveData.length).toBeGreaterThan(0);
  });

  it('an empty body gives no blocks and is not taken for a policy', () => {
    for (const load of [linkedom, happy]) {
      const { page, detection } = run(load(pageHtml('empty-body')), 'empty-body');
      expect(page.blocks).toEqual([]);
      expect(detection.isPolicy).toBe(false);
    }
  });

  it('GBK bytes with a GBK charset decode to the Chinese policy', () => {
    const { detection, text } = run(
      linkedom(pageHtml('gbk-bytes-gbk-header')),
      'gbk-bytes-gbk-header',
    );
    expect(detection.isPolicy).toBe(true);
    const zh = chinesePolicy().paragraphs.find((p) => /[\u4e00-\u9fff]/.test(p))!;
    expect(text).toContain(zh);
  });

  it('mislabelled encodings give garbled text but no throw, and a valid card', () => {
    for (const name of ['gbk-meta-utf8-bytes', 'gbk-bytes-utf8-header']) {
      const html = pageHtml(name);
      // The decoding really is wrong: the Chinese title does not survive.
      expect(html).not.toContain('<title>隐私政策</title>');
      for (const load of [linkedom, happy]) run(load(html), name);
    }
  });

  it('the GBK encoder round-trips the Chinese policy text', () => {
    const text = chinesePolicy().paragraphs.slice(0, 5).join('\n');
    expect(new TextDecoder('gbk').decode(encodeGbk(text))).toBe(text);
  });
});

describe('hostile DOM shapes built in place', () => {
  it('text nodes and elements added or removed during extraction do not break the walk', () => {
    // A getter on a text node that mutates the tree mid-walk stands in for a page script.
    const { document } = parseHTML(
      `<main><h1>Privacy Policy</h1>${englishPolicy()
        .paragraphs.map((p) => `<p>${p}</p>`)
        .join('')}</main>`,
    );
    const main = document.querySelector('main')!;
    const first = main.querySelector('p')!;
    let calls = 0;
    const text = first.firstChild!;
    const value = text.nodeValue;
    Object.defineProperty(text, 'nodeValue', {
      get() {
        calls++;
        main.appendChild(document.createElement('p')).textContent = 'Added while reading.';
        main.lastElementChild?.previousElementSibling?.remove();
        return value;
      },
    });
    const page = extractPage(document as unknown as Document);
    expect(calls).toBeGreaterThan(0);
    expect(page.blocks.length).toBeGreaterThan(1);
  });
});
