/** A Node worker thread running the scoring pool's worker side (the stand-in for a Web Worker in Node). */
import { parentPort } from 'node:worker_threads';
import { poolWorkerHandler } from '../src/worker/pool/worker-core';

const port = parentPort!;
port.on(
  'message',
  poolWorkerHandler((m, transfer) => port.postMessage(m, transfer)),
);
