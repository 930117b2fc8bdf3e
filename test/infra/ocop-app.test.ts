import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { INBOUND_DETAIL_TYPES, OUTBOUND_DETAIL_TYPES } from '../../events/catalog';
import { detailJsonSchemas } from '../../events/json-schemas';
import { districtSource } from '../../events/vocabulary';
import { DYNAMODB_WRITE_ACTIONS, lambdaFunctions, type DynamoDbAction, type FunctionDefinition, type FunctionId } from '../../functions/catalog';
import { LAZY_MODULES } from '../../functions/lazy-modules';
import { REPORT_SCOPE } from '../../functions/storage/report-snapshot-store';
import { PROVINCE_SOURCE } from '../../events/vocabulary';
import { schedules, streamConsumers, subscriptions, type QueueId } from '../../functions/triggers';
import { tables, TABLE_IDS, type IndexDefinition, type TableId } from '../../functions/storage/tables';
import { routeHandlers } from '../../functions/http-api/route-handlers';
import { AUDIT_LOG_FIELDS } from '../../infra/constructs/subscription-rules';
import { routeTable } from '../../functions/http-api/route-table';
import { BUNDLED_PROVINCE_DIR } from '../../infra/constructs/ocop-function';
import { loadProvince } from '../../functions/shared/province-config';
import { EVENTS_ACCEPTED_METRIC, EVENTS_REJECTED_METRIC, METRICS_NAMESPACE, metricNames } from '../../infra/constructs/metric-names';
import { resourcesOfType, synthesizeOcopApp, type SynthesizedApp } from './support/synthesized-app';

type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

const FUNCTION_IDS = Object.keys(lambdaFunctions) as FunctionId[];
const ONE_MEGABYTE = 1024 * 1024;

// Synthesized once for the whole file (with esbuild bundling, as `npm run synth` does).
let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthesizeOcopApp('prod', { bundling: true });
});

function functionLogicalId(functionId: FunctionId): string {
  return synthesized.logicalId(synthesized.stateless.functions[functionId].function.node.defaultChild as CfnElement);
}

function roleStatements(functionId: FunctionId): Statement[] {
  const roleId = synthesized.logicalId(synthesized.stateless.functions[functionId].role.node.defaultChild as CfnElement);
  const policies = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::IAM::Policy')).filter((policy) =>
    JSON.stringify(policy.Properties?.Roles).includes(`"${roleId}"`),
  );
  return policies.flatMap((policy) => (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
}

function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

function resourcesOf(statement: Statement): string[] {
  return (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]).map((resource) => JSON.stringify(resource));
}

