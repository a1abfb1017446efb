/**
 * Options page components in happy-dom: a pattern that could freeze the page
 * is refused in words next to its field, the try box shows matches as text,
 * weight problems are shown at their fields, and an import lists every
 * problem of a broken file (and only then reports success for a good one).
 */
import { Window } from 'happy-dom';
import { h, render, type ComponentChild } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { CustomTerm } from '../../src/settings';

vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' } },
}));
const { TermsSection } = await import('../../src/options/TermsSection');
const { FileSection } = await import('../../src/options/FileSection');
const { WeightsSection } = await import('../../src/options/WeightsSection');
const { splitAliases } = await import('../../src/options/SdksSection');
const { defaultSettings, exportSettings, importSettings } = await import('../../src/settings');

function mount(node: ComponentChild) {
  const window = new Window();
  const root = window.document.createElement('div');
  window.document.body.appendChild(root);
  render(node, root as unknown as Element);
  const q = <T = HTMLElement,>(sel: string) => root.querySelector(sel) as unknown as T | null;
  const all = (sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent ?? '');
  return { window, root, q, all };
}

/** Let Preact re-render (it renders on a microtask) and pending promises settle. */
const settle = () => new Promise((r) => setTimeout(r, 10));

function type(window: Window, input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
}

function noLastPage() {
  return Promise.resolve(undefined);
}

describe('TermsSection', () => {
  it('shows why a slow regular expression is refused, next to the field, and does not add it', async () => {
    const added: CustomTerm[] = [];
    const { window, q } = mount(
      h(TermsSection, {
        terms: [],
        onAdd: (term: CustomTerm) => (added.push(term), []),
        onRemove: () => {},
        loadLastPage: noLastPage,
      }),
    );
    const regex = q<HTMLInputElement>('#term-regex')!;
    regex.checked = true;
    regex.dispatchEvent(new window.Event('change', { bubbles: true }) as unknown as Event);
    await settle();
    type(window, q<HTMLInputElement>('#term-pattern')!, '(a+)+$');
    await settle();
    const error = q('#term-pattern-error');
    expect(error?.textContent?.length).toBeGreaterThan(10);
    const input = q<HTMLInputElement>('#term-pattern')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('term-pattern-error');
    q<HTMLButtonElement>('#term-add')!.click();
    await settle();
    expect(added).toEqual([]);

    // A plain word is fine: no error, and Add hands it over.
    type(window, input, 'heart rate');
    regex.checked = false;
    regex.dispatchEvent(new window.Event('change', { bubbles: true }) as unknown as Event);
    await settle();
    expect(q('#term-pattern-error')).toBeNull();
    q<HTMLButtonElement>('#term-add')!.click();
    await settle();
    expect(added).toEqual([{ area: 'data-type', target: 'biometric', pattern: 'heart rate' }]);
  });

  it('shows the problems the settings check found when adding', async () => {
    const { window, q, all } = mount(
      h(TermsSection, {
        terms: [],
        onAdd: () => ['the pattern is longer than 200 characters'],
        onRemove: () => {},
        loadLastPage: noLastPage,
      }),
    );
    type(window, q<HTMLInputElement>('#term-pattern')!, 'x');
    await settle();
    q<HTMLButtonElement>('#term-add')!.click();
    await settle();
    expect(all('#term-pattern-error li')).toEqual(['the pattern is longer than 200 characters']);
  });

  it('tries the term on a sample and shows matches as text, never as markup', async () => {
    const { window, q, root } = mount(
      h(TermsSection, { terms: [], onAdd: () => [], onRemove: () => {}, loadLastPage: noLastPage }),
    );
    type(window, q<HTMLInputElement>('#term-pattern')!, 'cook*');
    type(
      window,
      q<HTMLTextAreaElement>('#try-sample')!,
      'We set <b>Cookies</b> and a cookie <img src=x>.',
    );
    await settle();
    const marks = [...root.querySelectorAll('#try-result mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Cookies', 'cookie']);
    expect(root.querySelectorAll('#try-result b, #try-result img').length).toBe(0);
    expect(q('#try-result .try-count')?.getAttribute('data-count')).toBe('2');
  });

  it('tries a Chinese term', async () => {
    const { window, q, root } = mount(
      h(TermsSection, { terms: [], onAdd: () => [], onRemove: () => {}, loadLastPage: noLastPage }),
    );
    type(window, q<HTMLInputElement>('#term-pattern')!, '体检报告');
    type(window, q<HTMLTextAreaElement>('#try-sample')!, '我们会收集您的体检报告和病历。');
    await settle();
    expect([...root.querySelectorAll('#try-result mark')].map((m) => m.textContent)).toEqual([
      '体检报告',
    ]);
  });

  it('offers the last analysed page as the sample', async () => {
    const { q, root } = mount(
      h(TermsSection, {
        terms: [],
        onAdd: () => [],
        onRemove: () => {},
        loadLastPage: async () => ({ title: 'Policy', text: 'We keep your sleep data.' }),
      }),
    );
    q<HTMLButtonElement>('#try-last')!.click();
    await settle();
    expect(q<HTMLTextAreaElement>('#try-sample')!.value).toBe('We keep your sleep data.');
    expect(root.textContent).toContain('options_tryLastLoaded');
  });

  it('lists existing terms with a labelled remove button', async () => {
    const removed: number[] = [];
    const { q } = mount(
      h(TermsSection, {
        terms: [{ area: 'retention', target: 'indefinite', pattern: 'forever' }],
        onAdd: () => [],
        onRemove: (i: number) => removed.push(i),
        loadLastPage: noLastPage,
      }),
    );
    const button = q<HTMLButtonElement>('#term-list li button')!;
    expect(button.getAttribute('aria-label')).toBe('options_removeTerm');
    button.click();
    expect(removed).toEqual([0]);
  });
});

