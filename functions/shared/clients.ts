import { EventBridgeClient } from '@aws-sdk/client-eventbridge';

/**
 * The EventBridge client, created once per process: in AWS it uses the Lambda
 * environment; locally `EVENTS_ENDPOINT` points it at the local PutEvents
 * endpoint. The DynamoDB client is the stores' (functions/storage/dynamodb-client.ts).
 */
let eventBridgeClient: EventBridgeClient | undefined;

export function eventBridge(): EventBridgeClient {
  eventBridgeClient ??= new EventBridgeClient({ ...(process.env.EVENTS_ENDPOINT && { endpoint: process.env.EVENTS_ENDPOINT }) });
  return eventBridgeClient;
}

export function eventBusName(): string {
  return process.env.EVENT_BUS_NAME ?? 'ocop-pulse';
}
