/**
 * Where the columns the scoring pool reads are allocated. Where shared memory exists (Node, or a
 * cross-origin isolated page and its workers), they are allocated in SharedArrayBuffers from the
 * start, so the pool's workers read them in place: no copy is made when a dataset is sent to the
 * pool, and the engine keeps one copy of them. Elsewhere they are ordinary typed arrays (and no pool
 * is started). The values are the same either way; only where the bytes live differs.
 */

/** Whether SharedArrayBuffer can be used (a cross-origin isolated page or its workers, or Node). */
export function canShareMemory(): boolean {
  const g = globalThis as { crossOriginIsolated?: boolean; SharedArrayBuffer?: unknown };
  return typeof g.SharedArrayBuffer === 'function' && g.crossOriginIsolated !== false;
}

export type Typed = Int32Array | Uint8Array | Float32Array | Float64Array;
type TypedCtor<A extends Typed> = {
  new (length: number): A;
  new (buffer: SharedArrayBuffer): A;
  readonly BYTES_PER_ELEMENT: number;
};

/** A zeroed typed array of `length` elements in shared memory (where it exists: see `canShareMemory`). */
export function sharedArray<A extends Typed>(Ctor: TypedCtor<A>, length: number): A {
  return new Ctor(new SharedArrayBuffer(length * Ctor.BYTES_PER_ELEMENT));
}

/** A zeroed typed array of `length` elements, in shared memory when it can be (see the module comment). */
export function poolColumn<A extends Typed>(Ctor: TypedCtor<A>, length: number): A {
  return canShareMemory() ? sharedArray(Ctor, length) : new Ctor(length);
}

/** Whether a typed array lives in shared memory. */
export function isShared(a: { readonly buffer: ArrayBufferLike }): boolean {
  return typeof SharedArrayBuffer === 'function' && a.buffer instanceof SharedArrayBuffer;
}
