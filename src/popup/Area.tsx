/** One area of the card: its title, its counts, and a button that unfolds the items. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';

export function Area(props: {
  id: string;
  title: string;
  /** What the area holds, in numbers ("9 types · 4 high"); absent when the policy says nothing. */
  counts?: string;
  /** Shown under the counts whether or not the area is open (e.g. the retention summary). */
  lead?: ComponentChildren;
  expanded?: boolean;
  /** The outline is not one of the card's five areas: it is marked data-outline instead. */
  outline?: boolean;
  children?: ComponentChildren;
}) {
  const [open, setOpen] = useState(props.expanded === true);
  // A closed area's items are drawn the first time it opens, not with the card:
  // the card shows sooner, and an area once opened keeps its items.
  const [drawn, setDrawn] = useState(open);
  const bodyId = `body-${props.id}`;
  const empty = props.counts === undefined;
  return (
    <section
      class="area"
      data-area={props.outline ? undefined : props.id}
      data-outline={props.outline ? '' : undefined}
      aria-labelledby={`h-${props.id}`}
    >
      <div class="area-head">
        <h2 id={`h-${props.id}`}>{props.title}</h2>
        {!empty && (
          <button
            type="button"
            class="area-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            aria-describedby={`h-${props.id}`}
            onClick={() => {
              setDrawn(true);
              setOpen(!open);
            }}
          >
            <span class="counts">{props.counts}</span>
            <span class="toggle-word">{open ? t('popup_hide') : t('popup_show')}</span>
          </button>
        )}
      </div>
      {empty ? <p class="not-stated">{t('notStated')}</p> : props.lead}
      {!empty && (
        <div id={bodyId} class="area-body" hidden={!open}>
          {drawn && props.children}
        </div>
      )}
    </section>
  );
}

/** Counts joined the way the card shows them: "9 types · 4 high". */
export function joinCounts(parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' · ');
}
