/** The risk card: header with grade, then one block per area. */
import type { ComponentChildren } from 'preact';
import { SHARING_FLAGS, type Card } from '../core/types';
import { GRADE_COLOURS } from '../platform/badge';
import { t } from '../platform/i18n';
import { Quotes } from './Evidence';
import { label } from './labels';

function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

function Area(props: { id: string; title: string; empty: boolean; children?: ComponentChildren }) {
  return (
    <section class="area" data-area={props.id} aria-labelledby={`h-${props.id}`}>
      <h2 id={`h-${props.id}`}>{props.title}</h2>
      {props.empty ? <p class="not-stated">{t('notStated')}</p> : props.children}
    </section>
  );
}

export function CardView({
  card,
  fallbackTitle,
  url,
}: {
  card: Card;
  fallbackTitle?: string;
  url?: string;
}) {
  const grade = card.score.grade;
  const title = card.source?.title || fallbackTitle || '';
  const site = hostOf(card.source?.url ?? url);
  const retention = card.retention;
  const sharingFound = SHARING_FLAGS.filter(
    (f) => card.sharing[f].value || (card.sharing[f].denials?.length ?? 0) > 0,
  );
  return (
    <article class="card">
      <header class="card-head">
        <div
          class="grade"
          data-grade={grade}
          style={{ background: GRADE_COLOURS[grade] }}
          role="img"
          aria-label={t('gradeLabel', grade)}
        >
          {grade}
        </div>
        <div class="head-text">
          <h1 class="policy-title" data-testid="policy-title">
            {title}
          </h1>
          <p class="meta">
            {site && <span class="site">{site}</span>}
            <span class="lang">
              {t('language')}: {label.language(card.language)}
            </span>
          </p>
        </div>
      </header>
      {card.score.reasons.length > 0 && (
        <details class="reasons">
          <summary>{t('reasons')}</summary>
          <ul>
            {card.score.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      )}

      <Area id="sensitive" title={t('areaSensitive')} empty={card.sensitiveData.length === 0}>
        <ul class="items">
          {card.sensitiveData.map((f) => (
            <li key={f.type} data-type={f.type} class={`sev-${f.severity}`}>
              <span class="item-name">{label.dataType(f.type)}</span>
              <span class="tag">{label.severity(f.severity)}</span>
              <span class="tag">{label.party(f.party)}</span>
              <Quotes evidence={f.evidence} />
            </li>
          ))}
        </ul>
      </Area>

      <Area id="sdks" title={t('areaSdks')} empty={card.sdks.length === 0}>
        <ul class="items">
          {card.sdks.map((s, i) => (
            <li key={`${s.name}-${i}`} data-sdk={s.id ?? s.name}>
              <span class="item-name">{s.name}</span>
              {s.vendor && <span class="vendor">{s.vendor}</span>}
              <span class="tag">{label.sdkCategory(s.category)}</span>
              {s.dataTypes.length > 0 && (
                <p class="sub">{t('sdkData', s.dataTypes.map(label.dataType).join(', '))}</p>
              )}
              <Quotes evidence={s.evidence} />
            </li>
          ))}
        </ul>
      </Area>

      <Area id="retention" title={t('areaRetention')} empty={retention.statements.length === 0}>
        <p class="summary">{label.retention(retention.summary)}</p>
        <ul class="items">
          {retention.statements.map((r, i) => (
            <li key={i}>
              <span class="item-name">{label.retention(r.kind)}</span>
              {r.days !== undefined && <span class="tag">{t('retentionDays', r.days)}</span>}
              <Quotes evidence={r.evidence} />
            </li>
          ))}
        </ul>
      </Area>

      <Area id="optout" title={t('areaOptOut')} empty={card.optOut.length === 0}>
        <ul class="items">
          {card.optOut.map((o, i) => (
            <li key={i}>
              <span class="item-name">{label.optOut(o.kind)}</span>
              {o.target && <code class="target">{o.target}</code>}
              <Quotes evidence={o.evidence} />
            </li>
          ))}
        </ul>
      </Area>

      <Area id="sharing" title={t('areaSharing')} empty={sharingFound.length === 0}>
        <ul class="items">
          {sharingFound.map((f) => {
            const flag = card.sharing[f];
            return (
              <li key={f} data-flag={f} class={flag.value ? 'flag-yes' : 'flag-denied'}>
                <span class="item-name">{label.flag(f)}</span>
                <span class="tag">{flag.value ? t('flagYes') : t('flagDenied')}</span>
                <Quotes evidence={flag.value ? flag.evidence : (flag.denials ?? [])} />
              </li>
            );
          })}
        </ul>
      </Area>

      {card.warnings && card.warnings.length > 0 && (
        <details class="warnings">
          <summary>{t('warnings')}</summary>
          <ul>
            {card.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
