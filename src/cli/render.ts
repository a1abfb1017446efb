/**
 * A card as readable terminal text: grade and detection first, then each
 * area with its count and the first quote of each item. An area the policy
 * does not address says "Not stated".
 */
import { SHARING_FLAGS, type Card, type Evidence, type Party } from '../core/types';

const QUOTE_WIDTH = 110;

/** One line of a quote: whitespace collapsed, cut at a word boundary with an ellipsis. */
export function shortQuote(quote: string, width = QUOTE_WIDTH): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= width) return `"${flat}"`;
  const cut = [...flat].slice(0, width - 1).join('');
  const space = cut.lastIndexOf(' ');
  const head = space > width * 0.6 ? cut.slice(0, space) : cut;
  return `"${head}…"`;
}

function firstQuote(evidence: readonly Evidence[] | undefined): string {
  const e = evidence?.[0];
  return e ? shortQuote(e.quote) : '';
}

function heading(title: string, count?: number): string {
  return count === undefined ? title : `${title} (${count})`;
}

const NOT_STATED = '  Not stated';

const PARTY_TEXT: Record<Party, string> = {
  first: 'the service',
  third: 'third parties',
  both: 'the service and third parties',
};

export function renderCard(card: Card): string {
  const out: string[] = [];
  const title = card.source?.title ?? card.source?.file ?? card.source?.url ?? 'Policy';
  out.push(`${title}${card.source?.file && card.source.title ? `  [${card.source.file}]` : ''}`);
  const d = card.detection;
  out.push(
    `Grade ${card.score.grade} (${card.score.points} points) · language ${card.language} · ` +
      `${d.isPolicy ? 'privacy policy' : 'not a privacy policy'} (confidence ${d.confidence.toFixed(2)})`,
  );
  for (const r of card.score.reasons) out.push(`  - ${r}`);

  out.push('', heading('Sensitive data', card.sensitiveData.length));
  if (card.sensitiveData.length === 0) out.push(NOT_STATED);
  for (const f of card.sensitiveData) {
    out.push(`  ${f.type} [${f.severity}, ${PARTY_TEXT[f.party]}]`);
    out.push(`      ${firstQuote(f.evidence)}`);
  }

  out.push('', heading('Third parties and SDKs', card.sdks.length));
  if (card.sdks.length === 0) out.push(NOT_STATED);
  for (const s of card.sdks) {
    const vendor = s.vendor ? `, ${s.vendor}` : '';
    const data = s.dataTypes.length ? ` takes ${s.dataTypes.join(', ')}` : '';
    const called = s.aliases?.length ? ` (called ${s.aliases.join(', ')})` : '';
    out.push(`  ${s.name}${called} [${s.category}${vendor}]${data}`);
    out.push(`      ${firstQuote(s.evidence)}`);
  }

  const ret = card.retention;
  out.push(
    '',
    heading(
      `Retention: ${ret.summary === 'not-stated' ? 'Not stated' : ret.summary}`,
      ret.statements.length,
    ),
  );
  for (const s of ret.statements) {
    out.push(`  ${s.kind}${s.days !== undefined ? ` (${s.days} days)` : ''}`);
    out.push(`      ${firstQuote(s.evidence)}`);
  }

  out.push('', heading('Opt-out paths', card.optOut.length));
  if (card.optOut.length === 0) out.push(NOT_STATED);
  for (const o of card.optOut) {
    out.push(`  ${o.kind}${o.target ? `: ${o.target}` : ''}`);
    out.push(`      ${firstQuote(o.evidence)}`);
  }

  out.push('', 'Sharing');
  for (const flag of SHARING_FLAGS) {
    const f = card.sharing[flag];
    if (f.value) {
      out.push(`  ${flag}: yes`);
      out.push(`      ${firstQuote(f.evidence)}`);
    } else if (f.denials && f.denials.length > 0) {
      out.push(`  ${flag}: no, the policy denies it`);
      out.push(`      ${firstQuote(f.denials)}`);
    } else {
      out.push(`  ${flag}: Not stated`);
    }
  }
  if (card.warnings && card.warnings.length > 0) {
    out.push('', 'Warnings');
    for (const w of card.warnings) out.push(`  ${w}`);
  }
  return out.join('\n');
}
