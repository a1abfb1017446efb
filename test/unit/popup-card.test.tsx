/**
 * The popup's card components under happy-dom: counts first, grouping by
 * severity and category, "Not stated", human durations, opt-out routes and
 * e-mail requests, translated reasons, and page text kept as text.
 */
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { Card, Evidence } from '../../src/core/types';

// Messages as the real en catalog has them, formatted the way browser.i18n does.
const en = (await import('../../public/_locales/en/messages.json', { with: { type: 'json' } }))
  .default as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      getMessage: (key: string, subs: string[] = []) => {
        const e = en[key];
        if (!e) return '';
        return e.message.replace(/\$([A-Za-z0-9_]+)\$/g, (w, name: string) => {
          const c = e.placeholders?.[name.toLowerCase()]?.content;
          return c ? c.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '') : w;
        });
      },
      getUILanguage: () => 'en',
    },
  },
}));
const { CardView } = await import('../../src/popup/CardView');
const { humanDuration, mailtoHref, byCategory, bySeverity, emailAddress } =
  await import('../../src/popup/format');
const { requestMail } = await import('../../src/popup/OptOutItem');

const ev = (quote: string): Evidence[] => [{ quote, section: 0 }];
const no = { value: false, evidence: [] };

function card(): Card {
  return {
    schemaVersion: 1,
    source: { url: 'https://shop.example/privacy', title: 'Shop Privacy Policy' },
    language: 'en',
    analyzedAt: '2026-11-23T10:00:00.000Z',
    detection: { isPolicy: true, confidence: 0.9, signals: [] },
    sections: [
      { heading: 'Privacy Policy', level: 1, topic: 'other', start: 0, end: 5 },
      { heading: 'What we collect', level: 2, topic: 'collection', start: 5, end: 10 },
      { heading: '', level: 0, topic: 'other', start: 10, end: 20 },
    ],
    sensitiveData: [
      {
        type: 'location',
        party: 'first',
        severity: 'high',
        evidence: ev('We collect your location.'),
      },
      {
        type: 'device-id',
        party: 'third',
        severity: 'medium',
        evidence: ev('Device IDs go to ads.'),
      },
      { type: 'health', party: 'both', severity: 'high', evidence: ev('Health data <b>too</b>.') },
      { type: 'network', party: 'first', severity: 'low', evidence: ev('Your IP address.') },
    ],
    sdks: [
      {
        name: 'Pangle',
        aliases: ['穿山甲', '<b>CSJ</b>'],
        vendor: 'ByteDance',
        category: 'ads',
        dataTypes: ['device-id'],
        evidence: ev('Pangle SDK'),
      },
      { name: 'Umeng', category: 'analytics', dataTypes: [], evidence: ev('Umeng SDK') },
      {
        name: 'GDT',
        category: 'ads',
        dataTypes: ['location', 'device-id'],
        evidence: ev('GDT SDK'),
      },
    ],
    retention: {
      summary: 'stated-period',
      statements: [
        { kind: 'stated-period', days: 180, evidence: ev('kept for 6 months') },
        { kind: 'stated-period', days: 730, evidence: ev('kept for 2 years') },
        { kind: 'stated-period', days: 45, evidence: ev('kept for 45 days') },
      ],
    },
    optOut: [
      {
        kind: 'settings-path',
        target: 'Me -> Settings -> Privacy',
        evidence: ev('Go to Me -> Settings -> Privacy'),
      },
      {
        kind: 'email',
        target: 'privacy@shop.example',
        evidence: ev('Write to privacy@shop.example'),
      },
      { kind: 'phone', target: '+86 400-123-4567', evidence: ev('Call +86 400-123-4567') },
      {
        kind: 'url',
        target: 'https://shop.example/optout',
        evidence: ev('Visit https://shop.example/optout'),
      },
    ],
    sharing: {
      advertising: { value: true, evidence: ev('We use data for ads.') },
      sale: { value: false, evidence: [], denials: ev('We do not sell your data.') },
      crossBorder: no,
      affiliates: no,
      publicDisclosure: no,
    },
    score: {
      grade: 'D',
      points: 40,
      reasons: ['English reason'],
      factors: [
        { code: 'sensitive-high', points: -16, reason: 'x' },
        { code: 'sdks', points: -7, reason: 'x' },
        { code: 'retention-stated-period', points: -1, reason: 'x' },
        { code: 'opt-out', points: 8, reason: 'x' },
      ],
    } as Card['score'],
  };
}

function mount(c: Card, expanded = false): HTMLElement {
  const window = new Window({ url: 'https://popup.example/' });
  const root = window.document.createElement('div');
  window.document.body.appendChild(root);
  render(h(CardView, { card: c, expanded }), root as unknown as Element);
  return root as unknown as HTMLElement;
}

