import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { OUTBOUND_DETAIL_TYPES } from '../../events/catalog';
import { PROVINCE_SOURCE } from '../../events/vocabulary';
import { DYNAMODB_READ_ACTIONS, DYNAMODB_WRITE_ACTIONS, type DynamoDbAction, type FunctionDefinition, type FunctionId } from '../../functions/catalog';
import { PROVINCE_DATA_DIR_ENV, PROVINCE_ENV } from '../../functions/shared/province-config';
import { tables as tableDefinitions, type TableId } from '../../functions/storage/tables';
import { esbuildCommand, FUNCTION_BUNDLING } from './function-bundling';
import { METRICS_NAMESPACE } from './metric-names';

export const REPOSITORY_ROOT = join(__dirname, '..', '..');

/** The runtime of every function: the latest Node.js Lambda offers (cdk-nag Serverless-LambdaLatestVersion). */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** Where Lambda unpacks the code (its LAMBDA_TASK_ROOT), and the bundle's directory of province data. */
const LAMBDA_TASK_ROOT = '/var/task';
export const BUNDLED_PROVINCE_DIR = 'province-data';

/** The IAM actions of a catalog entry's DynamoDB actions. */
export function dynamoDbIamActions(actions: readonly DynamoDbAction[]): string[] {
  return actions.map((action) => `dynamodb:${action}`);
}

export interface EmailSending {
  senderAddress: string;
  identityArn: string;
  configurationSetName: string;
  configurationSetArn: string;
}

export interface OcopFunctionProps {
  functionId: FunctionId;
  definition: FunctionDefinition;
  tables: Record<TableId, dynamodb.ITable>;
  bus: events.IEventBus;
  /** Required when the definition says `sendsEmail`. */
  email?: EmailSending;
  /** Where failed asynchronous invocations go (after Lambda's own 2 retries); none for functions only invoked synchronously. */
  asyncDeadLetterQueue?: sqs.IQueue;
  /** Invoked by the event source mapping of its work queue (its queue trigger), whose own dead-letter queue keeps what fails. */
  consumesQueue?: boolean;
  provinceSlug: string;
  /** The province's data file (StageConfig.provinceFile), shipped inside the bundle. */
  provinceFile: string;
  stage: string;
  logRetention: logs.RetentionDays;
  removalPolicy: RemovalPolicy;
}

/**
 * One function of functions/catalog.ts: bundled with esbuild as
 * function-bundling.ts says (the AWS SDK included, its lazy modules as files of
 * their own), arm64, its own log group and role, and exactly the grants the catalog
 * lists — nothing from a managed policy.
 */
export class OcopFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: OcopFunctionProps) {
    super(scope, id);
    const { definition } = props;

