/**
 * The popup asks the background for the interface language (the background
 * keeps the settings in memory), so the popup never loads the settings model.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const sent: unknown[] = [];
let answer: () => Promise<unknown> = async () => ({ language: 'zh_CN' });

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'ext',
      sendMessage: async (message: unknown) => {
        sent.push(message);
        return answer();
      },
    },
  },
}));
const { askLanguage } = await import('../../src/popup/flow');
const { isEnvelope } = await import('../../src/platform/messages');

beforeEach(() => {
  sent.length = 0;
});

describe('askLanguage', () => {
  it('asks the background with a well-formed message and hands back its answer', async () => {
    expect(await askLanguage()).toBe('zh_CN');
    expect(sent).toHaveLength(1);
    expect(isEnvelope(sent[0])).toBe(true);
    expect((sent[0] as { name: string }).name).toBe('settings/language');
  });

  it('gives undefined when the background cannot answer, so the popup reads the settings itself', async () => {
    answer = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect(await askLanguage()).toBeUndefined();
    answer = async () => ({
      ok: false,
      error: 'settings/language is answered for extension pages only',
    });
    expect(await askLanguage()).toBeUndefined();
  });
});