/** The table a resource (as JSON) names, through the table's ARN or one of its index ARNs. */
function tableOfResource(resource: string): TableId | undefined {
  return TABLE_IDS.find((tableId) => {
    const table = synthesized.stateful.tables[tableId];
    const arns = [table.tableArn, ...tables[tableId].globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`)];
    return arns.some((arn) => JSON.stringify(synthesized.stateless.resolve(arn)) === resource);
  });
}

describe('the event subscriptions', () => {
  it('gives every subscription (the queue triggers of the functions and the audit log) its rule on the bus, with the same pattern', () => {
    // Prepare
    const rules = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Events::Rule'));
    const forwarding = Object.keys(synthesized.stateless.districtRejections.rules).length;

    // Act
    const byName = new Map(rules.map((rule) => [rule.Properties!.Name, rule.Properties!]));

    // Assess: the subscriptions' rules, plus one forwarding rule per district (test/infra/district-rejections.test.ts)
    expect(rules).toHaveLength(subscriptions.length + forwarding);
    for (const subscription of subscriptions) {
      expect(byName.get(subscription.id)?.EventPattern).toEqual(subscription.pattern);
    }
  });

  it('sends each rule to its target with a retry policy and a dead-letter queue of its own', () => {
    // Prepare
    const rules = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Events::Rule'));
    const queues = resourcesOfType(synthesized.statelessTemplate, 'AWS::SQS::Queue');

    // Act
    const targetsByRule = new Map(rules.map((rule) => [rule.Properties!.Name, rule.Properties!.Targets as Record<string, any>[]]));

    // Assess
    const deadLetterQueueIds = new Set<string>();
    for (const subscription of subscriptions) {
      const [target, ...others] = targetsByRule.get(subscription.id)!;
      expect(others).toEqual([]);
      expect(target!.RetryPolicy).toEqual({
        MaximumRetryAttempts: subscription.retryPolicy.maximumRetryAttempts,
        MaximumEventAgeInSeconds: subscription.retryPolicy.maximumEventAgeSeconds,
      });
      const queueId = target!.DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
      expect(queues[queueId]).toBeDefined();
      deadLetterQueueIds.add(queueId);
      if (subscription.target.kind === 'queue') {
        const workQueue = synthesized.stateless.workQueues.queues[subscription.target.queueId as QueueId].queue;
        expect(target!.Arn).toEqual({ 'Fn::GetAtt': [synthesized.logicalId(workQueue.node.defaultChild as CfnElement), 'Arn'] });
      } else {
        expect(JSON.stringify(target!.Arn)).toContain(':log-group:');
      }
    }
    expect(deadLetterQueueIds.size).toBe(subscriptions.length);
  });

  it('writes the catch-all audit rule to a log group whose resource policy admits only the rules of this bus', () => {
    // Prepare
    const auditLogGroupId = synthesized.logicalId(synthesized.stateful.auditLogGroup.node.defaultChild as CfnElement);
    const auditLogGroupName = resourcesOfType(synthesized.statefulTemplate, 'AWS::Logs::LogGroup')[auditLogGroupId]!.Properties!.LogGroupName;

    // Act
    const policies = Object.values(resourcesOfType(synthesized.statefulTemplate, 'AWS::Logs::ResourcePolicy'));

    // Assess
    expect(auditLogGroupName).toMatch(/^\/aws\/events\//);
    expect(policies).toHaveLength(1);
    const document = JSON.stringify(policies[0]!.Properties!.PolicyDocument);
    expect(document).toContain(`rule/${synthesized.config.eventBusName}/*`);
    expect(document).toContain('events.amazonaws.com');
  });

  it('writes only metadata of each event to the audit log, never its detail (personal data stays in the encrypted event log)', () => {
    // Prepare
    const audit = subscriptions.filter((subscription) => subscription.target.kind === 'audit-log');
    const rules = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Events::Rule'));

    for (const subscription of audit) {
      // Act
      const [target] = rules.find((rule) => rule.Properties!.Name === subscription.id)!.Properties!.Targets as Array<Record<string, any>>;

      // Assess
      expect(target!.Input).toBeUndefined();
      expect(target!.InputPath).toBeUndefined();
      const paths = Object.values(target!.InputTransformer.InputPathsMap as Record<string, string>);
      expect(new Set(paths)).toEqual(new Set([...Object.values(AUDIT_LOG_FIELDS), '$.time']));
      expect(paths.filter((path) => path === '$' || path === '$.detail' || /subject|name|owner|reasons/i.test(path))).toEqual([]);
      const template = String(target!.InputTransformer.InputTemplate).replace(':<time>,', ':"x",').replace(/<[^>]+>/g, 'x');
      expect(JSON.parse(template)).toEqual({ timestamp: 'x', message: expect.stringContaining('productId=x') });
    }
    expect(audit.length).toBeGreaterThan(0);
  });

  it('encrypts every dead-letter queue and refuses requests without TLS', () => {
    // Prepare
    const queues = resourcesOfType(synthesized.statelessTemplate, 'AWS::SQS::Queue');
    const queuePolicies = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::SQS::QueuePolicy'));

    // Act
    const insecure = Object.entries(queues).filter(([queueId, queue]) => {
      const encrypted = queue.Properties?.SqsManagedSseEnabled === true;
      const tlsOnly = queuePolicies.some(
        (policy) =>
          JSON.stringify(policy.Properties!.Queues).includes(`"${queueId}"`) &&
          JSON.stringify(policy.Properties!.PolicyDocument).includes('"aws:SecureTransport":"false"'),
      );
      return !encrypted || !tlsOnly;
    });

    // Assess
    expect(Object.keys(queues).length).toBeGreaterThanOrEqual(subscriptions.length + schedules.length);
    expect(insecure.map(([queueId]) => queueId)).toEqual([]);
  });
});

describe('the bus', () => {
  it('lets each district account put only events from its own source and of the inbound catalog', () => {
    // Prepare
    const policies = Object.values(resourcesOfType(synthesized.statefulTemplate, 'AWS::Events::EventBusPolicy'));

    // Act
    const statements = policies.map((policy) => policy.Properties!.Statement as Record<string, any>);

    // Assess
    expect(statements).toHaveLength(synthesized.config.districts.length);
    for (const district of synthesized.config.districts) {
      const statement = statements.find((candidate) => JSON.stringify(candidate.Principal).includes(`:iam::${district.accountId}:root`));
      expect(statement).toMatchObject({
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Condition: {
          'ForAllValues:StringEquals': { 'events:source': [districtSource(district.code)] },
          StringEquals: { 'events:detail-type': [...INBOUND_DETAIL_TYPES] },
        },
      });
      expect(statement!.Condition.StringEquals['events:detail-type']).not.toContain(OUTBOUND_DETAIL_TYPES[0]);
    }
  });

  it('archives every ocop.* event and registers a draft-04 JSON Schema per detail type of the catalog', () => {
    // Prepare
    const archives = Object.values(resourcesOfType(synthesized.statefulTemplate, 'AWS::Events::Archive'));

    // Act
    const schemas = Object.values(resourcesOfType(synthesized.statefulTemplate, 'AWS::EventSchemas::Schema'));

    // Assess
    expect(archives).toHaveLength(1);
    expect(archives[0]!.Properties!.EventPattern).toEqual({ source: [{ prefix: 'ocop.' }] });
    expect(schemas.map((schema) => schema.Properties!.SchemaName).sort()).toEqual(Object.keys(detailJsonSchemas()).map((type) => `ocop@${type}`).sort());
    for (const schema of schemas) {
      expect(schema.Properties!.Type).toBe('JSONSchemaDraft4');
      const content = schema.Properties!.Content as string;
      expect(JSON.parse(content).$schema).toBe('http://json-schema.org/draft-04/schema#');
      expect(content).not.toMatch(/"(\$defs|const|prefixItems|unevaluatedProperties)"|"exclusiveM(in|ax)imum":\d/);
    }
  });
});

describe('the tables', () => {
  it('creates every table of functions/storage/tables.ts with its keys, indexes, stream and TTL', () => {
    // Prepare
    const created = Object.entries(resourcesOfType(synthesized.statefulTemplate, 'AWS::DynamoDB::Table'));

    // Act
    const byLogicalId = new Map(created);

    // Assess
    expect(created).toHaveLength(TABLE_IDS.length);
    for (const tableId of TABLE_IDS) {
      const definition = tables[tableId];
      const table = byLogicalId.get(synthesized.logicalId(synthesized.stateful.tables[tableId].node.defaultChild as CfnElement))!.Properties!;
      const keys = [{ AttributeName: definition.partitionKey.name, KeyType: 'HASH' }];
      if ('sortKey' in definition) keys.push({ AttributeName: definition.sortKey.name, KeyType: 'RANGE' });
      expect(table.KeySchema).toEqual(keys);
      expect(((table.GlobalSecondaryIndexes as { IndexName: string }[] | undefined) ?? []).map((index) => index.IndexName)).toEqual(
        definition.globalIndexes.map((index) => index.indexName),
      );
      for (const index of definition.globalIndexes as readonly IndexDefinition[]) {
        const deployed = (table.GlobalSecondaryIndexes as { IndexName: string; Projection: unknown }[]).find((i) => i.IndexName === index.indexName)!;
        expect(deployed.Projection).toEqual(
          index.nonKeyAttributes ? { ProjectionType: 'INCLUDE', NonKeyAttributes: index.nonKeyAttributes } : { ProjectionType: 'ALL' },
        );
      }
      expect((table.StreamSpecification as { StreamViewType: string } | undefined)?.StreamViewType).toBe('stream' in definition ? definition.stream : undefined);
      expect((table.TimeToLiveSpecification as { AttributeName: string } | undefined)?.AttributeName).toBe(
        'timeToLiveAttribute' in definition ? definition.timeToLiveAttribute : undefined,
      );
    }
  });

  it('turns on point-in-time recovery, encryption and on-demand billing on every table, and retains them in prod', () => {
    // Prepare
    const created = Object.values(resourcesOfType(synthesized.statefulTemplate, 'AWS::DynamoDB::Table'));

    // Act
    const properties = created.map((table) => ({ ...table.Properties, DeletionPolicy: table.DeletionPolicy }));

    // Assess
    for (const table of properties) {
      expect(table).toMatchObject({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        DeletionPolicy: 'Retain',
      });
    }
  });
});

describe('the functions', () => {
  it('runs every function of the catalog on arm64 and a current Node.js with its memory, timeout and tracing', () => {
    for (const functionId of FUNCTION_IDS) {
      // Prepare
      const definition = lambdaFunctions[functionId];

      // Act
      const properties = synthesized.statelessTemplate.toJSON().Resources[functionLogicalId(functionId)].Properties;

      // Assess
      expect(properties).toMatchObject({
        Architectures: ['arm64'],
        Runtime: expect.stringMatching(/^nodejs(2[2-9]|[3-9]\d)\.x$/),
        MemorySize: definition.memoryMb,
        Timeout: definition.timeoutSeconds,
        TracingConfig: { Mode: 'Active' },
      });
    }
  });

  it('gives each function the table names it is granted, the bus name only to publishers and the SES settings only to the mailer', () => {
    for (const functionId of FUNCTION_IDS) {
      // Prepare
      const definition = lambdaFunctions[functionId] as (typeof lambdaFunctions)[FunctionId] & { putsEvents?: boolean; putsProvinceEvents?: readonly string[]; sendsEmail?: boolean };

      // Act
      const variables = synthesized.statelessTemplate.toJSON().Resources[functionLogicalId(functionId)].Properties.Environment.Variables;

      // Assess
      const tableVariables = TABLE_IDS.filter((tableId) => tableId in definition.tables).map((tableId) => tables[tableId].tableNameEnv);
      expect(Object.keys(variables).filter((name) => name.endsWith('_TABLE_NAME')).sort()).toEqual(tableVariables.sort());
      expect(variables).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: functionId,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        OCOP_PROVINCE: 'tra-vinh',
      });
      expect(variables.POWERTOOLS_LOGGER_LOG_EVENT).toBeUndefined();
      expect(Object.keys(variables).filter((name) => name.startsWith('POWERTOOLS_TRACER_'))).toEqual([]);
      expect('EVENT_BUS_NAME' in variables).toBe(definition.putsEvents === true || definition.putsProvinceEvents !== undefined);
      expect('SENDER_ADDRESS' in variables && 'SES_CONFIGURATION_SET' in variables).toBe(definition.sendsEmail === true);
    }
  });

  it('grants on each table exactly the DynamoDB actions the catalog lists, on its indexes only for Query and Scan', () => {
    for (const functionId of FUNCTION_IDS) {
      // Prepare
      const declared = lambdaFunctions[functionId].tables as Partial<Record<TableId, readonly DynamoDbAction[]>>;
      const grantedOnTable = new Map<TableId, Set<string>>();
      const tablesWithIndexGrants = new Set<TableId>();

      // Act: every table-item action of the role (stream actions are the event source's, on the stream ARN)
      const statements = roleStatements(functionId).filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith('dynamodb:') && !/Stream|Shard|Records/.test(action)),
      );
      for (const statement of statements) {
        for (const resource of resourcesOf(statement)) {
          const tableId = tableOfResource(resource);
          expect({ functionId, resource, tableId: tableId && declared[tableId] ? tableId : 'not in the catalog' }).toEqual({ functionId, resource, tableId });
          if (resource.includes('/index/')) tablesWithIndexGrants.add(tableId!);
          else for (const action of actionsOf(statement)) (grantedOnTable.get(tableId!) ?? grantedOnTable.set(tableId!, new Set()).get(tableId!)!).add(action);
        }
      }

      // Assess
      const expected = Object.fromEntries(Object.entries(declared).map(([tableId, actions]) => [tableId, actions!.map((action) => `dynamodb:${action}`).sort()]));
      expect({ functionId, grants: Object.fromEntries([...grantedOnTable].map(([tableId, actions]) => [tableId, [...actions].sort()])) }).toEqual({ functionId, grants: expected });
      const indexed = (Object.keys(declared) as TableId[]).filter(
        (tableId) => tables[tableId].globalIndexes.length > 0 && declared[tableId]!.some((action) => action === 'Query' || action === 'Scan'),
      );
      expect([...tablesWithIndexGrants].sort()).toEqual(indexed.sort());
    }
  });

  it('grants DeleteItem or BatchWriteItem only to the Powertools idempotency records and to the projector\'s waiting table (the log is appended with conditional puts)', () => {
    // Act
    const deletes = FUNCTION_IDS.flatMap((functionId) =>
      roleStatements(functionId)
        .filter((statement) => actionsOf(statement).some((action) => ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'].includes(action)))
        .flatMap((statement) => resourcesOf(statement).map((resource) => `${functionId} on ${tableOfResource(resource)}`)),
    );

    // Assess
    expect(deletes.sort()).toEqual(['project-event on waiting', 'send-kpi-report on idempotency']);
  });

  it('lets the mailer write only its own report records in the snapshots table (dynamodb:LeadingKeys)', () => {
    // Prepare
    const snapshotsArn = JSON.stringify(synthesized.stateless.resolve(synthesized.stateful.tables.snapshots.tableArn));

    for (const functionId of FUNCTION_IDS) {
      // Act
      const writes = roleStatements(functionId).filter(
        (statement) => resourcesOf(statement).includes(snapshotsArn) && actionsOf(statement).some((action) => (DYNAMODB_WRITE_ACTIONS as readonly string[]).includes(action.replace('dynamodb:', ''))),
      );

      // Assess
      if (functionId === 'send-kpi-report') {
        expect(writes).toHaveLength(1);
        expect(writes[0]!.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [REPORT_SCOPE] } });
      } else {
        for (const statement of writes) expect(statement.Condition).toBeUndefined();
      }
    }
  });

  it('gives the http-api function no write action but PutEvents of the import (its condition: the next test)', () => {
    // Prepare
    const statements = roleStatements('http-api');

    // Act
    const actions = statements.flatMap(actionsOf);

    // Assess: it writes no table; POST /v1/imports publishes the register's events as the province, as npm run import does.
    expect(actions.filter((action) => /^(dynamodb:(Put|Update|Delete|BatchWrite)|events:|ses:|sqs:|sns:|s3:)/.test(action))).toEqual(['events:PutEvents']);
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('lets only publishers put events on the bus and only the mailer send email, each on its own resources', () => {
    for (const functionId of FUNCTION_IDS) {
      // Prepare
      const definition = lambdaFunctions[functionId] as { putsEvents?: boolean; putsFollowUps?: readonly string[]; putsProvinceEvents?: readonly string[]; sendsEmail?: boolean };

      // Act
      const statements = roleStatements(functionId);
      // The import (http-api, POST /v1/imports) puts its own event kinds as the province, and nothing else.
      const expectedDetailTypes = [...(definition.putsEvents ? [[...OUTBOUND_DETAIL_TYPES, ...(definition.putsFollowUps ?? [])]] : []), ...(definition.putsProvinceEvents ? [definition.putsProvinceEvents] : [])];
      const putEvents = statements.filter((statement) => actionsOf(statement).includes('events:PutEvents'));
      const sendEmail = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('ses:')));

      // Assess
      expect(putEvents.length).toBe(expectedDetailTypes.length);
      expect(sendEmail.length > 0).toBe(definition.sendsEmail === true);
      putEvents.forEach((statement, i) => {
        expect(resourcesOf(statement)).toEqual([JSON.stringify(synthesized.stateless.resolve(synthesized.stateful.bus.eventBusArn))]);
        expect(statement.Condition).toEqual({
          'ForAllValues:StringEquals': { 'events:source': [PROVINCE_SOURCE], 'events:detail-type': [...expectedDetailTypes[i]!] },
          Null: { 'events:source': 'false', 'events:detail-type': 'false' },
        });
      });
      for (const statement of sendEmail) {
        expect(actionsOf(statement)).toEqual(['ses:SendEmail']);
        expect(resourcesOf(statement).some((resource) => resource.includes('*'))).toBe(false);
      }
    }
  });

  it('feeds the projections stream to recompute-snapshot in batches, with bisecting, bounded retries and a failure queue, as its trigger says', () => {
    // Prepare
    const [consumer, ...others] = streamConsumers;
    const stream = consumer!.trigger;

    // Act
    const mappings = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Lambda::EventSourceMapping')).filter((mapping) =>
      JSON.stringify(mapping.Properties!.EventSourceArn).includes('StreamArn'),
    );

    // Assess
    expect(others).toEqual([]);
    expect(consumer!.functionId).toBe('recompute-snapshot');
    expect(stream.table).toBe('projections');
    expect(mappings).toHaveLength(1);
    expect(mappings[0]!.Properties).toMatchObject({
      FunctionName: { Ref: functionLogicalId('recompute-snapshot') },
      BatchSize: stream.batchSize,
      MaximumBatchingWindowInSeconds: stream.maxBatchingWindowSeconds,
      StartingPosition: stream.startingPosition,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: stream.retryAttempts,
      MaximumRecordAgeInSeconds: stream.maximumRecordAgeSeconds,
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
  });

  it('keeps the bundle esbuild produced for each function under 1 MB, with the province data file, its lazy modules and its copied files beside it', () => {
    for (const functionId of FUNCTION_IDS) {
      // Prepare
      const code = synthesized.statelessTemplate.toJSON().Resources[functionLogicalId(functionId)].Properties.Code as { S3Key: string };
      const assetDirectory = join(synthesized.assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, '')}`);

      // Act
      const files = readdirSync(assetDirectory);
      const bundleBytes = statSync(join(assetDirectory, 'index.js')).size;

      // Assess
      // Besides the code, the province data file and the files the catalog copies beside it (the chart renderer's wasm and fonts).
      const definition = lambdaFunctions[functionId] as FunctionDefinition;
      const copied = (definition.bundledFiles ?? []).map((file) => file.bundleName);
      const lazy = (definition.lazyModules ?? []).flatMap((module) => [module.bundleName, `${module.bundleName}.map`]);
      expect(files.sort()).toEqual(['index.js', 'index.js.map', BUNDLED_PROVINCE_DIR, ...copied, ...lazy].sort());
      expect(bundleBytes).toBeLessThan(ONE_MEGABYTE);
      expect(loadProvince('tra-vinh', join(assetDirectory, BUNDLED_PROVINCE_DIR))).toEqual(synthesized.config.province);
    }
  });
});

describe('the function bundles', () => {
  /** The source files esbuild put into one file of a function's asset, from its source map (paths relative to the asset). */
  function bundledSources(functionId: FunctionId, file = 'index.js'): string[] {
    const code = synthesized.statelessTemplate.toJSON().Resources[functionLogicalId(functionId)].Properties.Code as { S3Key: string };
    const assetDirectory = join(synthesized.assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    return (JSON.parse(readFileSync(join(assetDirectory, `${file}.map`), 'utf8')) as { sources: string[] }).sources;
  }
  const fromPackage = (sources: string[], name: string) => sources.filter((source) => source.includes(`node_modules/${name}/`));
  const CHART_AND_SHEET_PACKAGES = ['exceljs', 'echarts', 'zrender', '@resvg/resvg-wasm', 'nodemailer'];

  it('bundles the AWS SDK clients a function uses into its index.js rather than requiring the runtime copy', () => {
    for (const functionId of FUNCTION_IDS) {
      // Act
      const sources = bundledSources(functionId);

      // Assess
      expect(fromPackage(sources, '@aws-sdk/client-dynamodb').length).toBeGreaterThan(0);
      expect(fromPackage(sources, '@smithy/core').length).toBeGreaterThan(0);
    }
  });

  it('keeps the spreadsheet and chart code out of the index.js of every function, and the zod locales but English out of all', () => {
    for (const functionId of FUNCTION_IDS) {
      // Act
      const sources = bundledSources(functionId);

      // Assess
      for (const name of CHART_AND_SHEET_PACKAGES.filter((name) => name !== 'nodemailer')) expect(fromPackage(sources, name)).toEqual([]);
      expect(sources.filter((source) => /node_modules\/zod\/v4\/locales\/(?!en\.js)/.test(source))).toEqual([]);
    }
    expect(CHART_AND_SHEET_PACKAGES.flatMap((name) => fromPackage(bundledSources('project-event'), name))).toEqual([]);
  });

  it('loads no X-Ray SDK in any function: tracing is Lambda\'s active tracing alone', () => {
    for (const functionId of FUNCTION_IDS) {
      // Prepare
      const definition = lambdaFunctions[functionId] as FunctionDefinition;

      // Act
      const files = ['index.js', ...(definition.lazyModules ?? []).map((module) => module.bundleName)];

      // Assess
      for (const file of files) {
        const sources = bundledSources(functionId, file);
        expect([...fromPackage(sources, 'aws-xray-sdk-core'), ...fromPackage(sources, '@aws-lambda-powertools/tracer')]).toEqual([]);
      }
    }
  });

  it('ships exceljs in the lazy workbooks module of http-api, and ECharts and resvg in the lazy charts module of send-kpi-report', () => {
    // Act
    const workbooks = bundledSources('http-api', LAZY_MODULES.workbooks.bundleName);
    const charts = bundledSources('send-kpi-report', LAZY_MODULES.emailCharts.bundleName);

    // Assess
    expect(fromPackage(workbooks, 'exceljs').length).toBeGreaterThan(0);
    expect(fromPackage(charts, 'echarts').length).toBeGreaterThan(0);
    expect(fromPackage(charts, '@resvg/resvg-wasm').length).toBeGreaterThan(0);
  });
});

describe('the HTTP API', () => {
  it('puts the JWT authorizer on every route but health and the OpenAPI document', () => {
    // Prepare
    const routes = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::ApiGatewayV2::Route'));

    // Act
    const authorizationByRoute = new Map(routes.map((route) => [route.Properties!.RouteKey as string, route.Properties!.AuthorizationType as string]));

    // Assess
    for (const route of routeTable) {
      expect(authorizationByRoute.get(`${route.method} ${route.path}`)).toBe(route.auth ? 'JWT' : 'NONE');
    }
    expect(authorizationByRoute.get('$default')).toBe('JWT');
    expect([...authorizationByRoute.entries()].filter(([, type]) => type !== 'JWT').map(([key]) => key).sort()).toEqual(['GET /v1/health', 'GET /v1/openapi.json']);
  });

  it('deploys a route for every route the function serves, and no other', () => {
    // Prepare: what the http-api function dispatches on (a key missing here would reach it through $default and answer 404 in AWS only).
    const served = Object.keys(routeHandlers);

    // Act
    const deployed = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::ApiGatewayV2::Route'))
      .map((route) => route.Properties!.RouteKey as string)
      .filter((key) => key !== '$default');

    // Assess
    expect(served.length).toBeGreaterThan(0);
    expect(deployed.sort()).toEqual([...served].sort());
  });

  it('checks tokens against the issuer and audience of the stage config', () => {
    // Prepare
    const { api } = synthesized.config;

    // Act
    const authorizers = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::ApiGatewayV2::Authorizer'));

    // Assess
    expect(authorizers).toHaveLength(1);
    expect(authorizers[0]!.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: api.jwtIssuer, Audience: api.jwtAudience },
    });
  });

  it('throttles the default stage and writes JSON access logs', () => {
    // Prepare
    const { throttle } = synthesized.config.api;

    // Act
    const stages = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::ApiGatewayV2::Stage'));

    // Assess
    expect(stages).toHaveLength(1);
    expect(stages[0]!.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: throttle.rateLimit, ThrottlingBurstLimit: throttle.burstLimit },
      AccessLogSettings: { DestinationArn: expect.anything(), Format: expect.any(String) },
    });
    expect(JSON.parse((stages[0]!.Properties!.AccessLogSettings as { Format: string }).Format)).toHaveProperty('requestId', '$context.requestId');
  });
});

