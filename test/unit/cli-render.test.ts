import { describe, expect, it } from 'vitest';
import { renderCard, shortQuote } from '../../src/cli/render';
import { blankCard } from '../../src/eval/blank-card';

describe('renderCard', () => {
  it('says "Not stated" for every area a policy does not address', () => {
    const text = renderCard(blankCard());
    expect(text).toContain('Sensitive data (0)\n  Not stated');
    expect(text).toContain('Third parties and SDKs (0)\n  Not stated');
    expect(text).toContain('Retention: Not stated (0)');
    expect(text).toContain('Opt-out paths (0)\n  Not stated');
    expect(text).toContain('advertising: Not stated');
  });

  it('shows counts and the first quote of each item', () => {
    const card = blankCard();
    card.sensitiveData.push({
      type: 'location',
      party: 'third',
      severity: 'high',
      evidence: [
        { quote: 'we collect your\n  precise location', section: 0 },
        { quote: 'second quote', section: 1 },
      ],
    });
    card.optOut.push({
      kind: 'email',
      target: 'privacy@example.com',
      evidence: [{ quote: 'write to us', section: 0 }],
    });
    card.sharing.sale = {
      value: false,
      evidence: [],
      denials: [{ quote: 'we do not sell', section: 0 }],
    };
    const text = renderCard(card);
    expect(text).toContain(
      'Sensitive data (1)\n  location [high, third parties]\n      "we collect your precise location"',
    );
    expect(text).not.toContain('second quote');
    expect(text).toContain('email: privacy@example.com');
    expect(text).toContain('sale: no, the policy denies it\n      "we do not sell"');
  });
});

describe('shortQuote', () => {
  it('cuts long quotes at a word with an ellipsis', () => {
    const long = 'word '.repeat(60);
    const q = shortQuote(long, 40);
    expect([...q].length).toBeLessThanOrEqual(42);
    expect(q.endsWith('…"')).toBe(true);
    expect(q).not.toMatch(/wor…/);
    expect(shortQuote('short one')).toBe('"short one"');
  });
});
