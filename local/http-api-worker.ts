import { parentPort, workerData } from 'node:worker_threads';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { httpApi } from '../functions/triggers';
import { invokeFunction } from './function-runtime';
import { startHttpApiServer } from './http-api-server';
import type { HttpApiWorkerData, HttpApiWorkerMessage } from './http-api-thread';

/**
 * The worker thread of `npm start`'s HTTP API (local/http-api-thread.ts): the
 * server and the http-api function, on an event loop and a heap of their own.
 */
const data = workerData as HttpApiWorkerData;
const port = parentPort!;
const post = (message: HttpApiWorkerMessage) => port.postMessage(message);

startHttpApiServer({
  host: data.host,
  port: data.port,
  ...(data.rateLimit && { rateLimit: data.rateLimit }),
  invoke: async (event) => (await invokeFunction(httpApi.functionId, event)) as APIGatewayProxyStructuredResultV2,
}).then(
  (server) => {
    port.on('message', (message: 'stop') => {
      if (message === 'stop') void server.close().then(() => post({ kind: 'stopped' }));
    });
    post({ kind: 'ready', url: server.url });
  },
  (error: NodeJS.ErrnoException) => post({ kind: 'failed', name: error.name, message: error.message, ...(error.code && { code: error.code }) }),
);
