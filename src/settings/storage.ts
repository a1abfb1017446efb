/**
 * Settings in browser storage, reached through a small StorageArea interface
 * (src/platform/settings-storage.ts adapts webextension-polyfill to it; tests
 * use an in-memory fake with the same quotas).
 *
 * storage.sync holds only what differs from the defaults (diffFromDefaults),
 * as JSON text cut into items of at most SYNC_ITEM_BYTES:
 *   settings.manifest  { schemaVersion, location: 'sync', chunks, length, hash }
 *   settings.0 ... settings.<chunks-1>   the JSON text, in pieces
 * Everything is written in one set() call; the hash tells a complete set of
 * pieces from one still arriving from another device (or damaged).
 * When the JSON needs more than SYNC_MAX_CHUNKS pieces, or sync refuses the
 * write (quota), the settings go to storage.local under settings.local and the
 * manifest says { location: 'local' }: load() then reports location 'local',
 * which the options page shows as "kept on this device only".
 *
 * storage.local also keeps:
 *   settings.lastGood  the last settings read or written cleanly (used while
 *                      pieces are still arriving)
 *   settings.broken    a copy of stored data that could not be used
 *                      ({ keptAt, reason, data }), for export
 * Versions 1 and 2 kept the whole object in one sync item "settings"; the
 * very first builds kept only "uiLanguage". Both are read and upgraded.
 */
import { defaultSettings } from './defaults';
import { migrate, type MigrateStatus } from './migrate';
import { diffFromDefaults } from './normalize';
import { checkSettings } from './validate';
import { SCHEMA_VERSION, isUiLanguage, type Settings } from './types';

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** The part of browser.storage.sync / .local this module uses. */
export interface StorageArea {
  /** null: everything in the area. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Changes made to this area (by any page of the extension, or by sync). */
  onChanged?: {
    addListener(listener: (changes: Record<string, StorageChange>) => void): void;
    removeListener(listener: (changes: Record<string, StorageChange>) => void): void;
  };
}

/** storage.sync limits (the same in Chrome and Firefox). */
export const SYNC_QUOTA = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
} as const;

export const KEYS = {
  manifest: 'settings.manifest',
  chunkPrefix: 'settings.',
  legacy: 'settings',
  legacyLanguage: 'uiLanguage',
  local: 'settings.local',
  lastGood: 'settings.lastGood',
  broken: 'settings.broken',
} as const;

/** Bytes each piece may use, key and quotes included, with some room to spare. */
export const SYNC_ITEM_BYTES = SYNC_QUOTA.QUOTA_BYTES_PER_ITEM - 64;
/** At most this many pieces (about 80 KB), leaving room in sync for other keys. */
export const SYNC_MAX_CHUNKS = 10;

export type Location = 'sync' | 'local';

/** Longest broken copy kept whole (as JSON text); a longer one is kept cut, marked truncated. */
export const MAX_BROKEN_COPY = 1_000_000;

export interface LoadResult {
  settings: Settings;
  /** Messages for the user (upgrades, repairs, storage problems); empty when all is well. */
  notices: string[];
  /** Where the settings live: 'local' means "on this device only" (too large for sync). */
  location: Location;
  status: MigrateStatus | 'empty' | 'incomplete';
  /** A copy of unusable stored data is kept (exportBrokenCopy). */
  hasBrokenCopy: boolean;
}

export interface SaveResult {
  ok: boolean;
  location: Location;
  notices: string[];
  /** Why nothing was saved (invalid settings), when ok is false. */
  errors?: string[];
}

/** UTF-8 length of a string (storage quotas count bytes). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Bytes an item takes in storage.sync: its key plus its value as JSON. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? '');
}

/** FNV-1a over UTF-16 code units, as 8 hex digits. */
export function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Cut JSON text into pieces whose items (key + JSON string) fit SYNC_ITEM_BYTES. */
export function splitIntoChunks(text: string): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 2; // the quotes around the piece
  for (const ch of text) {
    const cost = utf8Bytes(JSON.stringify(ch)) - 2;
    const keyBytes = utf8Bytes(KEYS.chunkPrefix + chunks.length);
    if (current && keyBytes + bytes + cost > SYNC_ITEM_BYTES) {
      chunks.push(current);
      current = '';
      bytes = 2;
    }
    current += ch;
    bytes += cost;
  }
  if (current || !chunks.length) chunks.push(current);
  return chunks;
}

