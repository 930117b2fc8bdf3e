import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SQSClient } from '@aws-sdk/client-sqs';
import { queues } from '../../../functions/triggers';
import { workDeadLetterQueueName, workQueueName } from '../../../infra/stacks/naming';
import { listAwsDeadLetters, moveAll, moveSome, stageQueues, type StageQueues } from '../../../scripts/dead-letters/aws';
import { planRedrive } from '../../../scripts/dead-letters/plan';

/**
 * `npm run dlq:redrive -- --aws`: the requests the real SQS client of the AWS
 * SDK sends. A real SQS is impossible here (no AWS account and no SQS
 * emulator offline), so a tiny stub answers the SQS JSON protocol with the
 * queues' state and records each request; everything else is real (SDK
 * serialization, MD5 checks of bodies, the command's own logic).
 */
const ACCOUNT = '999999999999';
const PREFIX = 'ocop-pulse-tra-vinh-prod';
const md5 = (text: string) => createHash('md5').update(text).digest('hex');

interface StubMessage {
  MessageId: string;
  Body: string;
  receives: number;
}

let server: Server;
let endpoint: string;
let sqs: SQSClient;
const requests: Array<{ action: string; body: Record<string, any> }> = [];
const state = new Map<string, StubMessage[]>();

const urlOf = (name: string) => `${endpoint}/${ACCOUNT}/${name}`;
const arnOf = (name: string) => `arn:aws:sqs:ap-southeast-1:${ACCOUNT}:${name}`;

