/**
 * A fake webextension-polyfill for unit tests of the background: an in-memory
 * storage.session, strings that are their keys, and an action whose badge
 * calls are recorded in `calls`. Each test adds the APIs it needs; use it as
 *   vi.mock('webextension-polyfill', async () =>
 *     (await import('./background-fakes')).fakeBrowser({ ... }));
 */
export const calls: string[] = [];
export const session = new Map<string, unknown>();

/** What the content script sends back for a short policy page. */
export const POLICY_PAGE = {
  title: 'Privacy Policy',
  warnings: [],
  policyLinks: [],
  blocks: [
    { kind: 'heading', level: 1, text: 'Privacy Policy' },
    {
      kind: 'paragraph',
      level: 0,
      text: 'This privacy policy explains how we collect, use, share and retain your personal information, and the choices you have. We collect your email address and device identifiers. You may request access to or deletion of your personal data, and withdraw your consent at any time.',
    },
    { kind: 'heading', level: 2, text: 'How we share your information' },
    {
      kind: 'paragraph',
      level: 0,
      text: 'We share personal data with service providers and third parties for advertising. We retain personal information for as long as necessary.',
    },
  ],
};

type Api = Record<string, unknown>;

export function fakeBrowser(extra: { storage?: Api } & Api): { default: Api } {
  const { storage, ...rest } = extra;
  return {
    default: {
      storage: {
        session: {
          get: async (key: string | null) =>
            Object.fromEntries([...session].filter(([k]) => key === null || k === key)),
          set: async (items: Record<string, unknown>) => {
            for (const [k, v] of Object.entries(items)) session.set(k, v);
          },
          remove: async (key: string) => void session.delete(key),
        },
        ...storage,
      },
      i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
      runtime: { id: 'ext' },
      action: {
        setBadgeText: async (d: { tabId: number; text: string }) =>
          void calls.push(`badge ${d.tabId} ${d.text}`),
        setBadgeBackgroundColor: async () => {},
        setTitle: async (d: { title: string }) => void calls.push(`title ${d.title}`),
      },
      ...rest,
    },
  };
}
