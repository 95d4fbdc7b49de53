/// <reference lib="webworker" />
/** Scoring pool worker entry: only wiring (see ./worker-core.ts). */
import { poolWorkerHandler } from './worker-core';
import type { PoolRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = poolWorkerHandler((m, transfer) => scope.postMessage(m, transfer));
scope.addEventListener('message', (e: MessageEvent<PoolRequest>) => handle(e.data));
