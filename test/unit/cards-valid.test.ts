/**
 * Every card the analyser makes for the seeds, the HTML fixtures and every policy of the dev
 * corpora is a valid card (card.schema.json) and quotes only what the
 * analysed text says: each quote is an exact substring of it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { loadPolicyFile } from '../../src/cli/load';
import { cardFor } from '../../src/cli/run';
import type { Card, PolicyInput } from '../../src/core/types';
import { cardQuotes, corpusInput, inputText, parseCorpusLine } from '../../src/eval/corpus';

const SEEDS = '../shared/seeds';
const CORPUS = '../shared/corpus/dev';
const schema = JSON.parse(readFileSync('../shared/spec/card.schema.json', 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);

/** The problems of one card, as readable lines (empty when it is fine). */
function problems(id: string, input: PolicyInput, card: Card): string[] {
  const out: string[] = [];
  if (!validate(card)) {
    for (const e of validate.errors ?? [])
      out.push(`${id}: schema ${e.instancePath} ${e.message ?? ''}`);
  }
  const text = inputText(input);
  for (const q of cardQuotes(card)) {
    if (!text.includes(q.quote))
      out.push(`${id}: ${q.area} quote not in the text: ${JSON.stringify(q.quote.slice(0, 80))}`);
  }
  for (const e of cardQuotes(card)) {
    if (!Number.isInteger(e.section) || e.section < 0 || e.section >= card.sections.length) {
      out.push(`${id}: ${e.area} quote points to section ${e.section} of ${card.sections.length}`);
    }
  }
  return out;
}

const seedFiles = readdirSync(SEEDS)
  .filter((n) => n.endsWith('.txt'))
  .sort();
const FIXTURES = 'test/fixtures';
const fixtureFiles = readdirSync(FIXTURES)
  .filter((n) => n.endsWith('.html'))
  .sort();
const corpusFiles = readdirSync(CORPUS)
  .filter((n) => n.endsWith('.jsonl'))
  .sort();

describe('cards are valid and quote the text', () => {
  it('has seeds and corpora to check', () => {
    expect(seedFiles.length).toBeGreaterThanOrEqual(5);
    expect(corpusFiles.length).toBeGreaterThanOrEqual(3);
  });

  it.each(seedFiles)('seed %s', async (name) => {
    const input = await loadPolicyFile(`${SEEDS}/${name}`);
    const card = cardFor(input);
    expect(card.source?.file).toBe(`${SEEDS}/${name}`);
    expect(problems(name, input, card)).toEqual([]);
  });

  it.each(fixtureFiles)('HTML fixture %s (through extraction)', async (name) => {
    const input = await loadPolicyFile(`${FIXTURES}/${name}`);
    // A policy page always yields text; a page whose text sits in frames may yield none under linkedom.
    if (name.startsWith('seed-')) expect(input.blocks?.length).toBeGreaterThan(0);
    expect(problems(name, input, cardFor(input))).toEqual([]);
  });

  it.each(corpusFiles)('every policy of corpus %s', (name) => {
    const lines = readFileSync(`${CORPUS}/${name}`, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const line of lines) {
      const policy = parseCorpusLine(line);
      const input = corpusInput(policy);
      found.push(...problems(policy.id, input, cardFor(input)));
    }
    expect(found).toEqual([]);
  });
});
