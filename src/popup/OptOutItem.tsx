/** One opt-out path and what the user can do with its target right away. */
import { useState } from 'preact/hooks';
import type { OptOutPath } from '../core/types';
import { copyText, openNewTab } from '../platform/actions';
import { t } from '../platform/i18n';
import { Quotes } from './Evidence';
import {
  emailAddress,
  mailtoHref,
  REQUEST_KINDS,
  telHref,
  webUrl,
  type RequestKind,
} from './format';
import { label } from './labels';

/** The policy a request cites. */
export interface PolicyRef {
  title: string;
  url: string;
}

/** A pre-filled e-mail request in the interface language, citing the policy. */
export function requestMail(to: string, kind: RequestKind, policy: PolicyRef): string {
  const cite = policy.url ? `${policy.title} (${policy.url})` : policy.title;
  return mailtoHref(
    to,
    t(`popup_mail_subject_${kind}`, policy.title),
    t(`popup_mail_body_${kind}`, cite),
  );
}

export function OptOutItem({
  path,
  index,
  policy,
}: {
  path: OptOutPath;
  index: number;
  policy: PolicyRef;
}) {
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  const [request, setRequest] = useState<RequestKind>('optout');
  const target = path.target;
  const url =
    target && (path.kind === 'url' || /^https?:\/\//i.test(target)) ? webUrl(target) : undefined;
  const email = target && path.kind === 'email' ? emailAddress(target) : undefined;
  const phone = target && path.kind === 'phone' ? target : undefined;
  const route =
    target && !url && !['email', 'url', 'phone'].includes(path.kind) ? target : undefined;
  const selectId = `req-${index}`;
  return (
    <li data-kind={path.kind}>
      <span class="item-name">{label.optOut(path.kind)}</span>
      {route && (
        <p class="route" data-testid="route">
          <span class="route-label">{t('popup_route')}: </span>
          <span class="route-text">{route}</span>
        </p>
      )}
      {target && !route && <code class="target">{target}</code>}
      {target && (
        <div class="actions">
          <button
            type="button"
            class="small copy"
            aria-label={`${t('popup_copy')}: ${email ?? target}`}
            onClick={() => {
              // A spelled-out address ("dpo (at) x [dot] de") is copied as the address it spells.
              void copyText(email ?? target).then((ok) => setCopied(ok ? 'yes' : 'no'));
            }}
          >
            {t('popup_copy')}
          </button>
          {url && (
            <button
              type="button"
              class="small open"
              aria-label={`${t('popup_open')}: ${url}`}
              onClick={() => void openNewTab(url)}
            >
              {t('popup_open')}
            </button>
          )}
          {phone && (
            <a class="small call" href={telHref(phone)} aria-label={`${t('popup_call')}: ${phone}`}>
              {t('popup_call')}
            </a>
          )}
          {email && (
            <span class="mail">
              <label for={selectId}>{t('popup_mail_request')}</label>
              <select
                id={selectId}
                value={request}
                onChange={(e) =>
                  setRequest((e.currentTarget as HTMLSelectElement).value as RequestKind)
                }
              >
                {REQUEST_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`popup_req_${k}`)}
                  </option>
                ))}
              </select>
              <a
                class="small mailto"
                aria-label={`${t('popup_mail_write')}: ${email}`}
                href={requestMail(email, request, policy)}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('popup_mail_write')}
              </a>
            </span>
          )}
          <span class="copy-status" role="status">
            {copied === 'yes' ? t('popup_copied') : copied === 'no' ? t('popup_copyFailed') : ''}
          </span>
        </div>
      )}
      <Quotes evidence={path.evidence} />
    </li>
  );
}
