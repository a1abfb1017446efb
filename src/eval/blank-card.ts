/**
 * A valid card that says nothing: the starting point for hand-made cards in
 * the harness's tests (fill in only the fields a test is about).
 */
import { SHARING_FLAGS, type Card, type Flag, type SharingFlag } from '../core/types';

export function blankCard(): Card {
  const sharing = {} as Record<SharingFlag, Flag>;
  for (const flag of SHARING_FLAGS) sharing[flag] = { value: false, evidence: [] };
  return {
    schemaVersion: 1,
    language: 'en',
    detection: { isPolicy: true, confidence: 1, signals: [] },
    sections: [],
    sensitiveData: [],
    sdks: [],
    retention: { summary: 'not-stated', statements: [] },
    optOut: [],
    sharing,
    score: { grade: 'A', points: 100, reasons: [] },
  };
}