describe('WeightsSection', () => {
  it('shows each problem at its field and threshold order under the thresholds', () => {
    const { q, all } = mount(
      h(WeightsSection, {
        settings: defaultSettings(),
        errors: [
          'weights.sdk: must be a number between 0 and 100, not 500',
          'weights.thresholds: must go down from A to D (now A 50, B 65, C 50, D 35)',
        ],
        generation: 0,
        onChange: () => {},
        onReset: () => {},
      }),
    );
    expect(all('#w-sdk-error li')).toEqual(['must be a number between 0 and 100, not 500']);
    expect(q('#w-sdk')?.getAttribute('aria-invalid')).toBe('true');
    expect(all('#w-thresholds-error li')[0]).toContain('must go down from A to D');
    expect(q('#w-adsSdk-error')).toBeNull();
    expect(q<HTMLInputElement>('#w-thresholds-A')?.value).toBe('80');
  });
});

describe('FileSection import', () => {
  async function importFile(text: string) {
    const onImport = vi.fn(async (t: string) => {
      const res = importSettings(t);
      return res.ok ? [] : res.errors;
    });
    const view = mount(h(FileSection, { onExport: () => {}, onImport, onReset: async () => {} }));
    const input = view.q<HTMLInputElement>('#import-file')!;
    Object.defineProperty(input, 'files', { value: [new File([text], 'settings.json')] });
    input.dispatchEvent(new view.window.Event('change', { bubbles: true }) as unknown as Event);
    await settle();
    await settle();
    return { ...view, onImport };
  }

  it('lists every problem of a broken file', async () => {
    const broken = JSON.stringify({
      schemaVersion: 3,
      disabledTypes: ['telepathy'],
      weights: { sdk: 500 },
      language: 'klingon',
      customTerms: [{ area: 'data-type', target: 'health', pattern: '(a+)+$', regex: true }],
    });
    const { q, all, onImport } = await importFile(broken);
    expect(onImport).toHaveBeenCalledOnce();
    expect(q('#import-errors')?.getAttribute('role')).toBe('alert');
    const problems = all('#import-errors li');
    expect(problems.length).toBe(4);
    expect(problems.some((p) => p.startsWith('disabledTypes[0]'))).toBe(true);
    expect(problems.some((p) => p.startsWith('weights.sdk'))).toBe(true);
    expect(problems.some((p) => p.startsWith('language'))).toBe(true);
    expect(problems.some((p) => p.startsWith('customTerms[0].pattern'))).toBe(true);
    expect(q('#import-done')).toBeNull();
  });

  it('says what is wrong with a file that is not JSON', async () => {
    const { all } = await importFile('{ oops');
    expect(all('#import-errors li')[0]).toContain('not valid JSON');
  });

  it('confirms a good file and shows no problems', async () => {
    const { q } = await importFile(exportSettings(defaultSettings()));
    expect(q('#import-errors')).toBeNull();
    expect(q('#import-done')).not.toBeNull();
  });

  it('asks before resetting', async () => {
    const onReset = vi.fn(async () => {});
    const { q } = mount(h(FileSection, { onExport: () => {}, onImport: async () => [], onReset }));
    q<HTMLButtonElement>('#reset')!.click();
    await settle();
    expect(onReset).not.toHaveBeenCalled();
    q<HTMLButtonElement>('#reset-confirm')!.click();
    await settle();
    expect(onReset).toHaveBeenCalledOnce();
    expect(q('#reset-confirm')).toBeNull();
  });
});

describe('splitAliases', () => {
  it('splits on English and Chinese separators', () => {
    expect(splitAliases('Acme, 艾克米、AC；X ,, ')).toEqual(['Acme', '艾克米', 'AC', 'X']);
  });
});
