import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HttpApiServer, HttpApiServerOptions } from './http-api-server';

/**
 * The HTTP API of `npm start` on a thread of its own, as each Lambda function
 * is a process of its own in AWS: the projector's and the recompute's work on
 * the main thread does not stall a request, so a latency measures the API.
 * The worker starts the same server (local/http-api-server.ts) in front of the
 * same http-api handler, with the environment this process has when it starts.
 */
export type HttpApiWorkerData = Omit<HttpApiServerOptions, 'invoke'>;

export type HttpApiWorkerMessage =
  | { kind: 'ready'; url: string }
  | { kind: 'stopped' }
  | { kind: 'failed'; name: string; message: string; code?: string };

export class HttpApiWorkerError extends Error {
  override name = 'HttpApiWorkerError';
  constructor(
    message: string,
    readonly code?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function startHttpApiWorker(options: HttpApiWorkerData): Promise<HttpApiServer> {
  // Run from TypeScript (tsx), as npm start is: the worker registers tsx's require hook before it loads its module.
  const file = join(__dirname, `http-api-worker${extname(__filename)}`);
  const bootstrap = `${extname(__filename) === '.ts' ? "require('tsx/cjs/api').register();" : ''}require(${JSON.stringify(file)});`;
  const worker = new Worker(bootstrap, { eval: true, workerData: options });
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(new HttpApiWorkerError(`the HTTP API worker did not start: ${error.message}`, (error as NodeJS.ErrnoException).code, { cause: error }));
    worker.once('error', failed);
    worker.once('exit', (code) => failed(new Error(`it exited with code ${code}`)));
    worker.once('message', (message: HttpApiWorkerMessage) => {
      worker.removeAllListeners('exit');
      worker.removeAllListeners('error');
      // Requests cannot crash the server (local/http-api-server.ts); should the thread fail anyway, say so rather than take the system down.
      worker.on('error', (error) => console.error(`The HTTP API worker failed: ${error.message}`));
      if (message.kind !== 'ready') {
        void worker.terminate();
        const cause = Object.assign(new Error(message.kind === 'failed' ? message.message : 'unexpected message'), message.kind === 'failed' && message.code ? { code: message.code } : {});
        return reject(new HttpApiWorkerError(`the HTTP API worker did not start: ${cause.message}`, (cause as NodeJS.ErrnoException).code, { cause }));
      }
      resolve({
        url: message.url,
        close: async () => {
          const stopped = new Promise<void>((done) => worker.once('message', () => done()));
          worker.postMessage('stop');
          await Promise.race([stopped, new Promise((done) => setTimeout(done, 5000))]);
          await worker.terminate();
        },
      });
    });
  });
}
