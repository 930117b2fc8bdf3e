import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDefinition } from '../../functions/http-api/route-table';


export interface OcopHttpApiProps {
  handler: lambda.IFunction;
  /** The routes of the handler's http trigger (functions/http-api/trigger.ts). */
  routes: readonly RouteDefinition[];
  jwtIssuer: string;
  jwtAudience: string[];
  throttle: { rateLimit: number; burstLimit: number };
  logRetention: logs.RetentionDays;
  removalPolicy: RemovalPolicy;
}

/** The fields of each access log line (JSON, one object per request). */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  subject: '$context.authorizer.claims.sub',
};

/**
 * The HTTP API v1 in front of the http-api function: the routes of its http
 * trigger (functions/http-api/trigger.ts, the route table, CONTRACT §3), a JWT authorizer on each route but health and the OpenAPI document, a
 * catch-all (behind the authorizer) so the function answers unknown paths with
 * the contract's JSON 404, throttling and JSON access logs on the default stage.
 */
export class OcopHttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly accessLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: OcopHttpApiProps) {
    super(scope, id);
    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'OCOP pulse HTTP API v1 (CONTRACT §3)',
      createDefaultStage: false,
    });
    const integration = new HttpLambdaIntegration('HttpApiFunction', props.handler, { scopePermissionToRoute: false });
    const authorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, { jwtAudience: props.jwtAudience });
    const noAuthorizer = new apigwv2.HttpNoneAuthorizer();

    // The routes of the function's http trigger, the table it dispatches on: nothing served is left undeployed.
    for (const route of props.routes) {
      const [added] = this.api.addRoutes({
        path: route.path,
        methods: [apigwv2.HttpMethod[route.method]],
        integration,
        authorizer: route.auth ? authorizer : noAuthorizer,
      });
      if (!route.auth) {
        Validations.of(added!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `GET ${route.path} is public by contract (CONTRACT §3: health and the OpenAPI document need no token)`,
        });
      }
    }
    new apigwv2.HttpRoute(this, 'CatchAll', { httpApi: this.api, routeKey: apigwv2.HttpRouteKey.DEFAULT, integration, authorizer });

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLog', { retention: props.logRetention, removalPolicy: props.removalPolicy });
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogGroup),
        format: apigw.AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }
}
