import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { EmailSending } from './ocop-function';

export interface OcopEmailProps {
  senderAddress: string;
  /** Verify the sender's domain (DKIM records to publish) or only the address (a confirmation email). */
  identity: 'domain' | 'address';
  configurationSetName: string;
}

/**
 * The SES identity the KPI report is sent from and its configuration set
 * (TLS required, reputation metrics, bounces and complaints suppressed).
 */
export class OcopEmail extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly sending: EmailSending;

  constructor(scope: Construct, id: string, props: OcopEmailProps) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.configurationSetName,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    const domain = props.senderAddress.split('@')[1]!;
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: props.identity === 'domain' ? ses.Identity.domain(domain) : ses.Identity.email(props.senderAddress),
      configurationSet: this.configurationSet,
    });
    if (props.identity === 'domain') {
      this.identity.dkimRecords.forEach((record, index) => {
        new CfnOutput(this, `DkimRecord${index + 1}`, {
          description: `DKIM CNAME ${index + 1} to publish in the DNS of ${domain} (README.md, "Deploying to AWS")`,
          value: `${record.name} CNAME ${record.value}`,
        });
      });
    }
    this.sending = {
      senderAddress: props.senderAddress,
      identityArn: this.identity.emailIdentityArn,
      configurationSetName: this.configurationSet.configurationSetName,
      configurationSetArn: Stack.of(this).formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
    };
  }
}
