import { schedules } from '../../functions/triggers';
import { resourcesOfType, synthesizeOcopApp, type SynthesizedApp } from './support/synthesized-app';

// Synthesized once for the whole file, without bundling: these tests read only templates.
let synthesized: SynthesizedApp;
beforeAll(() => {
  synthesized = synthesizeOcopApp('dev', { bundling: false });
});

describe('the dev stage', () => {
  it('destroys its tables with the stack and leaves deletion protection off', () => {
    // Act
    const tables = Object.values(resourcesOfType(synthesized.statefulTemplate, 'AWS::DynamoDB::Table'));

    // Assess
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table.DeletionPolicy).toBe('Delete');
      expect(table.Properties).toMatchObject({ DeletionProtectionEnabled: false, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
    }
  });

  it('uses its own bus name, its district and commune accounts and an address identity for the sender', () => {
    // Prepare
    const { config } = synthesized;

    // Act
    const buses = Object.values(resourcesOfType(synthesized.statefulTemplate, 'AWS::Events::EventBus'));
    const policies = Object.values(resourcesOfType(synthesized.statefulTemplate, 'AWS::Events::EventBusPolicy'));
    const identities = Object.values(resourcesOfType(synthesized.statefulTemplate, 'AWS::SES::EmailIdentity'));

    // Assess
    expect(buses.map((bus) => bus.Properties!.Name)).toEqual([config.eventBusName]);
    expect(policies).toHaveLength(config.districts.length + config.communes.length);
    expect(identities.map((identity) => identity.Properties!.EmailIdentity)).toEqual([config.email.senderAddress]);
  });

  it('passes the sender and the configuration set to the mailer', () => {
    // Prepare
    const functions = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Lambda::Function'));

    // Act
    const mailers = functions.filter((fn) => JSON.stringify(fn.Properties!.Environment).includes('SENDER_ADDRESS'));

    // Assess
    expect(mailers).toHaveLength(1);
    expect(mailers[0]!.Properties!.Environment).toMatchObject({
      Variables: { SENDER_ADDRESS: synthesized.config.email.senderAddress, SES_CONFIGURATION_SET: expect.anything() },
    });
  });

  it('keeps the schedules of the triggers of the functions when the config overrides none', () => {
    // Act
    const created = Object.values(resourcesOfType(synthesized.statelessTemplate, 'AWS::Scheduler::Schedule'));

    // Assess
    expect(created.map((schedule) => schedule.Properties!.ScheduleExpression).sort()).toEqual(schedules.map((schedule) => schedule.expression).sort());
  });
});
