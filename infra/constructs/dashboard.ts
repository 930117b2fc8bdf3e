import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { contentSecurityPolicy, writeDashboard } from '../../dashboard/build';

export interface OcopDashboardProps {
  api: apigwv2.HttpApi;
  /** The OIDC issuer of the API's JWT authorizer: the page signs in there. */
  issuer: string;
  /** The dashboard's client id at the issuer (public client, PKCE); an audience of the authorizer. */
  clientId: string;
  scope: string;
  removalPolicy: RemovalPolicy;
}

/**
 * The dashboard in AWS: its static files in a private S3 bucket, read by
 * CloudFront through an origin access control; `/v1/*` on the same
 * distribution goes to the HTTP API (so the page calls its own origin and
 * needs no CORS), never cached, the Authorization header passed on. The
 * page signs in at the province's OIDC provider (config.json names it) and
 * sends the ID token, which the API's JWT authorizer checks.
 */
export class OcopDashboard extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: OcopDashboardProps) {
    super(scope, id);
    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are written with an ACL.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: props.removalPolicy,
    });

    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: props.removalPolicy,
    });

    const issuerOrigin = new URL(props.issuer).origin;
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'ocop-pulse dashboard: CSP (own origin and the sign-in provider), HSTS, no framing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy([issuerOrigin]), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });
    // The API answers `cache-control: no-store`; the Authorization header must be in the cache key to reach the origin.
    const apiPolicy = new cloudfront.CachePolicy(this, 'ApiPassThrough', {
      comment: 'ocop-pulse API through the dashboard distribution: never served from cache, token and query passed on',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Authorization'),
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.all(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
    });
    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'ocop-pulse dashboard',
      defaultRootObject: 'index.html',
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: new origins.HttpOrigin(apiDomain, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
          cachePolicy: apiPolicy,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Officers sign in from wherever they travel; access is by the province OIDC sign-in, not by country' },
      { id: 'AwsSolutions-CFR2', reason: 'No AWS WAF web ACL by default (cost for a provincial office); every data request needs a valid JWT and the API is throttled. docs/dashboard.md says how to add one' },
      { id: 'AwsSolutions-CFR4', reason: 'The default *.cloudfront.net certificate allows older TLS to viewers; with a custom domain the distribution keeps TLSv1.2_2021 (docs/dashboard.md)' },
    );

    const built = writeDashboard(mkdtempSync(join(tmpdir(), 'ocop-dashboard-')));
    new s3deploy.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [
        s3deploy.Source.asset(built),
        s3deploy.Source.jsonData('config.json', { auth: 'oidc', issuer: props.issuer, clientId: props.clientId, scope: props.scope }),
      ],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    const stack = Stack.of(this);
    const filesArn = stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    // The CDK BucketDeployment handler: a provider function of aws-cdk-lib that copies the files at deployment time.
    const handlerFindings = [
      ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'It writes its logs with AWSLambdaBasicExecutionRole'],
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => [`AwsSolutions-IAM5[Action::${action}]`, `${action} on its asset bucket and the dashboard bucket only`]),
      [`AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*]`, 'It reads the objects of the CDK asset bucket it copies from'],
      [`AwsSolutions-IAM5[Resource::<${filesArn}.Arn>/*]`, 'It writes the objects of the dashboard bucket'],
      ['AwsSolutions-IAM5[Resource::*]', 'cloudfront:CreateInvalidation and cloudfront:GetInvalidation have no resource-level scoping in its policy'],
      ['AwsSolutions-L1', 'Its runtime is chosen by aws-cdk-lib'],
      ['Serverless-LambdaDLQ', 'CloudFormation invokes it synchronously as a custom resource: a failure fails the deployment'],
      ['Serverless-LambdaTracing', 'A deployment-time function, not part of the running system'],
      ['Serverless-LambdaLatestVersion', 'Its runtime is chosen by aws-cdk-lib'],
    ].map(([id, reason]) => ({ id: id!, reason: `BucketDeployment handler: ${reason}` }));
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) Validations.of(child).acknowledge(...handlerFindings);
    }

    new CfnOutput(stack, 'DashboardUrl', {
      value: `https://${this.distribution.distributionDomainName}/`,
      description: 'The dashboard; register this URL as a redirect URI of the dashboard client at the OIDC provider',
    });
  }
}