    this.logGroup = new logs.LogGroup(this, 'LogGroup', { retention: props.logRetention, removalPolicy: props.removalPolicy });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.functionId} function, with the grants of functions/catalog.ts`,
    });
    this.logGroup.grantWrite(this.role);

    const tableIds = Object.keys(definition.tables) as TableId[];
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: join(REPOSITORY_ROOT, definition.entry),
      handler: 'handler',
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: join(REPOSITORY_ROOT, 'package-lock.json'),
      description: definition.description,
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: definition.memoryMb,
      timeout: Duration.seconds(definition.timeoutSeconds),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      // Lambda's active tracing alone, no X-Ray SDK in the code: the invocation's segment, never a request or response body.
      tracing: lambda.Tracing.ACTIVE,
      ...(props.asyncDeadLetterQueue && { deadLetterQueue: props.asyncDeadLetterQueue }),
      bundling: {
        minify: FUNCTION_BUNDLING.minify,
        sourceMap: FUNCTION_BUNDLING.sourceMap,
        sourcesContent: false,
        target: FUNCTION_BUNDLING.target,
        format: nodejs.OutputFormat.CJS,
        mainFields: [...FUNCTION_BUNDLING.mainFields],
        // Nothing external: the AWS SDK clients are bundled and tree-shaken, not the runtime's copy (function-bundling.ts).
        externalModules: [],
        // The province's data file, the function's bundled files (fonts, wasm) and its lazy modules go with the code.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            `mkdir -p "${outputDir}/${BUNDLED_PROVINCE_DIR}" && cp "${props.provinceFile}" "${outputDir}/${BUNDLED_PROVINCE_DIR}/${props.provinceSlug}.province.json"`,
            ...(definition.bundledFiles ?? []).map((file) => `cp "${require.resolve(file.packagePath)}" "${join(outputDir, file.bundleName)}"`),
            ...(definition.lazyModules ?? []).map((module) => esbuildCommand(REPOSITORY_ROOT, module.entry, join(outputDir, module.bundleName))),
          ],
        },
      },
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.functionId,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        [PROVINCE_ENV]: props.provinceSlug,
        [PROVINCE_DATA_DIR_ENV]: `${LAMBDA_TASK_ROOT}/${BUNDLED_PROVINCE_DIR}`,
        OCOP_STAGE: props.stage,
        ...Object.fromEntries(tableIds.map((tableId) => [tableDefinitions[tableId].tableNameEnv, props.tables[tableId].tableName])),
        ...((definition.putsEvents || definition.putsProvinceEvents) && { EVENT_BUS_NAME: props.bus.eventBusName }),
        ...(definition.sendsEmail && props.email && {
          SENDER_ADDRESS: props.email.senderAddress,
          SES_CONFIGURATION_SET: props.email.configurationSetName,
        }),
      },
    });

    for (const tableId of tableIds) {
      const table = props.tables[tableId];
      const granted = definition.tables[tableId] ?? [];
      const reads = granted.filter((action) => (DYNAMODB_READ_ACTIONS as readonly string[]).includes(action));
      const writes = granted.filter((action) => (DYNAMODB_WRITE_ACTIONS as readonly string[]).includes(action));
      // Indexes are read by Query and Scan only: GetItem and writes name the table alone.
      const readsIndexes = reads.some((action) => action === 'Query' || action === 'Scan');
      const indexArns = readsIndexes ? tableDefinitions[tableId].globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`) : [];
      if (reads.length > 0) {
        this.role.addToPolicy(new iam.PolicyStatement({ sid: `Read${pascal(tableId)}Table`, actions: dynamoDbIamActions(reads), resources: [table.tableArn, ...indexArns] }));
      }
      if (writes.length > 0) {
        const leadingKeys = definition.writableKeys?.[tableId];
        this.role.addToPolicy(
          new iam.PolicyStatement({
            sid: `Write${pascal(tableId)}Table`,
            actions: dynamoDbIamActions(writes),
            resources: [table.tableArn],
            ...(leadingKeys && { conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [...leadingKeys] } } }),
          }),
        );
      }
    }
    if (definition.putsEvents) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'PutEventsOnTheBus',
          actions: ['events:PutEvents'],
          resources: [props.bus.eventBusArn],
          // Only as the province and only the outbound catalog (and the function's own follow-ups); Null: false keeps an entry without them from passing ForAllValues.
          conditions: {
            'ForAllValues:StringEquals': { 'events:source': [PROVINCE_SOURCE], 'events:detail-type': [...OUTBOUND_DETAIL_TYPES, ...(definition.putsFollowUps ?? [])] },
            Null: { 'events:source': 'false', 'events:detail-type': 'false' },
          },
        }),
      );
    }
    if (definition.putsProvinceEvents) {
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'PutProvinceEventsOnTheBus',
          actions: ['events:PutEvents'],
          resources: [props.bus.eventBusArn],
          // As the province, only the kinds of event listed; Null: false keeps an entry without them from passing ForAllValues.
          conditions: {
            'ForAllValues:StringEquals': { 'events:source': [PROVINCE_SOURCE], 'events:detail-type': [...definition.putsProvinceEvents] },
            Null: { 'events:source': 'false', 'events:detail-type': 'false' },
          },
        }),
      );
    }
    if (definition.sendsEmail) {
      if (!props.email) throw new MissingEmailConfigurationError(`${props.functionId} sends email but no SES identity was given`);
      this.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'SendEmailFromTheIdentity',
          actions: ['ses:SendEmail'],
          resources: [props.email.identityArn, props.email.configurationSetArn],
        }),
      );
    }

    const policy = this.role.node.findChild('DefaultPolicy');
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only actions without resource-level permissions: X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) and, for the stream consumer, dynamodb:ListStreams; every table, index, stream, bus and SES grant names its resource',
    });
    if (!props.asyncDeadLetterQueue) {
      Validations.of(this.function).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: props.consumesQueue
          ? 'Invoked only by an SQS event source mapping (synchronously): a failed message returns to its queue and after maxReceiveCount receives moves to that queue\'s dead-letter queue (the function\'s trigger.ts)'
          : 'Invoked synchronously only (API Gateway): the caller receives the error, there is no asynchronous event to keep',
      });
    }
  }
}

export class MissingEmailConfigurationError extends Error {
  override name = 'MissingEmailConfigurationError';
}

function pascal(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}