describe('the schedules', () => {
  it('creates every schedule of the triggers of the functions with its expression, time zone, input and retry policy', () => {
    // Prepare
    const created = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Scheduler::Schedule'));

    // Act
    const byInput = new Map(created.map((schedule) => [(schedule.Properties!.Target as { Input: string }).Input, schedule.Properties!]));

    // Assess
    expect(created).toHaveLength(schedules.length);
    for (const schedule of schedules) {
      expect(byInput.get(JSON.stringify(schedule.input))).toMatchObject({
        ScheduleExpression: schedule.expression,
        ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [functionLogicalId(schedule.functionId), 'Arn'] },
          DeadLetterConfig: { Arn: expect.anything() },
          RetryPolicy: { MaximumRetryAttempts: schedule.retryPolicy.maximumRetryAttempts, MaximumEventAgeInSeconds: schedule.retryPolicy.maximumEventAgeSeconds },
          RoleArn: expect.anything(),
        },
      });
    }
  });

  it('gives each schedule a role that may invoke only its own function', () => {
    // Prepare
    const created = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Scheduler::Schedule'));
    const policies = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::IAM::Policy'));

    for (const schedule of created) {
      // Act
      const target = schedule.Properties!.Target as { Arn: { 'Fn::GetAtt': [string, string] }; RoleArn: { 'Fn::GetAtt': [string, string] } };
      const roleId = target.RoleArn['Fn::GetAtt'][0];
      const statements = policies
        .filter((policy) => JSON.stringify(policy.Properties!.Roles).includes(`"${roleId}"`))
        .flatMap((policy) => (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
      const invoke = statements.filter((statement) => actionsOf(statement).includes('lambda:InvokeFunction'));

      // Assess
      expect(invoke).toHaveLength(1);
      for (const resource of resourcesOf(invoke[0]!)) expect(resource).toContain(`"${target.Arn['Fn::GetAtt'][0]}"`);
      expect(statements.flatMap(actionsOf).filter((action) => !['lambda:InvokeFunction', 'sqs:SendMessage'].includes(action))).toEqual([]);
    }
  });
});