function answer(action: string, body: Record<string, any>): unknown {
  const queueName = typeof body.QueueUrl === 'string' ? body.QueueUrl.split('/').pop()! : undefined;
  switch (action) {
    case 'GetQueueUrl':
      return { QueueUrl: urlOf(body.QueueName) };
    case 'GetQueueAttributes':
      return { Attributes: { QueueArn: arnOf(queueName!) } };
    case 'ReceiveMessage': {
      const messages = (state.get(queueName!) ?? []).slice(0, body.MaxNumberOfMessages ?? 1);
      for (const message of messages) message.receives += 1;
      return {
        Messages: messages.map((message) => ({
          MessageId: message.MessageId,
          ReceiptHandle: `rh-${message.MessageId}`,
          Body: message.Body,
          MD5OfBody: md5(message.Body),
          Attributes: { ApproximateReceiveCount: String(message.receives), SentTimestamp: '1767225600000' },
        })),
      };
    }
    case 'SendMessage': {
      const message = { MessageId: randomUUID(), Body: body.MessageBody as string, receives: 0 };
      state.set(queueName!, [...(state.get(queueName!) ?? []), message]);
      return { MessageId: message.MessageId, MD5OfMessageBody: md5(message.Body) };
    }
    case 'DeleteMessage':
      state.set(queueName!, (state.get(queueName!) ?? []).filter((message) => `rh-${message.MessageId}` !== body.ReceiptHandle));
      return {};
    case 'StartMessageMoveTask':
      return { TaskHandle: 'task-1' };
    case 'ListMessageMoveTasks':
      return { Results: [{ Status: 'RUNNING', SourceArn: body.SourceArn, ApproximateNumberOfMessagesMoved: 0, ApproximateNumberOfMessagesToMove: 2 }] };
    default:
      return undefined;
  }
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const action = String(request.headers['x-amz-target'] ?? '').replace('AmazonSQS.', '');
      const body = JSON.parse(text || '{}') as Record<string, any>;
      requests.push({ action, body });
      const result = answer(action, body);
      response.writeHead(result === undefined ? 400 : 200, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify(result ?? { __type: 'com.amazonaws.sqs#InvalidAction', message: action }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sqs = new SQSClient({ endpoint, region: 'ap-southeast-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
});
afterAll(async () => {
  sqs.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const envelope = (eventId: string) => JSON.stringify({ id: `bus-${eventId}`, source: 'ocop.district.842', 'detail-type': 'ProductRated', detail: { eventId } });

describe('dlq:redrive --aws', () => {
  let stage: StageQueues[];
  const deadLetterName = workDeadLetterQueueName(PREFIX, 'inbound-events');
  const queueName = workQueueName(PREFIX, 'inbound-events');

  let lookups: typeof requests;
  beforeAll(async () => {
    stage = await stageQueues(sqs, PREFIX, ACCOUNT);
    lookups = [...requests];
  });

  beforeEach(() => {
    requests.length = 0;
    state.clear();
    state.set(deadLetterName, [
      { MessageId: 'm-1', Body: envelope('e-1'), receives: 5 },
      { MessageId: 'm-2', Body: envelope('e-2'), receives: 5 },
    ]);
  });

  it('finds the queues by the names the CDK app gives them, in the stage account', () => {
    // Act: the lookup of beforeAll
    const asked = lookups.filter((r) => r.action === 'GetQueueUrl');

    // Assess
    expect(asked.map((r) => r.body)).toEqual([
      { QueueName: queueName, QueueOwnerAWSAccountId: ACCOUNT },
      { QueueName: deadLetterName, QueueOwnerAWSAccountId: ACCOUNT },
    ]);
    expect(stage).toEqual([{ queueId: 'inbound-events', queueUrl: urlOf(queueName), queueArn: arnOf(queueName), deadLetterUrl: urlOf(deadLetterName), deadLetterArn: arnOf(deadLetterName) }]);
  });

  it('lists without consuming: receives with visibility 0, and names each event and why it is there', async () => {
    // Act
    const listed = await listAwsDeadLetters(sqs, stage);

    // Assess
    const receives = requests.filter((r) => r.action === 'ReceiveMessage');
    expect(receives.length).toBeGreaterThan(0);
    for (const receive of receives) expect(receive.body).toMatchObject({ QueueUrl: urlOf(deadLetterName), VisibilityTimeout: 0, MaxNumberOfMessages: 10 });
    expect(requests.some((r) => r.action === 'DeleteMessage')).toBe(false);
    expect(listed.map((letter) => [letter.id, letter.eventId, letter.detailType])).toEqual([
      ['m-1', 'e-1', 'ProductRated'],
      ['m-2', 'e-2', 'ProductRated'],
    ]);
    expect(listed[0]!.reason).toContain(`${queues['inbound-events'].maxReceiveCount} receives`);
  });

  it('moves a chosen message back: sends its body to the queue, then deletes it from the dead letters', async () => {
    // Prepare
    const selected = planRedrive(await listAwsDeadLetters(sqs, stage), { ids: ['m-2'] });
    requests.length = 0;

    // Act
    const moved = await moveSome(sqs, stage, selected);

    // Assess
    expect(moved).toEqual([{ id: 'm-2', queueId: 'inbound-events', eventId: 'e-2' }]);
    expect(requests.filter((r) => r.action === 'SendMessage').map((r) => r.body)).toEqual([{ QueueUrl: urlOf(queueName), MessageBody: envelope('e-2') }]);
    expect(requests.filter((r) => r.action === 'DeleteMessage').map((r) => r.body)).toEqual([{ QueueUrl: urlOf(deadLetterName), ReceiptHandle: 'rh-m-2' }]);
    expect(state.get(deadLetterName)!.map((message) => message.MessageId)).toEqual(['m-1']);
    expect(state.get(queueName)!.map((message) => message.Body)).toEqual([envelope('e-2')]);
  });

  it('moves everything with a message move task from the dead letters to their source queue, and reports it', async () => {
    // Act
    const tasks = await moveAll(sqs, stage);

    // Assess
    expect(requests.filter((r) => r.action === 'StartMessageMoveTask').map((r) => r.body)).toEqual([{ SourceArn: arnOf(deadLetterName), DestinationArn: arnOf(queueName) }]);
    expect(tasks).toEqual([{ queueId: 'inbound-events', taskHandle: 'task-1', status: 'RUNNING', moved: 0, toMove: 2 }]);
  });
});
