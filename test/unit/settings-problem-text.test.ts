/**
 * Problems with settings in the Chinese interface: every problem the settings
 * model reports for a set of broken inputs is shown in Chinese (no English
 * template words left), with the field path and the user's own values kept;
 * the English interface shows them as written.
 */
import { describe, expect, it } from 'vitest';
import { problemText } from '../../src/settings/problem-text';
import { parseHTML } from 'linkedom';
import { analyze } from '../../src/core/analyze';
import { extractPage } from '../../src/extract';
import {
  checkSettings,
  checkUserPattern,
  defaultSettings,
  importSettings,
  migrate,
  toRuleSettingsWithWarnings,
} from '../../src/settings';

/** Words of the English templates; none may survive a translation. */
const ENGLISH =
  /\b(must|not|unknown|dropped|pattern|list|object|number|between|text|empty|longer|known|listed|twice|another|already|repetitions?|wildcards?|allowed|version|settings|file|valid)\b/i;

function problems(): string[] {
  const out: string[] = [];
  out.push(
    ...checkSettings({
      schemaVersion: 3,
      language: 'fr',
      autoDetect: 'yes',
      disabledTypes: ['health', 'health', 'toaster', 7],
      severity: { health: 'extreme', toaster: 'high' },
      customTerms: [
        { area: 'dataTypes', target: 'health', pattern: '' },
        { area: 'nowhere', target: 'x', pattern: 'a' },
        { area: 'dataTypes', target: 'toaster', pattern: 'b', regex: 'no' },
        { area: 'dataTypes', target: 'health', pattern: 'x'.repeat(500) },
        'not an object',
      ],
      customSdks: [
        { name: 'Acme', aliases: [], category: 'analytics' },
        { name: 'Acme', aliases: 'x', category: 'spaceships' },
        { name: 'Many', aliases: Array.from({ length: 100 }, (_, i) => `n${i}`), category: 'ads' },
      ],
      weights: { sharing: { advertising: 5000 }, retention: 'high' },
      extra: true,
    }).errors,
  );
  for (const [p, regex] of [
    ['(a+)+$', true],
    ['(a|b)\\1', true],
    ['[', true],
    ['a**b', false],
    ['a*b*c*d*', false],
    ['x?', true],
  ] as const) {
    const c = checkUserPattern(p, regex);
    if (!c.ok) out.push(`customTerms[0].pattern: ${c.error}`);
  }
  for (const file of [
    'not json',
    '[1, 2]',
    '{"schemaVersion": "three"}',
    '{"schemaVersion": 99}',
    JSON.stringify({ schemaVersion: 1, disabledTypes: 'health', severity: 3, mystery: 1 }),
  ]) {
    const r = importSettings(file);
    if (!r.ok) out.push(...r.errors);
  }
  // Warnings shown on the card: user terms the engine skipped, text the extractor cut.
  const rules = toRuleSettingsWithWarnings({
    ...defaultSettings(),
    customTerms: [{ area: 'data-type', target: 'health', pattern: '(a+)+b', regex: true }],
  });
  out.push(...rules.warnings);
  const card = analyze(
    { text: 'We collect your blood type.' },
    {
      settings: {
        customTerms: [{ area: 'data-type', target: 'toaster' as 'health', pattern: 'blood' }],
      },
    },
  );
  out.push(...(card.warnings ?? []));
  const { document } = parseHTML(
    '<html><body><p>Privacy policy text that is long.</p></body></html>',
  );
  out.push(...extractPage(document as unknown as Document, { maxChars: 10 }).warnings);
  out.push('Skipped 2 embedded frames from another origin (their text cannot be read).');
  out.push(
    ...migrate('{broken').notices,
    ...migrate({ schemaVersion: 1, disabledTypes: ['health'] }).notices,
  );
  return out;
}

/**
 * What the translation wrote: without the field path before "：", the user's
 * quoted values, and the JavaScript engine's own error text (which comes in
 * the browser's language, after "表达式：" or "JSON：").
 */
function translatedPart(zh: string): string {
  return zh
    .replace(/^[^\s：]+：/, '')
    .replace(/(正则表达式|JSON)：.*$/, '$1')
    .replace(/"[^"]*"|“[^”]*”/g, '');
}

describe('problemText', () => {
  const all = problems();

  it('the broken inputs give many kinds of problems, card warnings among them', () => {
    expect(all.length).toBeGreaterThan(25);
    expect(all.filter((p) => p.startsWith('Custom term "'))).toHaveLength(2);
    expect(all).toContain('Text cut at 10 characters.');
  });

  it('shows every problem in Chinese in the Chinese interface', () => {
    const untranslated = all
      .map((p) => ({ p, zh: problemText(p, 'zh-CN') }))
      .filter(({ zh }) => !/[\u4e00-\u9fff]/.test(zh) || ENGLISH.test(translatedPart(zh)))
      .map(({ p, zh }) => `${p}  =>  ${zh}`);
    expect(untranslated).toEqual([]);
  });

  it('keeps the field path and the values the user wrote', () => {
    expect(
      problemText('customSdks[1].name: another custom SDK is already called "Acme"', 'zh-CN'),
    ).toBe('customSdks[1].name：已有名为“Acme”的自定义 SDK');
    expect(problemText('customTerms[3].pattern: is longer than 200 characters', 'zh-CN')).toBe(
      'customTerms[3].pattern：超过 200 个字符',
    );
  });

  it('leaves problems as written in the English interface, and unknown ones in any', () => {
    for (const p of all) expect(problemText(p, 'en-US')).toBe(p);
    expect(problemText('something new went wrong', 'zh-CN')).toBe('something new went wrong');
  });
});
