/**
 * Where a settings route lives: on the device or in the browser (the phone's
 * own "Settings -> Permission Management", a browser's settings), or inside
 * the product ("Me -> Privacy", "我的-设置-隐私"). The taxonomy calls the
 * first a browser-control and only the second a settings-path.
 */
import { termSet, type TermMatcher } from './matcher';
import type { Route } from './routes';

/** How far before a route its place may be named ("through the phone's …", "通过终端设备【…"). */
const BEFORE = 40;

export type RoutePlace = 'device' | 'product';

export interface RoutePlaceCues {
  device: TermMatcher<1>;
  product: TermMatcher<1>;
  /** Whole first labels that name the device ("系统" in "系统-设置-…"). */
  deviceLabels: ReadonlySet<string>;
}

export function routePlaceCues(
  device: readonly string[],
  product: readonly string[],
  deviceLabels: readonly string[] = [],
): RoutePlaceCues {
  return {
    device: termSet(device),
    product: termSet(product),
    deviceLabels: new Set(deviceLabels.map((l) => l.toLowerCase())),
  };
}

/** Quotes, brackets and spaces around a route's label. */
const LABEL_MARKS = /^[\s"'“”‘’【】\[\]「」『』<>《》]+|[\s"'“”‘’【】\[\]「」『』<>《》]+$/g;

/**
 * The place of `route` in `folded` (the document's folded text), read from the
 * words just before it in the same sentence and from its first label: the cue
 * nearest the route wins, and a route named by neither is the product's own.
 */
export function routePlace(
  folded: string,
  sentenceStart: number,
  route: Route,
  cues: RoutePlaceCues,
): RoutePlace {
  if (cues.deviceLabels.has(folded.slice(route.start, route.firstEnd).replace(LABEL_MARKS, '')))
    return 'device';
  const from = Math.max(sentenceStart, route.start - BEFORE);
  const device = lastEnd(cues.device, folded, from, route.firstEnd);
  const product = lastEnd(cues.product, folded, from, route.firstEnd);
  return device > product ? 'device' : 'product';
}

/** End offset of the last cue found in folded[from, to), or -1. */
function lastEnd(set: TermMatcher<1>, folded: string, from: number, to: number): number {
  let end = -1;
  for (const h of set.scan(folded, from, to)) if (h.end > end) end = h.end;
  return end;
}
