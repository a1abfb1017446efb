/**
 * The one way the CLI and the accuracy harness turn an input into a card,
 * so both measure exactly what the extension shows.
 */
import { analyze } from '../core/analyze';
import type { Card, PolicyInput } from '../core/types';

export function cardFor(input: PolicyInput): Card {
  const card = analyze(input);
  if (input.file !== undefined) card.source = { ...card.source, file: input.file };
  return card;
}
