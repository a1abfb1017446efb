import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { openOptionsPage } from '../platform/runtime';
import { openInTab } from '../platform/tabs';
import { CardView } from './CardView';
import { analyseAnyway, type PopupState } from './flow';
import { showInPage } from './page-link';
import { Warnings } from './Warnings';

const ERROR_TEXT = {
  'no-tab': 'errorNoTab',
  inject: 'errorInject',
  extract: 'errorExtract',
  analyse: 'errorAnalyse',
} as const;

export function App({ tabId, first }: { tabId?: number; first: Promise<PopupState> }) {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    first
      .then((s) => live && setState(s))
      .catch(
        (err: unknown) =>
          live && setState({ kind: 'error', reason: 'extract', detail: String(err) }),
      );
    return () => {
      live = false;
    };
  }, [first]);

  useEffect(() => {
    // For npm run bench: when the answer reached the screen.
    if (state.kind !== 'loading') performance.mark('pl:shown');
  }, [state.kind]);

  return (
    <main
      class="popup"
      data-state={state.kind}
      data-cached={state.kind === 'card' ? String(state.fromCache) : undefined}
      aria-busy={state.kind === 'loading'}
    >
      <View state={state} setState={setState} closeAfterOpen={tabId === undefined} />
      <footer class="popup-foot">
        <button type="button" class="link-button" onClick={() => void openOptionsPage()}>
          {t('settings')}
        </button>
      </footer>
    </main>
  );
}

function View({
  state,
  setState,
  closeAfterOpen,
}: {
  state: PopupState;
  setState: (s: PopupState) => void;
  closeAfterOpen: boolean;
}) {
  switch (state.kind) {
    case 'loading':
      return <p class="status">{t('loading')}</p>;
    case 'restricted':
      return (
        <section class="notice" role="status">
          <h1>{t('restrictedTitle')}</h1>
          <p>{state.reason === 'file' ? t('fileAccessBody') : t('restrictedBody')}</p>
          {state.url && <p class="url">{state.url}</p>}
        </section>
      );
    case 'error':
      return (
        <section class="notice error" role="alert">
          <h1>{t('errorTitle')}</h1>
          <p>{t(ERROR_TEXT[state.reason])}</p>
          {state.detail && <p class="detail">{state.detail}</p>}
        </section>
      );
    case 'not-policy': {
      const { tab, page } = state;
      return (
        <section class="notice not-policy">
          <h1>{t('notPolicyTitle')}</h1>
          {page.title && <p class="page-title">{page.title}</p>}
          {page.policyLinks.length > 0 ? (
            <>
              <p>{t('notPolicyLinks')}</p>
              <ul class="policy-links">
                {page.policyLinks.map((link) => (
                  <li key={link.href}>
                    <button
                      type="button"
                      class="policy-link"
                      data-href={link.href}
                      title={link.href}
                      onClick={() => {
                        void openInTab(tab.id, link.href).then(() => {
                          if (closeAfterOpen) window.close();
                        });
                      }}
                    >
                      {link.text}
                    </button>
                    <span class="href">{link.href}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('notPolicyNoLinks')}</p>
          )}
          <button
            type="button"
            class="primary analyse-anyway"
            onClick={() => {
              setState({ kind: 'loading' });
              void analyseAnyway(tab).then(setState);
            }}
          >
            {t('analyseAnyway')}
          </button>
        </section>
      );
    }
    case 'card':
      return (
        <>
          <CardView
            card={state.card}
            fallbackTitle={state.tab.title}
            url={state.tab.url}
            onShow={(quote, heading, occurrence) =>
              showInPage(state.tab.id, quote, heading, occurrence)
            }
          />
          <Warnings warnings={state.warnings} />
        </>
      );
  }
}
