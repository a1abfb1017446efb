/** extractPage() on small hand-made documents: one behaviour per test. */
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract';

const linkedom = (body: string, head = '') =>
  parseHTML(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`)
    .document as unknown as Document;

function happy(body: string, head = ''): Document {
  const window = new Window({ url: 'https://example.com/policy' });
  window.document.write(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return window.document as unknown as Document;
}

const texts = (doc: Document) => extractPage(doc).blocks.map((b) => `${b.kind}:${b.text}`);

const FILLER =
  '<p>' + 'This paragraph is here so the main element has enough text. '.repeat(5) + '</p>';

describe('block kinds', () => {
  for (const [name, make] of [
    ['linkedom', linkedom],
    ['happy-dom', happy],
  ] as const)
    it(`a paragraph that is one bold run is a heading (${name})`, () => {
      const doc = make(`<main>
        <p><strong>Data Retention</strong></p>
        <p>Crash reports | 90 days</p>
        <div> <b>Your <span>Choices</span></b> </div>
        <p><b>Please read this policy carefully.</b></p>
        <p><b>Note:</b> we never sell data</p>
        <p><strong>二、我们如何使用Cookie</strong></p>
        ${FILLER}
      </main>`);
      expect(texts(doc).slice(0, 6)).toEqual([
        'heading:Data Retention',
        'paragraph:Crash reports | 90 days',
        'heading:Your Choices',
        // emphasis that ends as a sentence, and a bold label before plain text, stay paragraphs
        'paragraph:Please read this policy carefully.',
        'paragraph:Note: we never sell data',
        // a numbered one is left to the analysis, which reads its level from the number
        'paragraph:二、我们如何使用Cookie',
      ]);
    });

  it('emits headings with their level, paragraphs, list items, table rows and pre', () => {
    const doc = linkedom(`<main>
      <h2>Data  we
        collect</h2>
      <p>We collect your <b>e-mail</b><br>address.</p>
      <ul><li>Name</li><li>Phone <em>number</em></li></ul>
      <table><tr><th>SDK</th><th>Purpose</th></tr><tr><td>Umeng</td><td>analytics</td></tr></table>
      <pre>line one
   line two</pre>
      ${FILLER}
    </main>`);
    const page = extractPage(doc);
    expect(page.blocks.slice(0, 7)).toEqual([
      { kind: 'heading', text: 'Data we collect', level: 2 },
      { kind: 'paragraph', text: 'We collect your e-mail address.', level: 0 },
      { kind: 'list-item', text: 'Name', level: 0 },
      { kind: 'list-item', text: 'Phone number', level: 0 },
      { kind: 'table-row', text: 'SDK | Purpose', level: 0 },
      { kind: 'table-row', text: 'Umeng | analytics', level: 0 },
      { kind: 'pre', text: 'line one\nline two', level: 0 },
    ]);
  });

  it('splits text runs around nested blocks and keeps nested list items apart', () => {
    const doc = linkedom(`<main><div>Intro text <p>Inner paragraph</p> closing words</div>
      <ol><li>Outer item<ul><li>Inner item</li></ul>tail of outer</li></ol>${FILLER}</main>`);
    expect(texts(doc).slice(0, 6)).toEqual([
      'paragraph:Intro text',
      'paragraph:Inner paragraph',
      'paragraph:closing words',
      'list-item:Outer item',
      'list-item:Inner item',
      'list-item:tail of outer',
    ]);
  });
});

describe('what is left out', () => {
  it('skips scripts, styles, noscript, template and hidden elements', () => {
    const doc = linkedom(`<main>
      <script>var secret = 1;</script><style>p{}</style><noscript>Enable JS</noscript>
      <template><p>Template text</p></template>
      <p hidden>Hidden attribute</p><p aria-hidden="true">Aria hidden</p>
      <p style="display: none">Display none</p><p style="color:red;visibility:hidden">Invisible</p>
      <p>Visible text</p>${FILLER}</main>`);
    const all = texts(doc).join('\n');
    expect(all).toContain('Visible text');
    for (const gone of [
      'secret',
      'p{}',
      'Enable JS',
      'Template text',
      'Hidden attribute',
      'Aria hidden',
      'Display none',
      'Invisible',
    ]) {
      expect(all).not.toContain(gone);
    }
  });

  it('reads the collapsed sections of an accordion, but not other hidden parts', () => {
    const page = `<main>${FILLER}
      <h2><button aria-expanded="false" aria-controls="keep">How long we keep data</button></h2>
      <div id="keep" hidden><p>We keep account data for 30 days.</p><p hidden>Folded twice</p></div>
      <h2><button aria-expanded="false" aria-controls="share more">Sharing</button></h2>
      <div id="share" class="fold"><p>We share data with advertisers.</p></div>
      <div id="more" style="display: none"><p>Opt out in Settings.</p></div>
      <div id="menu" class="fold"><p>Hidden menu text</p></div>
      <div hidden><p>Hidden template text</p></div>
      <div hidden="until-found"><p>Found by searching.</p></div></main>`;
    for (const make of [linkedom, happy]) {
      const all = texts(make(page, '<style>.fold { display: none }</style>')).join('\n');
      expect(all).toContain('We keep account data for 30 days.');
      expect(all).toContain('Opt out in Settings.');
      expect(all).toContain('Found by searching.');
      expect(all).not.toContain('Folded twice');
      expect(all).not.toContain('Hidden template text');
      if (make === happy) {
        // only a window with computed styles sees the stylesheet's folding
        expect(all).toContain('We share data with advertisers.');
        expect(all).not.toContain('Hidden menu text');
      }
    }
  });

  it('uses the computed style when the window has one (happy-dom)', () => {
    const doc = happy(
      `<main><p class="gone">Hidden by a stylesheet</p><p>Shown</p>${FILLER}</main>`,
      '<style>.gone { display: none }</style>',
    );
    const all = texts(doc).join('\n');
    expect(all).toContain('Shown');
    expect(all).not.toContain('Hidden by a stylesheet');
  });

  it('prefers <main> over the rest of the page', () => {
    const doc = linkedom(
      `<div>Site banner text outside main</div><main>${FILLER}<p>Policy body</p></main><div>Other text</div>`,
    );
    const all = texts(doc).join('\n');
    expect(all).toContain('Policy body');
    expect(all).not.toContain('Site banner');
    expect(all).not.toContain('Other text');
  });

  it('takes <main> on a page whose scripts hold far more characters than its text', () => {
    const state = `<script type="application/json" id="app-state">${JSON.stringify({
      items: Array.from({ length: 400 }, (_, i) => ({ id: i, label: `item number ${i}` })),
    })}</script><style>${'.menu a { color: red; }\n'.repeat(300)}</style>`;
    for (const make of [linkedom, happy]) {
      const doc = make(
        `<div>Site banner text outside main</div>${state}<main>${FILLER}<p>Policy body</p></main><div>Other text</div>`,
      );
      const all = texts(doc).join('\n');
      expect(all).toContain('Policy body');
      expect(all).not.toContain('Site banner');
      expect(all).not.toContain('item number');
    }
  });

  it('without main or article, drops header, footer, nav, aside and link-dense boxes', () => {
    const doc = linkedom(`<header><p>Header words</p></header><nav><a href="/">Home</a></nav>
      <div class="menu"><a href="/a">Alpha</a> <a href="/b">Beta</a> <a href="/c">Gamma</a> | more</div>
      <div><h1>Privacy Policy</h1>${FILLER}<p>We keep data for 30 days.</p></div>
      <aside>Related</aside><footer><a href="/privacy">Privacy Policy</a></footer>`);
    const all = texts(doc);
    expect(all).toContain('heading:Privacy Policy');
    expect(all).toContain('paragraph:We keep data for 30 days.');
    for (const gone of ['Header words', 'Home', 'Alpha', 'Related']) {
      expect(all.join('\n')).not.toContain(gone);
    }
    expect(all.join('\n')).not.toContain('paragraph:Privacy Policy');
  });

  it('keeps a header inside the article (the policy title lives there)', () => {
    const doc = linkedom(
      `<article><header><h1>Our Privacy Notice</h1></header>${FILLER}</article>`,
    );
    expect(texts(doc)[0]).toBe('heading:Our Privacy Notice');
  });
});

describe('robustness', () => {
  it('walks a document nested 5000 levels deep without recursion', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    let node: Element = document.body as unknown as Element;
    for (let i = 0; i < 5000; i++) {
      const div = document.createElement('div');
      node.appendChild(div);
      node = div as unknown as Element;
    }
    node.appendChild(document.createTextNode('Deep text at the bottom. '.repeat(10)));
    const page = extractPage(document as unknown as Document);
    expect(page.blocks).toHaveLength(1);
    expect(page.blocks[0]?.text.startsWith('Deep text at the bottom.')).toBe(true);
  });

  it('caps the text at maxChars and says so', () => {
    const doc = linkedom(`<main>${'<p>0123456789</p>'.repeat(100)}</main>`);
    const page = extractPage(doc, { maxChars: 95 });
    expect(page.blocks.map((b) => b.text).join('').length).toBe(95);
    expect(page.warnings.some((w) => w.includes('95'))).toBe(true);
  });

  it('reads open shadow roots', () => {
    const doc = happy(`<main>${FILLER}<policy-box></policy-box></main>`);
    const host = doc.querySelector('policy-box')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<h2>Shadow heading</h2><p>Text inside the shadow root.</p>';
    const all = texts(doc);
    expect(all).toContain('heading:Shadow heading');
    expect(all).toContain('paragraph:Text inside the shadow root.');
  });

  it('warns about frames it cannot read', () => {
    const doc = linkedom(
      `<main>${FILLER}<iframe src="https://other.example/embed"></iframe><iframe></iframe></main>`,
    );
    const page = extractPage(doc);
    expect(page.warnings).toHaveLength(1);
    expect(page.warnings[0]).toMatch(/Skipped 1 embedded frame/);
  });

  it('finds policy links in English and Chinese, resolved and deduplicated', () => {
    const doc = linkedom(`<main>${FILLER}</main><footer>
      <a href="/legal/privacy">Privacy Policy</a><a href="/legal/privacy">Privacy Policy</a>
      <a href="https://example.com/cookies">Cookie Policy</a><a href="/zh/yinsi">《隐私政策》</a>
      <a href="/pi">个人信息保护指引</a><a href="/terms">Terms</a><a href="javascript:void 0">Privacy Notice</a></footer>`);
    const links = extractPage(doc, { url: 'https://example.com/shop/item' }).policyLinks;
    expect(links).toEqual([
      { text: 'Privacy Policy', href: 'https://example.com/legal/privacy' },
      { text: 'Cookie Policy', href: 'https://example.com/cookies' },
      { text: '《隐私政策》', href: 'https://example.com/zh/yinsi' },
      { text: '个人信息保护指引', href: 'https://example.com/pi' },
    ]);
  });

  it('finds Traditional Chinese and Hong Kong policy links', () => {
    const doc = linkedom(`<main>${FILLER}</main><footer>
      <a href="/tw/privacy">隱私權政策</a><a href="/hk/privacy">私隱政策聲明</a>
      <a href="/tw/pdpa">個人資料保護告知事項</a><a href="/tw/terms">服務條款</a>
      <a href="/hk/profile">個人資料</a></footer>`);
    const links = extractPage(doc, { url: 'https://example.com.tw/' }).policyLinks;
    expect(links.map((l) => l.text)).toEqual([
      '隱私權政策',
      '私隱政策聲明',
      '個人資料保護告知事項',
    ]);
  });
});
