import { runMain } from './lifecycle.js';
import { startWorker } from './worker.js';

/** The `web-worker` deployable: carries out the web app's jobs from web's Redis. */
runMain(() => startWorker('web'));
