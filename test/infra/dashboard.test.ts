import { Match } from 'aws-cdk-lib/assertions';
import { resourcesOfType, synthesizeOcopApp, type SynthesizedApp } from './support/synthesized-app';

/** The dashboard in AWS: S3 behind CloudFront with an origin access control, the API on the same origin, OIDC sign-in. cdk-nag runs during synth. */
let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthesizeOcopApp('prod', { bundling: false });
});

describe('the dashboard distribution', () => {
  it('reads a private bucket through an origin access control, and nothing else may', () => {
    // Prepare
    const template = synthesized.statelessTemplate;
    const bucketId = synthesized.logicalId(synthesized.stateless.dashboard!.bucket.node.defaultChild as never);
    const distributionId = synthesized.logicalId(synthesized.stateless.dashboard!.distribution.node.defaultChild as never);

    // Act
    const bucket = resourcesOfType(template, 'AWS::S3::Bucket')[bucketId]!;
    const policies = Object.values(resourcesOfType(template, 'AWS::S3::BucketPolicy')).filter((p) => JSON.stringify(p.Properties!.Bucket).includes(bucketId));

    // Assess
    expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const statements = policies.flatMap((p) => (p.Properties!.PolicyDocument as { Statement: any[] }).Statement);
    const read = statements.find((s) => JSON.stringify(s.Principal).includes('cloudfront.amazonaws.com'))!;
    expect(read.Action).toBe('s3:GetObject');
    expect(JSON.stringify(read.Condition)).toContain(distributionId);
    expect(statements.filter((s) => s.Effect === 'Allow').every((s) => JSON.stringify(s.Principal).includes('cloudfront.amazonaws.com') || JSON.stringify(s.Principal).includes('logging.s3'))).toBe(true);
  });

  it('serves /v1/* from the HTTP API uncached, passing the token on, and the page over HTTPS', () => {
    // Act
    const [distribution] = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::CloudFront::Distribution'));
    const config = distribution!.Properties!.DistributionConfig as any;
    const api = config.CacheBehaviors.find((b: any) => b.PathPattern === '/v1/*');
    const cachePolicies = resourcesOfType(synthesized.statelessTemplate, 'AWS::CloudFront::CachePolicy');
    const apiPolicy = cachePolicies[api.CachePolicyId.Ref]!.Properties!.CachePolicyConfig as any;

    // Assess
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(api.ViewerProtocolPolicy).toBe('https-only');
    expect(api.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(apiPolicy.DefaultTTL).toBe(0);
    expect(apiPolicy.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: ['Authorization'] });
    const apiOrigin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(JSON.stringify(apiOrigin.DomainName)).toContain(synthesized.logicalId(synthesized.stateless.httpApi.api.node.defaultChild as never));
    expect(config.Logging).toBeDefined();
  });

  it("allows the page to talk only to its own origin and to the API authorizer's issuer", () => {
    // Act
    const [policy] = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = (policy!.Properties!.ResponseHeadersPolicyConfig as any).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy as string;

    // Assess
    expect(csp).toContain(`connect-src 'self' ${new URL(synthesized.config.api.jwtIssuer).origin}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('signs in with a client the JWT authorizer accepts as an audience, and says where the page is', () => {
    // Assess
    expect(synthesized.config.api.jwtAudience).toContain(synthesized.config.dashboard!.clientId);
    synthesized.statelessTemplate.hasOutput('DashboardUrl', { Value: Match.objectLike({ 'Fn::Join': Match.anyValue() }) });
    synthesized.statelessTemplate.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });
});
