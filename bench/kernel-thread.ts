/** A Node worker thread running the kernel pool's worker side (the benchmark's stand-in for a Web Worker). */
import { parentPort } from 'node:worker_threads';
import { kernelWorkerHandler } from '../src/worker/pool/kernel-worker-core';

const port = parentPort!;
port.on('message', kernelWorkerHandler((m) => port.postMessage(m)));
