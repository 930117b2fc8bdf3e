import { resolve } from 'node:path';
import { lambdaFunctions, type FunctionId } from '../functions/catalog';
import { invocationContext } from './invocation-context';

/**
 * Invokes the functions of functions/catalog.ts in-process, each from its
 * catalog entry, as Lambda would. Load it only after the environment is set:
 * the handlers read it when their module loads.
 */
type Handler = (event: unknown, context: ReturnType<typeof invocationContext>) => Promise<unknown>;

const repositoryRoot = resolve(__dirname, '..');
const loaded = new Map<FunctionId, Handler>();

/** Invocations and their total duration per function since the process started (the bench's cost model reads them). */
export interface FunctionStats {
  invocations: number;
  totalMs: number;
}
const stats = new Map<FunctionId, FunctionStats>();

export function functionStats(): Partial<Record<FunctionId, FunctionStats>> {
  return Object.fromEntries([...stats].map(([id, s]) => [id, { ...s }]));
}

export function isFunctionId(id: string): id is FunctionId {
  return Object.hasOwn(lambdaFunctions, id);
}

export async function invokeFunction(id: FunctionId, event: unknown): Promise<unknown> {
  let handler = loaded.get(id);
  if (!handler) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    handler = (require(resolve(repositoryRoot, lambdaFunctions[id].entry)) as { handler: Handler }).handler;
    loaded.set(id, handler);
  }
  const startedAt = performance.now();
  try {
    return await handler(event, invocationContext(id));
  } finally {
    const entry = stats.get(id) ?? { invocations: 0, totalMs: 0 };
    entry.invocations += 1;
    entry.totalMs += performance.now() - startedAt;
    stats.set(id, entry);
  }
}
