/** The local EventBridge of `npm start`: one custom bus, its PutEvents endpoint, and the pattern matcher they share. */
export { LocalEventBus, EventBusClosedError, type BusTargets, type BusLog, type DeadLetter, type LocalEventBusOptions } from './bus';
export { startPutEventsServer, type PutEventsServer, type ServerLog } from './put-events-server';
export { matchesPattern, validatePattern, InvalidEventPatternError } from './event-pattern';
export {
  entrySize,
  PutEventsValidationError,
  DEFAULT_MAX_REQUEST_BYTES,
  MAX_ENTRIES_PER_REQUEST,
  type BusEvent,
  type PutEventsEntry,
  type PutEventsResult,
  type PutEventsResultEntry,
} from './entries';
