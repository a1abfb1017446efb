import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findSdks } from '../../src/core/sdk';
import { dataTypesIn } from '../../src/core/datatypes';
import { fold } from '../../src/core/fold';
import type { DataType, SdkFinding } from '../../src/core/types';
import { badQuotes, ctxFor, normName } from './sdk-helpers';

// The shared material sits next to the repository (../shared from the repo root).
const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const seedFile = (id: string): string =>
  shared + 'seeds/' + readdirSync(shared + 'seeds').find((f) => f.startsWith(id))!;
const goldFile = (id: string): string =>
  shared +
  'gold/' +
  readdirSync(shared + 'gold').find((f) => f.startsWith(id) && f.endsWith('.json'))!;

interface GoldSdk {
  name: string;
  aliases?: string[];
  category: string;
  dataTypes?: DataType[];
}
interface Gold {
  sdks: GoldSdk[];
  sdksMay: string[];
}

/** The gold README rule: equal names, or one contains the other and the shorter is long enough. */
function namesMatch(a: string, b: string): boolean {
  const x = normName(a);
  const y = normName(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (!long.includes(short)) return false;
  const latin = (short.match(/[a-z]/g) ?? []).length;
  const cjk = (short.match(/[\u3400-\u9fff]/g) ?? []).length;
  return latin >= 4 || cjk >= 2;
}

function matchesGold(f: SdkFinding, g: GoldSdk): boolean {
  return [g.name, ...(g.aliases ?? [])].some((n) => namesMatch(f.name, n));
}

const realCtx = ctxFor({ dataTypesIn: (s: string) => dataTypesIn(s) });
const present = existsSync(shared + 'seeds');

describe.runIf(present)('SDKs of the seed policies', () => {
  it('001: every gold SDK found once, nothing beyond sdksMay, categories right', () => {
    const text = readFileSync(seedFile('001'), 'utf8');
    const gold = JSON.parse(readFileSync(goldFile('001'), 'utf8')) as Gold;
    const found = findSdks(text, realCtx);
    expect(badQuotes(text, found)).toEqual([]);

    const missing = gold.sdks
      .filter((g) => !found.some((f) => matchesGold(f, g)))
      .map((g) => g.name);
    expect(missing).toEqual([]);
    const extra = found.filter(
      (f) =>
        !gold.sdks.some((g) => matchesGold(f, g)) &&
        !gold.sdksMay.some((m) => namesMatch(f.name, m)),
    );
    expect(extra.map((f) => f.name)).toEqual([]);
    for (const g of gold.sdks) {
      const hits = found.filter((f) => matchesGold(f, g));
      expect(hits.length, g.name).toBe(1);
      expect(hits[0]!.category, g.name).toBe(g.category);
    }
  });

  it('001: the data types of each SDK mostly agree with the gold', () => {
    const text = readFileSync(seedFile('001'), 'utf8');
    const gold = JSON.parse(readFileSync(goldFile('001'), 'utf8')) as Gold;
    const found = findSdks(text, realCtx);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const g of gold.sdks) {
      const f = found.find((x) => matchesGold(x, g))!;
      const want = new Set(g.dataTypes ?? []);
      for (const t of f.dataTypes)
        if (want.has(t)) tp++;
        else fp++;
      for (const t of want) if (!f.dataTypes.includes(t)) fn++;
    }
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.85);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.75);
  });

  it('001: purposes come from the SDK blocks', () => {
    const text = readFileSync(seedFile('001'), 'utf8');
    const found = findSdks(text, realCtx);
    const getui = found.find((f) => f.id === 'getui')!;
    expect(getui.purpose).toBe('Provide push notification services for the mobile client');
    const qiniu = found.find((f) => f.id === 'qiniu')!;
    expect(qiniu.purpose).toBe('Provide third-party data storage services');
    expect(qiniu.dataTypes).toContain('device-id');
  });

  it('003: finds Umeng (as "Alliance +SDK") and App Center', () => {
    const text = readFileSync(seedFile('003'), 'utf8');
    const found = findSdks(text, realCtx);
    expect(found.map((f) => f.id).sort()).toEqual(['app-center', 'umeng']);
    const umeng = found.find((f) => f.id === 'umeng')!;
    expect(umeng.evidence[0]!.quote).toContain('Alliance +SDK');
    expect(umeng.dataTypes).toContain('device-id');
    expect(badQuotes(text, found)).toEqual([]);
  });

  it.each(['000', '002', '004'])('%s: no SDK (000 is TalkingData, the policy owner)', (id) => {
    const text = readFileSync(seedFile(id), 'utf8');
    expect(findSdks(text, realCtx)).toEqual([]);
  });

  it('000: TalkingData would be found if the policy were not its own', () => {
    const text = readFileSync(seedFile('000'), 'utf8');
    const opening = text.indexOf('(hereinafter');
    expect(opening).toBeGreaterThan(0);
    const other =
      text.slice(0, opening) +
      '(hereinafter referred to as "we")' +
      text.slice(text.indexOf(')', opening) + 1);
    expect(findSdks(other, realCtx).map((f) => f.id)).toEqual(['talkingdata']);
  });

  it('the folded text the engine hands over gives the same SDKs as folding here; a stale one is ignored', () => {
    for (const id of ['001', '003']) {
      const text = readFileSync(seedFile(id), 'utf8');
      const own = findSdks(text, realCtx);
      expect(own.length).toBeGreaterThan(1);
      expect(findSdks(text, { ...realCtx, folded: fold(text) })).toEqual(own);
      // A folded text of another length is not this text's: findSdks folds again.
      expect(findSdks(text, { ...realCtx, folded: fold(text.slice(0, 100)) })).toEqual(own);
    }
  });
});