describe('the alarms and the dashboard', () => {
  it('alarms on the depth of every dead-letter queue and on the errors of every function', () => {
    // Prepare
    const queueIds = Object.keys(resourcesOfType(synthesized.statelessTemplate, 'AWS::SQS::Queue'));

    // Act
    const alarms = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties!);

    // Assess
    for (const queueId of queueIds) {
      expect(alarms.some((alarm) => alarm.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(alarm.Dimensions).includes(`"${queueId}"`))).toBe(true);
    }
    for (const functionId of FUNCTION_IDS) {
      expect(alarms.some((alarm) => alarm.MetricName === 'Errors' && JSON.stringify(alarm.Dimensions).includes(`"${functionLogicalId(functionId)}"`))).toBe(true);
    }
    expect(alarms.every((alarm) => Array.isArray(alarm.AlarmActions) && alarm.AlarmActions.length === 1)).toBe(true);
  });

  it("alarms on the share of rejected events from project-event's Powertools metrics", () => {
    // Prepare
    const threshold = synthesized.config.alarms.rejectionRatePercent;

    // Act
    const rateAlarms = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::CloudWatch::Alarm')).filter((alarm) =>
      JSON.stringify(alarm.Properties!.Metrics ?? null).includes(EVENTS_REJECTED_METRIC),
    );

    // Assess
    expect(rateAlarms).toHaveLength(1);
    expect(rateAlarms[0]!.Properties!.Threshold).toBe(threshold);
    const metrics = JSON.stringify(rateAlarms[0]!.Properties!.Metrics);
    for (const metricName of [EVENTS_REJECTED_METRIC, EVENTS_ACCEPTED_METRIC]) {
      expect(metrics).toContain(`"MetricName":"${metricName}"`);
    }
    expect(metrics).toContain(`"Namespace":"${METRICS_NAMESPACE}"`);
    expect(metrics).toContain('{"Name":"service","Value":"project-event"}');
    synthesized.statelessTemplate.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});

