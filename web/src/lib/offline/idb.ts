// The offline queue's store: one IndexedDB object store of queued changes in the order made.
// Survives a reload and a phone restart; nothing here is sent anywhere but to chibo.
import type { QueuedChange } from './types';

const DB = 'chibo-offline';
const STORE = 'changes';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let db: Promise<IDBDatabase> | null = null;
const conn = () => (db ??= open());

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const d = await conn();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Every queued change, oldest first. */
export const loadAll = () => run('readonly', (s) => s.getAll() as IDBRequest<QueuedChange[]>);
/** Adds a change; returns its sequence number (the queue's order). */
export const add = (c: QueuedChange) => run('readwrite', (s) => s.add(c) as IDBRequest<number>);
export const put = (c: QueuedChange) => run('readwrite', (s) => s.put(c));
export const remove = (seq: number) => run('readwrite', (s) => s.delete(seq));
