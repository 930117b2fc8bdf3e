import { AggregateMismatchError, decideAggregate, ipGrantDecider, scienceTaskDecider } from '../../../domain';
import { accepted, DeciderSpecification, rejected } from './support/decider-specification';
import { district, ipGranted, province, registered, taskApproved } from './support/events';

/**
 * IP grants and science tasks (domain/province-facts.ts): the first statement received owns the fact,
 * a restatement is a correction (the latest wins, whatever the arrival order), and only the first
 * statement's unit and the province may restate it.
 */
const CAU_KE = district('845');
const TRA_CU = district('849');

describe('ipGrantDecider', () => {
  const given = DeciderSpecification.for(ipGrantDecider);

  it('accepts the first statement, from a unit, and makes that unit its owner', () => {
    // Given nothing stated
    const grant = ipGranted('IP-1', 'collective_mark', '2022-05-10', { by: CAU_KE, productIds: ['TV-845-002', 'TV-845-001'] });

    // When district 845 states the grant, then it is accepted
    const { state } = given().when(grant).then([grant]);

    expect(state).toMatchObject({ ipId: 'IP-1', kind: 'collective_mark', grantedAt: '2022-05-10', productIds: ['TV-845-001', 'TV-845-002'], districtCode: '845', ownerUnit: '845' });
  });

  it('takes a restatement as a correction: the latest statement wins, whatever the arrival order', () => {
    // Given nothing stated
    const first = ipGranted('IP-1', 'collective_mark', '2022-05-10', { by: CAU_KE });
    const correction = ipGranted('IP-1', 'geographical_indication', '2022-06-01', { by: CAU_KE });

    // When the correction arrives first, or last, then both are accepted and the correction is the state
    const correctionFirst = given().when(correction, first).then([correction, first]);
    const correctionLast = given().when(first, correction).then([first, correction]);

    expect(correctionFirst.state).toMatchObject({ kind: 'geographical_indication', grantedAt: '2022-06-01', eventId: correction.detail.eventId, ownerUnit: '845' });
    expect(correctionLast.state).toEqual(correctionFirst.state);
  });

  it("lets the province restate a unit's grant, and the unit stays its owner", () => {
    // Given district 845's grant
    const grant = ipGranted('IP-1', 'collective_mark', '2022-05-10', { by: CAU_KE });
    const byProvince = ipGranted('IP-1', 'collective_mark', '2022-07-01', { by: province() });

    // When the province restates it, then it is accepted
    const { state } = given([grant]).when(byProvince).then([byProvince]);

    expect(state).toMatchObject({ grantedAt: '2022-07-01', ownerUnit: '845' });
  });

  it("rejects another unit's restatement, naming the owner, and changes nothing", () => {
    // Given district 845's grant
    const grant = ipGranted('IP-1', 'collective_mark', '2022-05-10', { by: CAU_KE });
    const foreign = ipGranted('IP-1', 'collective_mark', '2023-01-01', { by: TRA_CU });

    // When district 849 restates it, then it is rejected
    given([grant]).when(foreign).thenRejects('ipId IP-1 was first stated by unit 845; unit 849 cannot restate it');
  });

  it('rejects a unit restating a grant the province stated first', () => {
    // Given the province's grant
    const grant = ipGranted('IP-1', 'geographical_indication', '2022-05-10');
    const byUnit = ipGranted('IP-1', 'geographical_indication', '2023-01-01', { by: CAU_KE });

    // When district 845 restates it, then it is rejected
    const { state } = given([grant]).when(byUnit).thenRejects('ipId IP-1 was first stated by the provincial office; unit 845 cannot restate it');

    expect(state).not.toHaveProperty('ownerUnit');
  });
});

describe('scienceTaskDecider', () => {
  const given = DeciderSpecification.for(scienceTaskDecider);

  it('accepts the first approval and a later correction by its unit, and rejects another unit', () => {
    // Given nothing stated
    const approval = taskApproved('TASK-1', '2022-03-01', CAU_KE);
    const correction = taskApproved('TASK-1', '2022-04-01', CAU_KE);
    const foreign = taskApproved('TASK-1', '2022-05-01', TRA_CU);

    // When the approval, its correction and another unit's arrive, then the other unit's is rejected
    const { state } = given()
      .when(approval, correction, foreign)
      .thenDecides([accepted(approval), accepted(correction), rejected(foreign, 'taskId TASK-1 was first stated by unit 845; unit 849 cannot restate it')]);

    expect(state).toMatchObject({ taskId: 'TASK-1', approvedAt: '2022-04-01', ownerUnit: '845' });
  });
});

describe('decideAggregate: the decider of the key', () => {
  it('decides each kind of aggregate with its decider', () => {
    // Prepare
    const grant = ipGranted('IP-1', 'collective_mark', '2022-05-10');
    const task = taskApproved('TASK-1', '2022-03-01');
    const registration = registered('TV-845-001', CAU_KE);

    // Act
    const ofGrant = decideAggregate('IP#IP-1', undefined, [grant]);
    const ofTask = decideAggregate('TASK#TASK-1', undefined, [task]);
    const ofProduct = decideAggregate('PRODUCT#TV-845-001', undefined, [registration]);

    // Assess
    expect(ofGrant).toEqual({ state: ipGrantDecider.evolve(undefined, grant), verdicts: [accepted(grant)] });
    expect(ofTask).toEqual({ state: scienceTaskDecider.evolve(undefined, task), verdicts: [accepted(task)] });
    expect(ofProduct.state).toMatchObject({ productId: 'TV-845-001', registration: { districtCode: '845' } });
    expect(ofProduct.verdicts).toEqual([accepted(registration)]);
  });

  it('throws AggregateMismatchError for an event or a state of another aggregate than its key (a caller bug, not input)', () => {
    // Prepare
    const grant = ipGranted('IP-1', 'collective_mark', '2022-05-10');
    const task = taskApproved('TASK-1', '2022-03-01');
    const taskState = decideAggregate('TASK#TASK-1', undefined, [task]).state;

    // Act
    const eventUnderProduct = () => decideAggregate('PRODUCT#TV-845-001', undefined, [grant]);
    const stateUnderGrant = () => decideAggregate('IP#IP-1', taskState, [grant]);

    // Assess
    expect(eventUnderProduct).toThrow(AggregateMismatchError);
    expect(eventUnderProduct).toThrow(`is not an event of PRODUCT#TV-845-001`);
    expect(stateUnderGrant).toThrow('the state given for IP#IP-1 is not of its kind (ip)');
  });
});
