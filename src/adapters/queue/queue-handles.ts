import { Queue } from 'bullmq';

/**
 * A handle on an existing BullMQ queue, for looking at it (the admins' queue dashboard): it adds
 * no jobs and leaves the queue's metadata alone, so opening it writes nothing to Redis. It has a
 * connection of its own; close it with `close()`.
 *
 * Connection errors go to `onError` (without a listener an 'error' event would crash the process)
 * while the connection is retried in the background. Before the first connection, reads wait for
 * it; after a connection is lost, they fail at once instead of queuing up in memory.
 */
export function openQueueHandle(
  url: string,
  name: string,
  prefix: string,
  onError: (error: Error) => void,
): Queue {
  const queue = new Queue(name, {
    connection: { url, enableOfflineQueue: false },
    prefix,
    skipMetasUpdate: true,
  });
  queue.on('error', onError);
  return queue;
}
