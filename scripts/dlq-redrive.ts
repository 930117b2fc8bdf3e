import { parseArgs } from 'node:util';
import { SQSClient } from '@aws-sdk/client-sqs';
import { loadStageConfig, defaultStageProvince } from '../infra/config/stage-config';
import { resourcePrefix } from '../infra/stacks/naming';
import { readRuntimeInfo } from '../local/runtime-info';
import { listAwsDeadLetters, moveAll, moveSome, stageQueues } from './dead-letters/aws';
import { listLocalDeadLetters, redriveLocal } from './dead-letters/local';
import { formatListing, formatMoved, planRedrive, RedriveSelectionError } from './dead-letters/plan';
import { messageOf, runMain } from './run-main';

/**
 * `npm run dlq:redrive -- [--all | --id <id>...] [--dry-run] [--aws --stage dev --province <slug>]` (default: the one province of infra/config/)
 *
 * Lists the dead letters of the inbound queue (functions/queues.ts) with the
 * reason for each; with --all or --id, moves them back to their queue
 * (--dry-run: says what it would move, moves nothing) and reports what moved.
 * Locally it talks to the running `npm start`; with --aws to a deployed stage
 * (AWS credentials of the province account in the environment).
 */
const USAGE = 'Usage: npm run dlq:redrive -- [--all | --id <id> ...] [--dry-run] [--aws [--stage dev|prod] [--province <slug>]] [--data-dir .ocop]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      all: { type: 'boolean' },
      id: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      aws: { type: 'boolean' },
      stage: { type: 'string', default: 'dev' },
      province: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const redrive = values.all === true || (values.id?.length ?? 0) > 0;
  const dryRun = values['dry-run'] === true;

  if (!values.aws) {
    const eventsUrl = readRuntimeInfo(values['data-dir'])?.eventsUrl;
    if (!eventsUrl) {
      console.error('No running npm start found, or it is still starting (start it first, or add --aws for a deployed stage).');
      return 1;
    }
    console.log(`Dead letters of the local system (${eventsUrl})`);
    const deadLetters = await listLocalDeadLetters(eventsUrl);
    console.log(formatListing(deadLetters));
    if (!redrive) return 0;
    const selected = planRedrive(deadLetters, { all: values.all, ids: values.id });
    const moved = await redriveLocal(eventsUrl, selected.map((letter) => letter.id), dryRun);
    console.log(formatMoved(moved, { dryRun }));
    return 0;
  }

  const config = loadStageConfig({ stage: values.stage!, province: values.province ?? defaultStageProvince() });
  const sqs = new SQSClient({ region: config.aws.region });
  console.log(`Dead letters of ${resourcePrefix(config)} (account ${config.aws.account}, ${config.aws.region})`);
  const stage = await stageQueues(sqs, resourcePrefix(config), config.aws.account);
  const deadLetters = await listAwsDeadLetters(sqs, stage);
  console.log(formatListing(deadLetters));
  if (!redrive) return 0;
  const selected = planRedrive(deadLetters, { all: values.all, ids: values.id });
  if (dryRun) {
    console.log(formatMoved(selected.map(({ id, queueId, eventId }) => ({ id, queueId, ...(eventId && { eventId }) })), { dryRun }));
    return 0;
  }
  if (values.all) {
    for (const task of await moveAll(sqs, stage)) {
      console.log(`Message move task for ${task.queueId}: ${task.status ?? 'started'}${task.toMove !== undefined ? `, ${task.moved ?? 0} of ${task.toMove} moved so far` : ''} (task ${task.taskHandle ?? '?'})`);
    }
    console.log('SQS moves the messages in the background; run the command again to see what is left.');
    return 0;
  }
  console.log(formatMoved(await moveSome(sqs, stage, selected), { dryRun }));
  return 0;
}

runMain(main, (error) => (error instanceof RedriveSelectionError ? `${error.message}\n${USAGE}` : `dlq:redrive failed: ${messageOf(error)}`));
