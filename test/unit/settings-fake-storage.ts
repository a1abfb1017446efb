/**
 * An in-memory StorageArea that behaves like browser.storage: values are
 * stored as JSON (so callers get copies), writes over the quotas throw the
 * way Chrome rejects them, and onChanged listeners hear about every change
 * after the write (asynchronously).
 */
import type { StorageArea, StorageChange } from '../../src/settings/storage';

export interface Quotas {
  QUOTA_BYTES: number;
  QUOTA_BYTES_PER_ITEM: number;
  MAX_ITEMS: number;
}

/** chrome.storage.sync's documented limits. */
export const SYNC_LIMITS: Quotas = {
  QUOTA_BYTES: 102_400,
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
};
/** chrome.storage.local without unlimitedStorage. */
export const LOCAL_LIMITS: Quotas = {
  QUOTA_BYTES: 10_485_760,
  QUOTA_BYTES_PER_ITEM: Infinity,
  MAX_ITEMS: Infinity,
};

type Listener = (changes: Record<string, StorageChange>) => void;

export class FakeArea implements StorageArea {
  readonly items = new Map<string, string>();
  private readonly listeners = new Set<Listener>();
  setCalls = 0;
  /** Make the next get() / set() throw, like a disabled sync service. */
  failGet?: Error;
  failSet?: Error;

  constructor(readonly quotas: Quotas = SYNC_LIMITS) {}

  static bytes(key: string, json: string): number {
    return Buffer.byteLength(key, 'utf8') + Buffer.byteLength(json, 'utf8');
  }

  totalBytes(): number {
    let n = 0;
    for (const [k, v] of this.items) n += FakeArea.bytes(k, v);
    return n;
  }

  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    if (this.failGet) throw this.failGet;
    const out: Record<string, unknown> = {};
    for (const [k, v] of this.items) if (keys === null || keys.includes(k)) out[k] = JSON.parse(v);
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failSet) throw this.failSet;
    this.setCalls++;
    const next = new Map(this.items);
    for (const [k, v] of Object.entries(items)) {
      const json = JSON.stringify(v);
      if (FakeArea.bytes(k, json) > this.quotas.QUOTA_BYTES_PER_ITEM) {
        throw new Error(`QUOTA_BYTES_PER_ITEM quota exceeded (${k})`);
      }
      next.set(k, json);
    }
    let total = 0;
    for (const [k, v] of next) total += FakeArea.bytes(k, v);
    if (total > this.quotas.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
    if (next.size > this.quotas.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    const changes: Record<string, StorageChange> = {};
    for (const [k, v] of Object.entries(items)) {
      const old = this.items.get(k);
      changes[k] = {
        ...(old !== undefined ? { oldValue: JSON.parse(old) } : {}),
        newValue: structuredClone(v),
      };
    }
    for (const [k, v] of next) this.items.set(k, v);
    this.emit(changes);
  }

  async remove(keys: string[]): Promise<void> {
    const changes: Record<string, StorageChange> = {};
    for (const k of keys) {
      const old = this.items.get(k);
      if (old === undefined) continue;
      this.items.delete(k);
      changes[k] = { oldValue: JSON.parse(old) };
    }
    this.emit(changes);
  }

  /** Put raw data in place without quota checks or events (what another device or an old build left). */
  seed(items: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(items)) this.items.set(k, JSON.stringify(v));
  }

  onChanged = {
    addListener: (l: Listener) => void this.listeners.add(l),
    removeListener: (l: Listener) => void this.listeners.delete(l),
  };

  private emit(changes: Record<string, StorageChange>): void {
    if (!Object.keys(changes).length) return;
    for (const l of this.listeners) queueMicrotask(() => l(changes));
  }
}

export function areas(): { sync: FakeArea; local: FakeArea } {
  return { sync: new FakeArea(SYNC_LIMITS), local: new FakeArea(LOCAL_LIMITS) };
}
