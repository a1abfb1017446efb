/**
 * The check every user pattern passes before it is saved or imported. It is the
 * engine's own check (src/core/user-terms.ts and src/core/pattern-safety.ts), so
 * what the options page accepts is exactly what the engine will compile.
 */
import { checkPattern, type PatternCheck } from '../core/user-terms';

export { regexSlowReason, wildcardSlowReason } from '../core/pattern-safety';

export function checkUserPattern(pattern: string, regex = false): PatternCheck {
  return checkPattern(pattern, regex);
}
