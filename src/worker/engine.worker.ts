/// <reference lib="webworker" />
/** Worker entry: only wiring. The engine runs here, off the main thread. */
import { expose } from 'comlink';
import { createEngineService } from './service';

expose(createEngineService());
