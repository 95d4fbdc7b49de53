/// <reference lib="webworker" />
/** Browser entry of a kernel pool worker. */
import { kernelWorkerHandler } from './kernel-worker-core';
import type { PoolRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = kernelWorkerHandler((m) => scope.postMessage(m));
scope.onmessage = (e: MessageEvent<PoolRequest>) => handle(e.data);
