/**
 * The popup renders page text as text: a quote, title or SDK name full of
 * markup stays characters on screen and never becomes elements. Also a scan
 * of the UI and content code for HTML-injection sinks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { Card } from '../../src/core/types';

vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' } },
}));
const { CardView } = await import('../../src/popup/CardView');

const EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>';
const flag = { value: false, evidence: [] };

function card(): Card {
  return {
    schemaVersion: 1,
    source: { url: 'https://evil.example/privacy', title: `Policy ${EVIL}` },
    language: 'en',
    detection: { isPolicy: true, confidence: 0.9, signals: [] },
    sections: [{ heading: 'Data', level: 2, topic: 'collection', start: 0, end: 10 }],
    sensitiveData: [
      {
        type: 'location',
        party: 'first',
        severity: 'high',
        evidence: [{ quote: `We collect ${EVIL}`, section: 0 }],
      },
    ],
    sdks: [
      {
        name: `SDK ${EVIL}`,
        category: 'ads',
        dataTypes: ['device-id'],
        evidence: [{ quote: EVIL, section: 0 }],
      },
    ],
    retention: {
      summary: 'stated-period',
      statements: [{ kind: 'stated-period', days: 30, evidence: [{ quote: EVIL, section: 0 }] }],
    },
    optOut: [
      {
        kind: 'email',
        target: `<a href="javascript:alert(3)">x</a>`,
        evidence: [{ quote: EVIL, section: 0 }],
      },
    ],
    sharing: {
      advertising: { value: true, evidence: [{ quote: EVIL, section: 0 }] },
      sale: {
        value: false,
        evidence: [],
        denials: [{ quote: 'We do not sell data.', section: 0 }],
      },
      crossBorder: flag,
      affiliates: flag,
      publicDisclosure: flag,
    },
    score: { grade: 'D', points: 40, reasons: [EVIL] },
  };
}

describe('CardView', () => {
  it('shows markup from the page as text, never as elements', () => {
    const window = new Window();
    const root = window.document.createElement('div');
    window.document.body.appendChild(root);
    // Every area open: every quote and name is drawn.
    render(h(CardView, { card: card(), expanded: true }), root as unknown as Element);
    for (const tag of ['img', 'script', 'b', 'a']) {
      expect(root.querySelectorAll(tag).length, tag).toBe(0);
    }
    expect(root.querySelector('[data-testid="policy-title"]')?.textContent).toBe(`Policy ${EVIL}`);
    expect(root.querySelector('[data-area="sdks"] .item-name')?.textContent).toBe(`SDK ${EVIL}`);
    expect(root.querySelectorAll('blockquote').length).toBe(6);
    const quotes = [...root.querySelectorAll('blockquote')].map((q) => q.textContent ?? '');
    expect(quotes.filter((q) => q.includes(EVIL))).toHaveLength(5);
    expect(quotes).toContain('We do not sell data.');
    expect(root.querySelector('.grade')?.textContent).toBe('D');
    expect(root.querySelector('.meta .site')?.textContent).toBe('evil.example');
  });

  it('says "Not stated" for every empty area', () => {
    const window = new Window();
    const root = window.document.createElement('div');
    const empty: Card = {
      ...card(),
      sensitiveData: [],
      sdks: [],
      retention: { summary: 'not-stated', statements: [] },
      optOut: [],
      sharing: {
        advertising: flag,
        sale: flag,
        crossBorder: flag,
        affiliates: flag,
        publicDisclosure: flag,
      },
    };
    render(h(CardView, { card: empty }), root as unknown as Element);
    const areas = [...root.querySelectorAll('[data-area]')];
    expect(areas.map((a) => a.getAttribute('data-area'))).toEqual([
      'sensitive',
      'sdks',
      'retention',
      'optout',
      'sharing',
    ]);
    for (const a of areas) expect(a.querySelector('.not-stated')?.textContent).toBe('notStated');
  });
});

describe('no HTML-injection sinks in UI and page code', () => {
  const dirs = [
    'src/popup',
    'src/options',
    'src/content',
    'src/extract',
    'src/background',
    'src/platform',
  ];
  const root = join(import.meta.dirname, '../..');
  const files = dirs.flatMap((d) =>
    readdirSync(join(root, d), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => join(root, d, f)),
  );

  it('has files to scan', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  for (const file of files) {
    it(`${file.slice(root.length + 1)} uses none`, () => {
      const src = readFileSync(file, 'utf8');
      expect(src).not.toMatch(
        /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(/,
      );
    });
  }
});