function chunkKey(i: number): string {
  return `${KEYS.chunkPrefix}${i}`;
}

function isChunkKey(k: string): boolean {
  return /^settings\.\d+$/.test(k);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function safeGet(
  area: StorageArea,
  keys: string[] | null,
  name: string,
  notices: string[],
): Promise<Record<string, unknown>> {
  try {
    const got = await area.get(keys);
    return isObj(got) ? got : {};
  } catch (e) {
    notices.push(`Could not read ${name} storage (${message(e)}).`);
    return {};
  }
}

async function keepBrokenCopy(
  local: StorageArea,
  data: unknown,
  reason: string,
  now: () => Date,
  notices: string[],
): Promise<boolean> {
  const text = JSON.stringify(data) ?? 'undefined';
  const copy =
    text.length > MAX_BROKEN_COPY
      ? {
          keptAt: now().toISOString(),
          reason,
          truncated: true,
          text: text.slice(0, MAX_BROKEN_COPY),
        }
      : { keptAt: now().toISOString(), reason, data };
  try {
    await local.set({ [KEYS.broken]: copy });
    notices.push(
      'A copy of the unusable settings was kept; it can be exported from the options page.',
    );
    return true;
  } catch (e) {
    notices.push(`The unusable settings could not be kept (${message(e)}).`);
    return false;
  }
}

export interface StorageOptions {
  /** Clock for time stamps (tests pass a fixed one). */
  now?: () => Date;
}

/** Read, upgrade and check the settings. Never throws; problems become notices. */
export async function loadSettings(
  sync: StorageArea,
  local: StorageArea,
  options: StorageOptions = {},
): Promise<LoadResult> {
  const now = options.now ?? (() => new Date());
  const notices: string[] = [];
  const all = await safeGet(sync, null, 'sync', notices);
  const loc = await safeGet(local, [KEYS.local, KEYS.lastGood, KEYS.broken], 'local', notices);
  let hasBrokenCopy = loc[KEYS.broken] !== undefined;
  const manifest = all[KEYS.manifest];

  const fallback = (status: LoadResult['status'], location: Location): LoadResult => {
    const last = loc[KEYS.lastGood];
    const cached = last === undefined ? undefined : checkSettings(last);
    return {
      settings: cached && !cached.errors.length ? cached.settings : defaultSettings(),
      notices,
      location,
      status,
      hasBrokenCopy,
    };
  };

  // Where the stored object is, and what to call it in messages.
  let raw: unknown;
  let location: Location = 'sync';
  let rewrite = false; // stored in an old layout: write back in the current one
  if (manifest === undefined) {
    if (all[KEYS.legacy] !== undefined) {
      raw = all[KEYS.legacy];
      rewrite = true;
    } else if (loc[KEYS.local] !== undefined) {
      raw = loc[KEYS.local];
      location = 'local';
    } else {
      const s = defaultSettings();
      const lang = all[KEYS.legacyLanguage];
      if (isUiLanguage(lang)) s.language = lang;
      return { settings: s, notices, location: 'sync', status: 'empty', hasBrokenCopy };
    }
  } else if (!isObj(manifest) || (manifest.location !== 'sync' && manifest.location !== 'local')) {
    notices.push('The saved settings index was damaged, so the defaults are used.');
    const kept = await keepBrokenCopy(local, { manifest }, 'damaged manifest', now, notices);
    hasBrokenCopy ||= kept;
    // Without a kept copy, leave the stored data alone rather than lose it.
    if (kept) await writeSettings(defaultSettings(), sync, local, notices, options);
    return {
      settings: defaultSettings(),
      notices,
      location: 'sync',
      status: 'unreadable',
      hasBrokenCopy,
    };
  } else if (manifest.location === 'local') {
    location = 'local';
    raw = loc[KEYS.local];
    if (raw === undefined) {
      notices.push(
        'The settings were saved on another device only (too large for sync), so this browser uses its last known copy or the defaults.',
      );
      return fallback('incomplete', 'local');
    }
  } else {
    const n = manifest.chunks;
    const pieces: string[] = [];
    const count =
      typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= SYNC_QUOTA.MAX_ITEMS ? n : 0;
    for (let i = 0; i < count; i++) {
      const piece = all[chunkKey(i)];
      if (typeof piece !== 'string') break;
      pieces.push(piece);
    }
    const text = pieces.join('');
    if (
      !count ||
      pieces.length !== count ||
      text.length !== manifest.length ||
      textHash(text) !== manifest.hash
    ) {
      notices.push(
        'The saved settings are incomplete (still arriving from another device, or damaged); the last known copy is used until they are complete.',
      );
      const pieceData = Object.fromEntries(Object.entries(all).filter(([k]) => isChunkKey(k)));
      hasBrokenCopy ||= await keepBrokenCopy(
        local,
        { manifest, pieces: pieceData },
        'incomplete pieces',
        now,
        notices,
      );
      return fallback('incomplete', 'sync');
    }
    try {
      raw = JSON.parse(text);
    } catch {
      notices.push('The saved settings were not valid JSON, so the defaults are used.');
      const kept = await keepBrokenCopy(local, text, 'not valid JSON', now, notices);
      hasBrokenCopy ||= kept;
      if (kept) await writeSettings(defaultSettings(), sync, local, notices, options);
      return {
        settings: defaultSettings(),
        notices,
        location: 'sync',
        status: 'unreadable',
        hasBrokenCopy,
      };
    }
  }

  const result = migrate(raw);
  notices.push(...cap(result.notices));
  let kept = true;
  if (result.status === 'repaired' || result.status === 'unreadable' || result.status === 'newer') {
    kept = await keepBrokenCopy(local, raw, result.status, now, notices);
    hasBrokenCopy ||= kept;
  }
  if (result.status === 'newer') {
    // Written by a newer version (maybe on another device): leave it alone.
    return { settings: result.settings, notices, location, status: 'newer', hasBrokenCopy };
  }
  if (!kept) {
    // The damaged data could not be copied: use the repaired settings without overwriting it.
    return { settings: result.settings, notices, location, status: result.status, hasBrokenCopy };
  }
  if (rewrite || result.status !== 'current') {
    const written = await writeSettings(result.settings, sync, local, notices, options);
    if (written) location = written;
    if (rewrite && written) {
      try {
        await sync.remove([KEYS.legacy]);
      } catch (e) {
        notices.push(`The old settings item could not be removed (${message(e)}).`);
      }
    }
  } else {
    const diff = diffFromDefaults(result.settings);
    if (JSON.stringify(loc[KEYS.lastGood]) !== JSON.stringify(diff)) {
      await local.set({ [KEYS.lastGood]: diff }).catch(() => undefined);
    }
  }
  return { settings: result.settings, notices, location, status: result.status, hasBrokenCopy };
}

/** Long lists of problems are cut to the first few in notices. */
function cap(notices: string[], max = 1_500): string[] {
  return notices.map((n) => (n.length > max ? `${n.slice(0, max)}… (and more)` : n));
}

async function writeSettings(
  settings: Settings,
  sync: StorageArea,
  local: StorageArea,
  notices: string[],
  _options: StorageOptions,
): Promise<Location | undefined> {
  const diff = diffFromDefaults(settings);
  const text = JSON.stringify(diff);
  const chunks = splitIntoChunks(text);
  let existing: string[] = [];
  try {
    existing = Object.keys(await sync.get(null)).filter(isChunkKey);
  } catch {
    // Unknown: stale pieces stay until the next save, and the hash ignores them.
  }
  const manifestBase = { schemaVersion: SCHEMA_VERSION, length: text.length, hash: textHash(text) };
  if (chunks.length <= SYNC_MAX_CHUNKS) {
    const items: Record<string, unknown> = {
      [KEYS.manifest]: { ...manifestBase, location: 'sync', chunks: chunks.length },
    };
    chunks.forEach((c, i) => (items[chunkKey(i)] = c));
    const stale = existing.filter((k) => !(k in items));
    try {
      try {
        await sync.set(items);
      } catch (e) {
        // Old pieces may hold the space the new ones need: drop them and try once more.
        if (!stale.length) throw e;
        await sync.remove(stale);
        await sync.set(items);
      }
      await sync.remove(stale).catch(() => undefined);
      await local.remove([KEYS.local]).catch(() => undefined);
      await local.set({ [KEYS.lastGood]: diff }).catch(() => undefined);
      return 'sync';
    } catch (e) {
      notices.push(
        `Browser sync refused the settings (${message(e)}), so they are kept on this device only.`,
      );
    }
  } else {
    notices.push(
      `The settings are too large for browser sync (${Math.ceil(utf8Bytes(text) / 1024)} KB; sync takes about ${Math.floor((SYNC_MAX_CHUNKS * SYNC_ITEM_BYTES) / 1024)} KB), so they are kept on this device only and will not reach your other browsers.`,
    );
  }
  try {
    await local.set({ [KEYS.local]: diff, [KEYS.lastGood]: diff });
  } catch (e) {
    notices.push(`The settings could not be saved on this device either (${message(e)}).`);
    return undefined;
  }
  try {
    await sync.set({ [KEYS.manifest]: { ...manifestBase, location: 'local' } });
    await sync.remove(existing);
  } catch (e) {
    notices.push(`Browser sync could not be told where the settings are (${message(e)}).`);
  }
  return 'local';
}

/**
 * Check and store settings (only what differs from the defaults). Invalid
 * settings are not written: ok is false and errors lists every problem; ok
 * is also false (errors say why) when neither sync nor local takes them.
 * Never throws.
 */
export async function saveSettings(
  settings: Settings,
  sync: StorageArea,
  local: StorageArea,
  options: StorageOptions = {},
): Promise<SaveResult> {
  const check = checkSettings(settings);
  if (check.errors.length) {
    return { ok: false, location: 'sync', notices: [], errors: check.errors };
  }
  const notices: string[] = [];
  const location = await writeSettings(check.settings, sync, local, notices, options);
  if (!location) return { ok: false, location: 'local', notices: [], errors: notices };
  return { ok: true, location, notices };
}

/** Back to the defaults (the broken copy, if any, stays). */
export function resetSettings(
  sync: StorageArea,
  local: StorageArea,
  options: StorageOptions = {},
): Promise<SaveResult> {
  return saveSettings(defaultSettings(), sync, local, options);
}

/** The kept copy of unusable settings as JSON text (for a download), if there is one. */
export async function exportBrokenCopy(local: StorageArea): Promise<string | undefined> {
  const got = await local.get([KEYS.broken]);
  const copy = got[KEYS.broken];
  return copy === undefined ? undefined : JSON.stringify(copy, null, 2);
}

export async function discardBrokenCopy(local: StorageArea): Promise<void> {
  await local.remove([KEYS.broken]);
}

/**
 * Call `listener` with freshly loaded settings whenever stored settings
 * change (this page, another page, or sync from another device). Returns a
 * function that stops listening. Areas without onChanged are not watched.
 */
export function onSettingsChanged(
  sync: StorageArea,
  local: StorageArea,
  listener: (result: LoadResult) => void,
  options: StorageOptions = {},
): () => void {
  let running = false;
  let again = false;
  const reload = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const result = await loadSettings(sync, local, options);
        if (!again) listener(result);
      } while (again);
    } finally {
      running = false;
    }
  };
  const relevant = (changes: Record<string, StorageChange>) =>
    Object.keys(changes).some(
      (k) =>
        k === KEYS.manifest ||
        k === KEYS.legacy ||
        k === KEYS.local ||
        k === KEYS.legacyLanguage ||
        isChunkKey(k),
    );
  const onChange = (changes: Record<string, StorageChange>) => {
    if (relevant(changes)) void reload();
  };
  sync.onChanged?.addListener(onChange);
  if (local !== sync) local.onChanged?.addListener(onChange);
  return () => {
    sync.onChanged?.removeListener(onChange);
    if (local !== sync) local.onChanged?.removeListener(onChange);
  };
}
