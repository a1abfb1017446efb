/**
 * The page side of "click a quote": find the passage across elements and
 * whitespace, mark it with our <mark>s, and give the page its text nodes back.
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';

const window = new Window({ url: 'https://policy.example/' });
(globalThis as unknown as { NodeFilter: unknown }).NodeFilter = window.NodeFilter;
const { clearHighlight, findQuote, highlightQuote } = await import('../../src/content/highlight');

function page(body: string): Document {
  const doc = window.document as unknown as Document;
  const parsed = new window.DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
  doc.body.replaceChildren(
    ...[...parsed.body.childNodes].map((n) => doc.importNode(n as unknown as Node, true)),
  );
  return doc;
}
const marks = (doc: Document) => [...doc.querySelectorAll('mark[data-policylens-highlight]')];
const marked = (doc: Document) =>
  marks(doc)
    .map((m) => m.textContent)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

afterEach(() => {
  clearHighlight();
});

describe('highlight in the page', () => {
  it('marks a passage that spans several elements and re-wrapped lines', () => {
    const doc = page(
      '<p>Intro. We share your <b>device\n   identifiers</b> with <a href="#">ad partners</a> for ads. Outro.</p>',
    );
    expect(highlightQuote(doc, 'We share your device identifiers with ad partners for ads.')).toBe(
      true,
    );
    expect(marks(doc).length).toBe(5);
    expect(marked(doc)).toBe('We share your device identifiers with ad partners for ads.');
  });

  it('finds a table-row quote whose cells were joined with " | "', () => {
    const doc = page('<table><tr><th>Partner Name</th><td>WeChat Open Platform</td></tr></table>');
    expect(highlightQuote(doc, 'Partner Name | WeChat Open Platform')).toBe(true);
    expect(marks(doc).map((m) => m.textContent)).toEqual(['Partner Name', 'WeChat Open Platform']);
  });

  it('restores the text nodes exactly when cleared, and a new quote replaces the old', () => {
    const doc = page('<p id="p">Alpha beta gamma delta.</p><p>Second passage here.</p>');
    const p = doc.getElementById('p')!;
    const node = p.firstChild;
    expect(highlightQuote(doc, 'beta gamma')).toBe(true);
    expect(marked(doc)).toBe('beta gamma');
    expect(highlightQuote(doc, 'Second passage')).toBe(true);
    expect(marked(doc)).toBe('Second passage');
    expect(p.childNodes.length).toBe(1);
    expect(p.firstChild).toBe(node);
    expect(p.textContent).toBe('Alpha beta gamma delta.');
    expect(clearHighlight()).toBe(true);
    expect(marks(doc).length).toBe(0);
    expect(doc.body.textContent).toBe('Alpha beta gamma delta.Second passage here.');
  });

  it('does not match text in scripts, and says so when the quote is absent', () => {
    const doc = page('<script>var s = "secret words";</script><p>Other text.</p>');
    expect(findQuote(doc.body, 'secret words')).toBeNull();
    expect(highlightQuote(doc, 'secret words')).toBe(false);
    expect(marks(doc).length).toBe(0);
  });

  it('prefers a heading over the same words in page navigation when asked', () => {
    const doc = page('<nav><a href="#c">Contact Us</a></nav><h2 id="c">Contact Us</h2>');
    expect(highlightQuote(doc, 'Contact Us', true)).toBe(true);
    expect(marks(doc)[0]?.closest('h2')).not.toBeNull();
  });

  it('marks the asked occurrence of a heading the policy repeats', () => {
    const doc = page(
      '<nav>Permission: Yes</nav><h3 id="a">Permission: Yes</h3><p>x</p><h3 id="b">Permission: Yes</h3>',
    );
    expect(highlightQuote(doc, 'Permission: Yes', true, 1)).toBe(true);
    expect(marks(doc)[0]?.closest('h3')?.id).toBe('b');
    expect(highlightQuote(doc, 'Permission: Yes', true, 0)).toBe(true);
    expect(marks(doc)[0]?.closest('h3')?.id).toBe('a');
  });

  it('clears on Escape in the page', async () => {
    const { installEscapeToClear } = await import('../../src/content/highlight');
    const doc = page('<p>Press escape to clear this.</p>');
    installEscapeToClear(doc);
    highlightQuote(doc, 'escape to clear');
    expect(marks(doc).length).toBe(1);
    doc.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Escape' }) as unknown as Event);
    expect(marks(doc).length).toBe(0);
  });
});