const text = (el: Element | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('popup card: counts first, then the items', () => {
  it('shows counts on a collapsed toggle and unfolds on click', async () => {
    const root = mount(card());
    const toggle = root.querySelector('[data-area="sensitive"] .area-toggle')!;
    expect(text(toggle.querySelector('.counts'))).toBe('4 types · 2 high');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('#body-sensitive')?.hasAttribute('hidden')).toBe(true);
    // A closed area's items are drawn when it first opens, and kept once drawn.
    expect(root.querySelectorAll('[data-area="sensitive"] .items > li')).toHaveLength(0);
    (toggle as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('#body-sensitive')?.hasAttribute('hidden')).toBe(false);
    expect(root.querySelectorAll('[data-area="sensitive"] .items > li')).toHaveLength(4);
    (toggle as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(root.querySelector('#body-sensitive')?.hasAttribute('hidden')).toBe(true);
    expect(root.querySelectorAll('[data-area="sensitive"] .items > li')).toHaveLength(4);
    expect(text(root.querySelector('[data-area="sdks"] .counts'))).toBe('3 SDKs · 2 advertising');
    expect(text(root.querySelector('[data-area="retention"] .counts'))).toBe('3 statements');
    expect(text(root.querySelector('[data-area="optout"] .counts'))).toBe(
      '4 ways · 4 with an address or route',
    );
    expect(text(root.querySelector('[data-area="sharing"] .counts'))).toBe('1 yes · 1 denied');
  });

  it('groups sensitive data by severity (high first) with the receiving party', () => {
    const root = mount(card(), true);
    const groups = [...root.querySelectorAll('[data-area="sensitive"] .group')];
    expect(groups.map((g) => g.getAttribute('data-severity'))).toEqual(['high', 'medium', 'low']);
    expect(groups[0]!.querySelectorAll('li[data-type]').length).toBe(2);
    expect(text(groups[0]!.querySelector('h3'))).toBe('Sensitivity: high (2)');
    const health = root.querySelector('li[data-type="health"] .party');
    expect(text(health)).toBe('collected and shared');
    expect(bySeverity(card().sensitiveData).map((g) => g.items.length)).toEqual([2, 1, 1]);
  });

  it('groups SDKs by category with vendor and data types', () => {
    const root = mount(card(), true);
    const groups = [...root.querySelectorAll('[data-area="sdks"] .group')];
    expect(groups.map((g) => g.getAttribute('data-category'))).toEqual(['ads', 'analytics']);
    const pangle = root.querySelector('li[data-sdk="Pangle"]');
    expect(text(pangle?.querySelector('.vendor'))).toBe('by ByteDance');
    // the names the policy uses, as text
    expect(text(pangle?.querySelector('.aliases'))).toBe('called here: 穿山甲, <b>CSJ</b>');
    expect(pangle?.querySelector('.aliases b')).toBeNull();
    expect(root.querySelector('li[data-sdk="Umeng"] .aliases')).toBeNull();
    expect(text(root.querySelector('li[data-sdk="GDT"] .sub'))).toBe(
      'Data: Location, Device identifiers',
    );
    expect(byCategory(card().sdks).map((g) => g.items.map((s) => s.name))).toEqual([
      ['Pangle', 'GDT'],
      ['Umeng'],
    ]);
  });

  it('says "Not stated" for areas the policy does not address, with no toggle', () => {
    const c: Card = {
      ...card(),
      sdks: [],
      retention: { summary: 'not-stated', statements: [] },
      sharing: { advertising: no, sale: no, crossBorder: no, affiliates: no, publicDisclosure: no },
    };
    const root = mount(c);
    for (const area of ['sdks', 'retention', 'sharing']) {
      const el = root.querySelector(`[data-area="${area}"]`);
      expect(text(el?.querySelector('.not-stated')), area).toBe('Not stated');
      expect(el?.querySelector('.area-toggle'), area).toBeNull();
    }
    expect(root.querySelector('[data-area="sensitive"] .not-stated')).toBeNull();
  });

  it('shows retention periods in human units', () => {
    const root = mount(card(), true);
    const tags = [...root.querySelectorAll('[data-area="retention"] .duration')].map(text);
    expect(tags).toEqual(['6 months', '2 years', '45 days']);
    expect(humanDuration(1)).toEqual({ n: 1, unit: 'days' });
    expect(humanDuration(14)).toEqual({ n: 2, unit: 'weeks' });
    expect(humanDuration(1095)).toEqual({ n: 3, unit: 'years' });
    expect(humanDuration(0.0416667)).toEqual({ n: 1, unit: 'hours' });
  });

  it('shows a settings route as written, phone as tel:, and an e-mail request as mailto:', () => {
    const root = mount(card(), true);
    expect(text(root.querySelector('[data-testid="route"] .route-text'))).toBe(
      'Me -> Settings -> Privacy',
    );
    expect(root.querySelector('a.call')?.getAttribute('href')).toBe('tel:+864001234567');
    const href = root.querySelector('a.mailto')?.getAttribute('href') ?? '';
    expect(href.startsWith('mailto:privacy@shop.example?subject=')).toBe(true);
    const url = new URL(href);
    expect(url.searchParams.get('subject')).toBe('Opt-out request: Shop Privacy Policy');
    expect(url.searchParams.get('body')).toContain(
      'Shop Privacy Policy (https://shop.example/privacy)',
    );
    expect(root.querySelector('li[data-kind="url"] button.open')).not.toBeNull();
  });

  it('shows a spelled-out address as written and writes to the address it spells', () => {
    const c = card();
    c.optOut = [
      {
        kind: 'email',
        target: 'dpo (at) shop [dot] example',
        evidence: ev('Write to dpo (at) shop [dot] example'),
      },
    ];
    const root = mount(c, true);
    expect(text(root.querySelector('li[data-kind="email"] code.target'))).toBe(
      'dpo (at) shop [dot] example',
    );
    const href = root.querySelector('a.mailto')?.getAttribute('href') ?? '';
    expect(href.startsWith('mailto:dpo@shop.example?subject=')).toBe(true);
    expect(emailAddress('privacy[at]x.example')).toBe('privacy@x.example');
    expect(emailAddress('privacy@x.example ')).toBe('privacy@x.example');
    expect(emailAddress('our team (at) work')).toBeUndefined();
  });

  it('builds mailto links with every part encoded', () => {
    const href = mailtoHref('a&b@x.example', 'Sub & ject?', 'Line 1\nLine 2 = #');
    expect(href).toBe(
      'mailto:a%26b@x.example?subject=Sub%20%26%20ject%3F&body=Line%201%0ALine%202%20%3D%20%23',
    );
    const del = new URL(requestMail('dpo@x.example', 'delete', { title: 'T', url: 'https://x/p' }));
    expect(del.searchParams.get('subject')).toBe('Request to delete my personal data: T');
    expect(del.searchParams.get('body')).toContain('T (https://x/p)');
  });

  it('translates grade reasons by factor code, from the card', () => {
    const root = mount(card(), true);
    const lines = [...root.querySelectorAll('.reasons li')].map(
      (li) => `${text(li.querySelector('.reason-text'))} [${text(li.querySelector('.points'))}]`,
    );
    expect(lines).toEqual([
      '2 data types of high sensitivity collected: Location, Health data [−16 points]',
      '3 third-party SDKs, 2 for advertising [−7 points]',
      'Retention periods are stated [−1 points]',
      '4 ways to opt out or control data [+8 points]',
    ]);
  });

  it('gives the points in the reasons summary and the policy language on quotes', () => {
    const root = mount(card(), true);
    expect(text(root.querySelector('.reasons summary'))).toBe('Why this grade (score 40 of 100)');
    expect(root.querySelector('blockquote')?.getAttribute('lang')).toBe('en');
    expect(root.querySelector('.grade')?.getAttribute('aria-label')).toBe('Risk grade D');
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-23T10:00:00.000Z');
  });

  it('lists the outline (headings only) with topic badges', () => {
    const root = mount(card(), true);
    const items = [...root.querySelectorAll('[data-outline] .outline li')];
    expect(items.map((li) => text(li.querySelector('.heading-link')))).toEqual([
      'Privacy Policy',
      'What we collect',
    ]);
    expect(text(items[1]!.querySelector('.topic'))).toBe('collection');
  });

  it('shows sharing denials as reassurance and names flags the policy is silent on', () => {
    const root = mount(card(), true);
    expect(text(root.querySelector('li[data-flag="sale"] .tag'))).toBe('The policy says no');
    expect(text(root.querySelector('li[data-flag="sale"] button.quote'))).toBe(
      'We do not sell your data.',
    );
    expect(text(root.querySelector('[data-area="sharing"] .silent'))).toBe(
      'Not mentioned: Sent abroad, Shared within the group, May be made public',
    );
  });

  it('renders markup in quotes as text', () => {
    const root = mount(card(), true);
    expect(root.querySelectorAll('b').length).toBe(0);
    const q = [...root.querySelectorAll('button.quote')].find((b) => text(b).startsWith('Health'));
    expect(q?.textContent).toBe('Health data <b>too</b>.');
  });

  it('lists the engine warnings in a folded "warnings" box, and shows none when there are none', () => {
    expect(mount(card()).querySelector('details.warnings')).toBeNull();
    const warned = {
      ...card(),
      warnings: ['Custom term "blood" was skipped: unknown target "toaster".'],
    };
    const box = mount(warned).querySelector('details.warnings');
    expect(text(box?.querySelector('summary'))).toBe(en.warnings!.message);
    expect([...(box?.querySelectorAll('li') ?? [])].map(text)).toEqual(warned.warnings);
  });
});
