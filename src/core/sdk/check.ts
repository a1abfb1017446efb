/**
 * Consistency checks of catalog data beyond its JSON schema: unique ids, no
 * alias (normalised as the scoring rules do) claimed by two entries, every
 * ambiguous alias really an alias. Used by scripts/check-catalog.ts and tests.
 */
import { normalizeName } from './fold';
import type { CatalogEntry } from './types';

export function catalogProblems(entries: readonly CatalogEntry[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  for (const e of entries) {
    if (ids.has(e.id)) problems.push(`duplicate id ${e.id}`);
    ids.add(e.id);
    const aliases = [...e.aliases.en, ...e.aliases.zh];
    if (aliases.length === 0) problems.push(`${e.id}: no aliases`);
    for (const a of e.ambiguous ?? [])
      if (!aliases.includes(a))
        problems.push(`${e.id}: ambiguous "${a}" is not one of its aliases`);
    for (const a of e.aliases.zh)
      if (!/[\u3000-\u9fff]/.test(a)) problems.push(`${e.id}: zh alias "${a}" has no Chinese`);
    for (const a of e.aliases.en)
      if (/[\u3000-\u9fff]/.test(a)) problems.push(`${e.id}: en alias "${a}" has Chinese`);
    for (const a of e.cued?.names ?? [])
      if (aliases.includes(a)) problems.push(`${e.id}: cued name "${a}" is also a plain alias`);
    for (const a of new Set([
      e.name,
      ...aliases,
      ...(e.cued?.names ?? []),
      ...(e.packages ?? []),
    ])) {
      const n = normalizeName(a);
      if (!n) {
        problems.push(`${e.id}: alias "${a}" is empty once normalised`);
        continue;
      }
      const other = owner.get(n);
      if (other && other !== e.id) problems.push(`alias "${a}" claimed by ${other} and ${e.id}`);
      owner.set(n, e.id);
    }
  }
  return problems;
}
