import { runMain } from './lifecycle.js';
import { startWorker } from './worker.js';

/** The `api-worker` deployable: carries out the api app's jobs from api's Redis. */
runMain(() => startWorker('api'));