describe('the rejection sweep', () => {
  it('runs announce-rejections on its schedule, and alarms when rejections stay unannounced through two sweeps', () => {
    // Prepare
    const sweep = schedules.find((schedule) => schedule.functionId === 'announce-rejections')!;

    // Act
    const alarms = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::CloudWatch::Alarm'))
      .map((alarm) => alarm.Properties!)
      .filter((alarm) => alarm.MetricName === metricNames.rejectionsUnannounced);
    const scheduled = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Scheduler::Schedule')).filter(
      (schedule) => (schedule.Properties!.Target as { Input: string }).Input === JSON.stringify(sweep.input),
    );

    // Assess
    expect(scheduled).toHaveLength(1);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      Dimensions: [{ Name: 'service', Value: 'announce-rejections' }],
      Threshold: 1,
      EvaluationPeriods: 2,
    });
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in the AwsSolutions and Serverless packs', () => {
    // Prepare
    const packs = [new AwsSolutionsChecks(), new ServerlessChecks()];

    // Act
    const violations = packs.flatMap((pack) => pack.validateScope(synthesized.app).violations);

    // Assess
    expect(violations.map((violation) => `${violation.ruleName} at ${violation.violatingResources.map((resource) => resource.constructPath).join(', ')}`)).toEqual([]);
  });

  it('acknowledges only findings that exist, each with a reason', () => {
    // Prepare: the packs' raw findings, with acknowledgements ignored (isAcknowledged is the packs' private hook).
    const packs = [new AwsSolutionsChecks(), new ServerlessChecks()];
    for (const pack of packs) (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
    const findings = packs.flatMap((pack) => pack.validateScope(synthesized.app).violations);

    // Act
    const acknowledgements = synthesized.app.node
      .findAll()
      .flatMap((construct) =>
        construct.node.metadata
          .filter((entry) => entry.type === 'aws:cdk:acknowledged-rules')
          .flatMap((entry) => Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason }))),
      )
      .filter((acknowledgement) => /^(AwsSolutions|Serverless)-/.test(acknowledgement.id));

    // Assess
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const acknowledgement of acknowledgements) {
      expect(acknowledgement.reason.length).toBeGreaterThan(30);
      const finding = findings.find(
        (candidate) =>
          candidate.ruleName === acknowledgement.id &&
          candidate.violatingResources.some(
            (resource) => resource.constructPath?.startsWith(`${acknowledgement.path}/`) || resource.constructPath === acknowledgement.path,
          ),
      );
      expect({ ...acknowledgement, used: finding !== undefined }).toEqual({ ...acknowledgement, used: true });
    }
  });
});

