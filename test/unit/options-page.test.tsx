/**
 * The whole options page over fake browser APIs (happy-dom): automatic
 * detection asks for the optional host permission when turned on and gives
 * it back when turned off; a refusal leaves it off and says so; edits are
 * saved after a pause, not on every change.
 */
import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Items = Record<string, unknown>;
function area() {
  const data: Items = {};
  return {
    data,
    sets: 0,
    async get(keys: string | string[] | null) {
      const list = keys === null ? Object.keys(data) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, data[k]]));
    },
    async set(items: Items) {
      this.sets++;
      Object.assign(data, structuredClone(items));
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete data[k];
    },
  };
}

const fake = {
  sync: area(),
  local: area(),
  granted: false,
  answer: true,
  calls: [] as string[],
};
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
    runtime: { getManifest: () => ({ version: '9.9.9' }), getURL: (p: string) => p },
    storage: {
      get sync() {
        return fake.sync;
      },
      get local() {
        return fake.local;
      },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
    permissions: {
      contains: async () => fake.granted,
      request: async (p: { origins: string[] }) => {
        fake.calls.push(`request ${p.origins.join(',')}`);
        fake.granted = fake.answer;
        return fake.answer;
      },
      remove: async (p: { origins: string[] }) => {
        fake.calls.push(`remove ${p.origins.join(',')}`);
        fake.granted = false;
        return true;
      },
    },
  },
}));
const { OptionsPage, SAVE_DELAY_MS } = await import('../../src/options/OptionsPage');
const { loadSettings } = await import('../../src/settings');

let window: Window;
let root: HTMLElement;

beforeEach(() => {
  fake.sync = area();
  fake.local = area();
  fake.granted = false;
  fake.answer = true;
  fake.calls = [];
  window = new Window();
  (globalThis as unknown as { document: unknown }).document = window.document;
  root = window.document.createElement('div') as unknown as HTMLElement;
  window.document.body.appendChild(root as never);
});
afterEach(() => {
  render(null, root);
  delete (globalThis as unknown as { document?: unknown }).document;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await sleep(10);
  }
  throw new Error(`timed out: ${what}`);
}
const q = <T = HTMLElement,>(sel: string) => root.querySelector(sel) as T | null;
const stored = async () => (await loadSettings(fake.sync, fake.local)).settings;

function toggle(sel: string, on: boolean) {
  const box = q<HTMLInputElement>(sel)!;
  box.checked = on;
  box.dispatchEvent(new window.Event('change', { bubbles: true }) as unknown as Event);
}

async function mount() {
  render(h(OptionsPage, {}), root);
  await until(() => q('#auto-detect') !== null, 'the page to load');
}

describe('OptionsPage', () => {
  it('turning automatic detection on asks for the permission; off gives it back', async () => {
    await mount();
    toggle('#auto-detect', true);
    await until(() => fake.calls.length > 0, 'the permission request');
    expect(fake.calls).toEqual(['request <all_urls>']);
    await until(() => q('.save-bar .saved') !== null, 'the save');
    expect((await stored()).autoDetect).toBe(true);

    toggle('#auto-detect', false);
    await until(() => fake.calls.length > 1, 'the permission removal');
    expect(fake.calls[1]).toBe('remove <all_urls>');
    await sleep(SAVE_DELAY_MS + 300);
    expect((await stored()).autoDetect).toBe(false);
  });

  it('a refused permission leaves detection off and says why', async () => {
    fake.answer = false;
    await mount();
    toggle('#auto-detect', true);
    await until(() => q('.warn') !== null, 'the refusal note');
    expect(q('.warn')!.textContent).toBe('options_autoDetectRefused');
    expect(q<HTMLInputElement>('#auto-detect')!.checked).toBe(false);
    await sleep(SAVE_DELAY_MS + 200);
    expect((await stored()).autoDetect).toBe(false);
  });

  it('saves once after a pause in editing, not on every change', async () => {
    await mount();
    const writesBefore = fake.sync.sets;
    for (const type of ['health', 'location', 'media']) {
      toggle(`#type-on-${type}`, false);
      await sleep(0);
    }
    expect(fake.sync.sets).toBe(writesBefore);
    expect(q('.save-bar .pending')).not.toBeNull();
    await until(() => q('.save-bar .saved') !== null, 'the save');
    expect(fake.sync.sets).toBe(writesBefore + 1);
    expect((await stored()).disabledTypes).toEqual(['health', 'location', 'media']);
  });

  it('does not save while a field has a problem, and names it', async () => {
    await mount();
    const writesBefore = fake.sync.sets;
    const input = q<HTMLInputElement>('#w-sdk')!;
    input.value = '500';
    input.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
    await until(() => q('#w-sdk-error') !== null, 'the field error');
    expect(q('#w-sdk-error')!.textContent).toContain('between 0 and 100');
    expect(q('#save-problems')).not.toBeNull();
    expect(q<HTMLButtonElement>('#save')!.disabled).toBe(true);
    await sleep(SAVE_DELAY_MS + 200);
    expect(fake.sync.sets).toBe(writesBefore);
  });
});
