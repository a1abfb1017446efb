/** The risk card: header with grade, then one block per area, then the policy's outline. */
import { useState } from 'preact/hooks';
import type { Card } from '../core/types';
import { GRADE_COLOURS } from '../platform/badge';
import { t, uiLang } from '../platform/i18n';
import { Area, joinCounts } from './Area';
import { PageLinkContext, Quotes, type PageLink } from './Evidence';
import { byCategory, bySeverity, hostOf, humanDuration, sharingView } from './format';
import { label, plural, reasonLines } from './labels';
import { OptOutItem } from './OptOutItem';
import { Warnings } from './Warnings';

function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  try {
    return new Intl.DateTimeFormat(uiLang(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
  } catch {
    return d.toISOString();
  }
}

export function CardView({
  card,
  fallbackTitle,
  url,
  onShow,
  expanded = false,
}: {
  card: Card;
  fallbackTitle?: string;
  url?: string;
  /** Show a passage in the page; resolves to whether it was found. */
  onShow?: (quote: string, heading: boolean, occurrence: number) => Promise<boolean>;
  /** Open every area from the start (tests and screenshots). */
  expanded?: boolean;
}) {
  const [active, setActive] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const grade = card.score.grade;
  const title = card.source?.title || fallbackTitle || '';
  const pageUrl = card.source?.url ?? url ?? '';
  const site = hostOf(pageUrl);
  const analysed = formatDate(card.analyzedAt);
  const reasons = reasonLines(card);

  const link: PageLink = {
    active,
    lang: card.language === 'en' || card.language === 'zh' ? card.language : undefined,
    show(quote, heading = false, occurrence = 0) {
      setActive(heading ? `${occurrence}\u0000${quote}` : quote);
      if (!onShow) return;
      setStatus('');
      void onShow(quote, heading, occurrence).then(
        (found) => setStatus(found ? t('popup_status_shown') : t('popup_status_missing')),
        () => setStatus(t('popup_status_missing')),
      );
    },
  };

  const sensitive = card.sensitiveData;
  const high = sensitive.filter((s) => s.severity === 'high').length;
  const ads = card.sdks.filter((s) => s.category === 'ads').length;
  const groups = byCategory(card.sdks);
  const retention = card.retention;
  const sharing = sharingView(card.sharing);
  const outline = card.sections.filter((s) => s.level > 0 && s.heading.trim());
  const withTarget = card.optOut.filter((o) => o.target).length;

  return (
    <PageLinkContext.Provider value={link}>
      <article class="card">
        <header class="card-head">
          <div
            class="grade"
            data-grade={grade}
            style={{ background: GRADE_COLOURS[grade] }}
            role="img"
            aria-label={t('gradeLabel', grade)}
          >
            <span aria-hidden="true">{grade}</span>
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
              {analysed && (
                <span class="analysed">
                  {t('popup_analysed')}: <time dateTime={card.analyzedAt}>{analysed}</time>
                </span>
              )}
            </p>
          </div>
        </header>
        {reasons.length > 0 && (
          <details class="reasons" open={expanded}>
            <summary>
              {t('reasons')} <span class="score">{t('popup_score', card.score.points)}</span>
            </summary>
            <ul>
              {reasons.map((r, i) => (
                <li key={i}>
                  <span class="reason-text">{r.text}</span>
                  {r.points !== undefined && r.points !== 0 && (
                    <span class={r.points < 0 ? 'points minus' : 'points plus'}>
                      {t('popup_points', r.points > 0 ? `+${r.points}` : `\u2212${-r.points}`)}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </details>
        )}
        <p class="page-status" role="status" aria-live="polite">
          {status}
        </p>

        <Area
          id="sensitive"
          title={t('areaSensitive')}
          expanded={expanded}
          counts={
            sensitive.length
              ? joinCounts([
                  plural('popup_n_types', sensitive.length),
                  high > 0 && t('popup_n_high', high),
                ])
              : undefined
          }
        >
          {bySeverity(sensitive).map((g) => (
            <div class={`group sev-${g.severity}`} key={g.severity} data-severity={g.severity}>
              <h3>
                {t('popup_severityGroup', label.severity(g.severity))} ({g.items.length})
              </h3>
              <ul class="items">
                {g.items.map((f) => (
                  <li key={f.type} data-type={f.type} class={`sev-${f.severity}`}>
                    <span class="item-name">{label.dataType(f.type)}</span>
                    <span class="tag party" data-party={f.party}>
                      {label.party(f.party)}
                    </span>
                    <Quotes evidence={f.evidence} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Area>

        <Area
          id="sdks"
          title={t('areaSdks')}
          expanded={expanded}
          counts={
            card.sdks.length
              ? joinCounts([
                  plural('popup_n_sdks', card.sdks.length),
                  ads > 0 ? t('popup_n_ads', ads) : plural('popup_n_categories', groups.length),
                ])
              : undefined
          }
        >
          {groups.map((g) => (
            <div class="group" key={g.category} data-category={g.category}>
              <h3>
                {label.sdkCategory(g.category)} ({g.items.length})
              </h3>
              <ul class="items">
                {g.items.map((s, i) => (
                  <li key={`${s.name}-${i}`} data-sdk={s.id ?? s.name}>
                    <span class="item-name">{s.name}</span>
                    {s.vendor && <span class="vendor">{t('popup_vendor', s.vendor)}</span>}
                    {s.aliases && s.aliases.length > 0 && (
                      <span class="aliases">
                        {t('popup_aliases', s.aliases.join(t('popup_listSep')))}
                      </span>
                    )}
                    {s.dataTypes.length > 0 && (
                      <p class="sub">
                        {t('sdkData', s.dataTypes.map(label.dataType).join(t('popup_listSep')))}
                      </p>
                    )}
                    {s.purpose && <p class="sub">{t('popup_purpose', s.purpose)}</p>}
                    <Quotes evidence={s.evidence} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </Area>

        <Area
          id="retention"
          title={t('areaRetention')}
          expanded={expanded}
          counts={
            retention.statements.length
              ? plural('popup_n_statements', retention.statements.length)
              : undefined
          }
          lead={<p class="summary">{t('popup_overall', label.retention(retention.summary))}</p>}
        >
          <ul class="items">
            {retention.statements.map((r, i) => {
              const d = r.days !== undefined ? humanDuration(r.days) : undefined;
              return (
                <li key={i} data-kind={r.kind}>
                  <span class="item-name">{label.retention(r.kind)}</span>
                  {d && <span class="tag duration">{label.duration(d.n, d.unit)}</span>}
                  <Quotes evidence={r.evidence} />
                </li>
              );
            })}
          </ul>
        </Area>

        <Area
          id="optout"
          title={t('areaOptOut')}
          expanded={expanded}
          counts={
            card.optOut.length
              ? joinCounts([
                  plural('popup_n_paths', card.optOut.length),
                  withTarget > 0 && t('popup_n_direct', withTarget),
                ])
              : undefined
          }
        >
          <ul class="items">
            {card.optOut.map((o, i) => (
              <OptOutItem key={i} path={o} index={i} policy={{ title, url: pageUrl }} />
            ))}
          </ul>
        </Area>

        <Area
          id="sharing"
          title={t('areaSharing')}
          expanded={expanded}
          counts={
            sharing.yes.length + sharing.denied.length
              ? joinCounts([
                  t('popup_n_yes', sharing.yes.length),
                  sharing.denied.length > 0 && t('popup_n_denied', sharing.denied.length),
                ])
              : undefined
          }
        >
          <ul class="items">
            {[...sharing.yes, ...sharing.denied].map((f) => {
              const flag = card.sharing[f];
              return (
                <li key={f} data-flag={f} class={flag.value ? 'flag-yes' : 'flag-denied'}>
                  <span class="item-name">{label.flag(f)}</span>
                  <span class="tag">{flag.value ? t('flagYes') : t('popup_flagDenied')}</span>
                  <Quotes evidence={flag.value ? flag.evidence : (flag.denials ?? [])} />
                </li>
              );
            })}
          </ul>
          {sharing.silent.length > 0 && (
            <p class="sub silent">
              {t('popup_silent', sharing.silent.map(label.flag).join(t('popup_listSep')))}
            </p>
          )}
        </Area>

        {outline.length > 0 && (
          <Area
            id="outline"
            outline
            title={t('popup_outline')}
            expanded={expanded}
            counts={plural('popup_n_sections', outline.length)}
          >
            <ul class="outline">
              {outline.map((s, i) => {
                // Which of several equal headings this is, counted the way the page lists them.
                const occurrence = outline
                  .slice(0, i)
                  .filter((o) => o.heading === s.heading).length;
                return (
                  <li
                    key={i}
                    style={{ paddingLeft: `${Math.min(4, Math.max(0, s.level - 1)) * 12}px` }}
                  >
                    <button
                      type="button"
                      class="heading-link"
                      data-active={
                        active === `${occurrence}\u0000${s.heading}` ? 'true' : undefined
                      }
                      onClick={() => link.show(s.heading, true, occurrence)}
                    >
                      {s.heading}
                    </button>
                    {s.topic !== 'other' && <span class="tag topic">{label.topic(s.topic)}</span>}
                  </li>
                );
              })}
            </ul>
          </Area>
        )}

        <Warnings warnings={card.warnings} />
      </article>
    </PageLinkContext.Provider>
  );
}
