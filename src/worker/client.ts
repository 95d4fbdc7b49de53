/**
 * The UI's handle on the engine. In the browser it is a Web Worker behind comlink; tests install an
 * in-process engine with `useInProcessEngine`.
 */
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from './api';

export type EngineClient = Remote<EngineApi> | EngineApi;

let client: EngineClient | null = null;

export function engine(): EngineClient {
  if (!client) {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'revlens-engine',
    });
    client = wrap<EngineApi>(worker);
  }
  return client;
}

/** Replaces the worker with an engine running on this thread (tests, or browsers without workers). */
export function setEngine(next: EngineClient): void {
  client = next;
}
