/** The pure analysis engine: no DOM, no browser APIs. */
export { analyze } from './analyze';
export { detectPolicy, type DetectInput } from './detect';
export { buildDoc, analysedText } from './sections';
export { compileRules, RULES_VERSION } from './compile';
export { scoreCard, DEFAULT_WEIGHTS, mergeWeights } from './score';
export { checkPattern } from './user-terms';
export * from './types';
export type * from './settings';
