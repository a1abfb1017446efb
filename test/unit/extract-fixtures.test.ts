/**
 * extractPage() on the committed HTML fixtures, under both DOMs the project
 * uses without a browser: linkedom (the CLI) and happy-dom.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const BASE = 'http://127.0.0.1:8000';

function html(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
}

const DOMS = {
  linkedom: (source: string) => parseHTML(source).document as unknown as Document,
  'happy-dom': (source: string) => {
    const window = new Window({ url: BASE, settings: { disableJavaScriptEvaluation: true } });
    window.document.write(source);
    return window.document as unknown as Document;
  },
} as const;

function titleOf(source: string): string {
  return /<title>([^<]*)<\/title>/.exec(source)?.[1]?.replace(/&amp;/g, '&').trim() ?? '';
}

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004'];

for (const [domName, load] of Object.entries(DOMS)) {
  describe(`extractPage on policy fixtures (${domName})`, () => {
    for (const name of SEEDS) {
      it(`reads ${name}: title, language, headings, only the policy text`, () => {
        const source = html(name);
        const page = extractPage(load(source), { url: `${BASE}/${name}.html` });
        expect(page.title).toBe(titleOf(source));
        expect(page.lang).toBe(/<html lang="([^"]+)"/.exec(source)?.[1]);
        const headings = page.blocks.filter((b) => b.kind === 'heading');
        expect(headings.length).toBeGreaterThan(0);
        expect(headings[0]?.level).toBe(1);
        for (const b of page.blocks) {
          expect(b.text).toBe(b.text.trim());
          if (b.kind !== 'pre') expect(b.text).not.toMatch(/\s{2,}|\n/);
        }
        const all = page.blocks.map((b) => b.text).join('\n');
        // Page chrome, scripts and the hidden cookie banner are left out.
        expect(all).not.toContain('window.__analytics');
        expect(all).not.toMatch(/This site uses cookies|本网站使用 Cookie/);
        expect(all).not.toMatch(/Related documents|相关文档/);
        expect(all).not.toMatch(/© 2024/);
        expect(page.blocks.some((b) => /^(Home|首页)$/.test(b.text))).toBe(false);
        expect(page.warnings).toEqual([]);
      });
    }

    it('keeps every paragraph of a seed, word for word (seed-003)', () => {
      const seed = readFileSync(
        join(import.meta.dirname, '../../../shared/seeds/003_e9d209c28fbad905.txt'),
        'utf8',
      );
      const page = extractPage(load(html('seed-003')));
      const text = page.blocks.map((b) => b.text).join('\n');
      const paragraphs = seed
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 80 && !l.startsWith('#'));
      expect(paragraphs.length).toBeGreaterThan(3);
      for (const p of paragraphs) {
        const plain = p.replace(/^\d+\.\s*/, '').replace(/\s+/g, ' ');
        expect(text).toContain(plain);
      }
    });

    it('turns key/value runs into table rows and "- " lines into list items', () => {
      const page = extractPage(load(html('seed-001')));
      const rows = page.blocks.filter((b) => b.kind === 'table-row');
      expect(rows.some((r) => r.text === 'Partner Name | Umeng SDK')).toBe(true);
      expect(rows.some((r) => r.text === 'Partner Name | Pangle')).toBe(true);
      const items = extractPage(load(html('seed-000'))).blocks.filter(
        (b) => b.kind === 'list-item',
      );
      expect(items.map((i) => i.text)).toContain('Learn and manage account;');
    });

    for (const [name, policy] of [
      ['news-article', 'seed-003.html'],
      ['shop-product', 'seed-000.html'],
      ['login', 'seed-002.html'],
    ] as const) {
      it(`finds the policy link on ${name}`, () => {
        const page = extractPage(load(html(name)), { url: `${BASE}/${name}.html` });
        expect(page.policyLinks.map((l) => l.href)).toContain(`${BASE}/${policy}`);
        expect(page.blocks.length).toBeGreaterThan(0);
      });
    }
  });
}

describe('linkedom and happy-dom agree', () => {
  for (const name of SEEDS) {
    it(`gives the same blocks for ${name}`, () => {
      const a = extractPage(DOMS.linkedom(html(name)));
      const b = extractPage(DOMS['happy-dom'](html(name)));
      expect(b.blocks).toEqual(a.blocks);
    });
  }
});
