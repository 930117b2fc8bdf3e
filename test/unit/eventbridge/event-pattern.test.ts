import { InvalidEventPatternError, matchesPattern, validatePattern, WILDCARD_COMPLEXITY_LIMIT, wildcardComplexity } from '../../../local/eventbridge/event-pattern';
import type { EventPattern } from '../../../events/subscriptions';
import { subscriptions } from '../../../functions/triggers';
import { OUTBOUND_DETAIL_TYPES } from '../../../events/catalog';

/** Validates, then matches: every pattern the bus uses goes through both. */
function matches(pattern: EventPattern, event: unknown): boolean {
  validatePattern(pattern);
  return matchesPattern(pattern, event);
}

// The example event of "Amazon EventBridge events" and of "Exists matching" in
// "Content filtering in Amazon EventBridge event patterns"
// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html).
const ec2Event = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-abcd1111', state: 'pending' },
};

/** The same event with the detail fields the numeric and anything-but examples of that page talk about. */
function eventWithDetail(detail: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return { ...ec2Event, ...overrides, detail };
}

describe('event pattern: examples of the AWS EventBridge user guide', () => {
  // Page: "Content filtering in Amazon EventBridge event patterns" (eb-event-patterns-content-based-filtering),
  // and its operator table "Comparison operators for use in event patterns in Amazon EventBridge" (eb-create-pattern-operators).

  it('prefix matching: { "time": [ { "prefix": "2017-10-02" } ] }', () => {
    // Prepare
    const pattern = { time: [{ prefix: '2017-10-02' }] };

    // Act / Assess
    expect(matches(pattern, { ...ec2Event, time: '2017-10-02T18:43:48Z' })).toBe(true);
    expect(matches(pattern, ec2Event)).toBe(false);
  });

  it('prefix matching example: Auto Scaling events from European regions', () => {
    // Prepare
    const pattern = { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] };

    // Act / Assess
    expect(matches(pattern, { ...ec2Event, source: 'aws.autoscaling', region: 'eu-west-1' })).toBe(true);
    expect(matches(pattern, { ...ec2Event, source: 'aws.autoscaling', region: 'us-east-1' })).toBe(false);
    expect(matches(pattern, { ...ec2Event, region: 'eu-west-1' })).toBe(false);
  });

  it('begins with, ignoring case: {"service" : [{ "prefix": { "equals-ignore-case": "eventb" }}]}', () => {
    // Prepare
    const pattern = { service: [{ prefix: { 'equals-ignore-case': 'eventb' } }] };

    // Act / Assess
    expect(matches(pattern, { service: 'EventBridge' })).toBe(true);
    expect(matches(pattern, { service: 'EVENTBRIDGE' })).toBe(true);
    expect(matches(pattern, { service: 'Lambda' })).toBe(false);
  });

  it('ends with: "FileName": [ { "suffix": ".png" } ], and ignoring case: {"service" : [{ "suffix": { "equals-ignore-case": "tBridge" }}]}', () => {
    // Act / Assess
    expect(matches({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.png' })).toBe(true);
    expect(matches({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.PNG' })).toBe(false);
    expect(matches({ service: [{ suffix: { 'equals-ignore-case': 'tBridge' } }] }, { service: 'EventBridge' })).toBe(true);
    expect(matches({ service: [{ suffix: { 'equals-ignore-case': 'tBridge' } }] }, { service: 'EVENTBRIDGE' })).toBe(true);
    expect(matches({ service: [{ suffix: { 'equals-ignore-case': 'tBridge' } }] }, { service: 'Bridges' })).toBe(false);
  });

  it('equals and equals ignoring case: "Name": [ "Alice" ] and "Name": [ { "equals-ignore-case": "alice" } ]', () => {
    // Act / Assess
    expect(matches({ Name: ['Alice'] }, { Name: 'Alice' })).toBe(true);
    expect(matches({ Name: ['Alice'] }, { Name: 'alice' })).toBe(false);
    expect(matches({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'ALICE' })).toBe(true);
    expect(matches({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alicia' })).toBe(false);
  });

  it('empty: "LastName": [""] matches an empty string only', () => {
    // Act / Assess
    expect(matches({ LastName: [''] }, { LastName: '' })).toBe(true);
    expect(matches({ LastName: [''] }, { LastName: 'Doe' })).toBe(false);
    expect(matches({ LastName: [''] }, {})).toBe(false);
  });

  it('null: "UserID": [ null ] matches a null value, not a missing field', () => {
    // Act / Assess
    expect(matches({ UserID: [null] }, { UserID: null })).toBe(true);
    expect(matches({ UserID: [null] }, { UserID: 'null' })).toBe(false);
    expect(matches({ UserID: [null] }, {})).toBe(false);
  });

  it('anything-but with a string: { "detail": { "state": [ { "anything-but": "initializing" } ] } }', () => {
    // Prepare
    const pattern = { detail: { state: [{ 'anything-but': 'initializing' }] } };

    // Act / Assess
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, eventWithDetail({ state: 'initializing' }))).toBe(false);
    expect(matches(pattern, eventWithDetail({}))).toBe(false);
  });

  it('anything-but with a number: { "detail": { "x-limit": [ { "anything-but": 123 } ] } }', () => {
    // Prepare
    const pattern = { detail: { 'x-limit': [{ 'anything-but': 123 }] } };

    // Act / Assess
    expect(matches(pattern, eventWithDetail({ 'x-limit': 124 }))).toBe(true);
    expect(matches(pattern, eventWithDetail({ 'x-limit': 123 }))).toBe(false);
  });

  it('anything-but with lists: [ "stopped", "overloaded" ] and [ 100, 200, 300 ]', () => {
    // Prepare
    const states = { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } };
    const limits = { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } };

    // Act / Assess
    expect(matches(states, eventWithDetail({ state: 'running' }))).toBe(true);
    expect(matches(states, eventWithDetail({ state: 'overloaded' }))).toBe(false);
    expect(matches(limits, eventWithDetail({ 'x-limit': 301.8 }))).toBe(true);
    expect(matches(limits, eventWithDetail({ 'x-limit': 200 }))).toBe(false);
  });

  it('anything-but matching example: every event but CloudTrail API calls, and every source but aws.ec2 and aws.s3', () => {
    // Act / Assess
    expect(matches({ 'detail-type': [{ 'anything-but': 'AWS API Call via CloudTrail' }] }, ec2Event)).toBe(true);
    expect(matches({ 'detail-type': [{ 'anything-but': 'AWS API Call via CloudTrail' }] }, { ...ec2Event, 'detail-type': 'AWS API Call via CloudTrail' })).toBe(false);
    expect(matches({ source: [{ 'anything-but': ['aws.ec2', 'aws.s3'] }] }, ec2Event)).toBe(false);
    expect(matches({ source: [{ 'anything-but': ['aws.ec2', 'aws.s3'] }] }, { ...ec2Event, source: 'my.app' })).toBe(true);
  });

  it('anything-but prefix: { "source": [ { "anything-but": { "prefix": "aws." } } ] } keeps only your own events', () => {
    // Prepare
    const pattern = { source: [{ 'anything-but': { prefix: 'aws.' } }] };

    // Act / Assess
    expect(matches(pattern, ec2Event)).toBe(false);
    expect(matches(pattern, { ...ec2Event, source: 'ocop.district.842' })).toBe(true);
    expect(matches({ detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, eventWithDetail({ state: 'initializing' }))).toBe(false);
  });

  it('anything-but suffix: "FileName": [ { "anything-but": { "suffix": ".png" } } ]', () => {
    // Prepare
    const pattern = { FileName: [{ 'anything-but': { suffix: '.png' } }] };

    // Act / Assess
    expect(matches(pattern, { FileName: 'notes.txt' })).toBe(true);
    expect(matches(pattern, { FileName: 'image.png' })).toBe(false);
  });

  it('anything-but ignoring case: "state": [{ "anything-but": { "equals-ignore-case": "initializing" }}], also with a list', () => {
    // Act / Assess
    expect(matches({ state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] }, { state: 'INITIALIZING' })).toBe(false);
    expect(matches({ state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] }, { state: 'running' })).toBe(true);
    expect(matches({ state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] }, { state: 'STOPPED' })).toBe(false);
    expect(matches({ state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] }, { state: 'running' })).toBe(true);
  });

  it('anything-but with a wildcard: "FilePath" : [{ "anything-but": { "wildcard": "*/lib/*" }}]', () => {
    // Prepare
    const pattern = { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] };

    // Act / Assess
    expect(matches(pattern, { FilePath: '/usr/lib/libc.so' })).toBe(false);
    expect(matches(pattern, { FilePath: '/usr/bin/node' })).toBe(true);
  });

  it('wildcard: "EventBusArn": [ { "wildcard": "arn:aws:events:us-east-1:*:event-bus/*" } ], and "dir/*.png"', () => {
    // Prepare
    const arn = { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] };
    const png = { FileName: [{ wildcard: 'dir/*.png' }] };

    // Act / Assess
    expect(matches(arn, { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/ocop-pulse' })).toBe(true);
    expect(matches(arn, { EventBusArn: 'arn:aws:events:eu-west-1:123456789012:event-bus/ocop-pulse' })).toBe(false);
    expect(matches(png, { FileName: 'dir/post.png' })).toBe(true);
    expect(matches(png, { FileName: 'dir/post.jpg' })).toBe(false);
    expect(matches({ Title: [{ wildcard: 'five\\*stars' }] }, { Title: 'five*stars' })).toBe(true);
    expect(matches({ Title: [{ wildcard: 'five\\*stars' }] }, { Title: 'five big stars' })).toBe(false);
  });

  it('numeric matching: c-count > 0 and <= 5, d-count < 10, x-limit = 3.018e2', () => {
    // Prepare
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };

    // Act / Assess
    expect(matches(pattern, eventWithDetail({ 'c-count': 5, 'd-count': 3, 'x-limit': 301.8 }))).toBe(true);
    expect(matches(pattern, eventWithDetail({ 'c-count': 0, 'd-count': 3, 'x-limit': 301.8 }))).toBe(false);
    expect(matches(pattern, eventWithDetail({ 'c-count': 5, 'd-count': 10, 'x-limit': 301.8 }))).toBe(false);
    expect(matches(pattern, eventWithDetail({ 'c-count': 5, 'd-count': 3, 'x-limit': 301.9 }))).toBe(false);
    expect(matches(pattern, eventWithDetail({ 'c-count': '5', 'd-count': 3, 'x-limit': 301.8 }))).toBe(false);
  });

  it('numeric: "Price": [ { "numeric": [ ">", 10, "<=", 20 ] } ] and >= bounds', () => {
    // Act / Assess
    expect(matches({ Price: [{ numeric: ['>', 10, '<=', 20] }] }, { Price: 20 })).toBe(true);
    expect(matches({ Price: [{ numeric: ['>', 10, '<=', 20] }] }, { Price: 10 })).toBe(false);
    expect(matches({ Price: [{ numeric: ['>=', 10, '<', 20] }] }, { Price: 10 })).toBe(true);
    expect(matches({ Price: [{ numeric: ['>=', 10, '<', 20] }] }, { Price: 20 })).toBe(false);
  });

  it('exists matching: "state": [ { "exists": true } ] matches the documented event, not one without detail.state', () => {
    // Prepare
    const pattern = { detail: { state: [{ exists: true }] } };
    const withoutState = {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      detail: { 'c-count': { c1: 100 } },
    };

    // Act / Assess
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, withoutState)).toBe(false);
  });

  it('exists false only looks at leaves: "c-count": [ { "exists": false } ] also matches when c-count is an object', () => {
    // Prepare
    const pattern = { detail: { 'c-count': [{ exists: false }] } };
    const withoutCount = {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
      detail: { state: ['initializing', 'running'] },
    };
    const withObjectCount = { ...withoutCount, detail: { ...withoutCount.detail, 'c-count': { c1: 100 } } };

    // Act / Assess
    expect(matches(pattern, withoutCount)).toBe(true);
    expect(matches(pattern, withObjectCount)).toBe(true);
    expect(matches(pattern, eventWithDetail({ 'c-count': 3 }))).toBe(false);
    expect(matches({ missing: { nested: [{ exists: false }] } }, ec2Event)).toBe(true);
  });

  it('complex example: prefix, anything-but and numeric together', () => {
    // Prepare
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
      },
    };
    const detail = { state: 'running', 'c-count': 5, 'd-count': 3, 'x-limit': 301.8 };

    // Act / Assess
    expect(matches(pattern, eventWithDetail(detail, { time: '2017-10-02T16:24:49Z' }))).toBe(true);
    expect(matches(pattern, eventWithDetail({ ...detail, 'x-limit': 300 }, { time: '2017-10-02T16:24:49Z' }))).toBe(false);
    expect(matches(pattern, eventWithDetail(detail))).toBe(false);
  });

  it('arrays: a pattern matches when its list and the event array intersect', () => {
    // Prepare (page "Arrays in Amazon EventBridge event patterns")
    const pattern = {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    };
    const event = {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    };

    // Act / Assess
    expect(matches(pattern, event)).toBe(true);
    expect(matches(pattern, ec2Event)).toBe(false);
  });

  it('arrays of objects: each element is matched on its own', () => {
    // Prepare
    const pattern = { detail: { items: { kind: ['fruit'], price: [{ numeric: ['<', 10] }] } } };

    // Act / Assess
    expect(matches(pattern, eventWithDetail({ items: [{ kind: 'tool', price: 5 }, { kind: 'fruit', price: 3 }] }))).toBe(true);
    expect(matches(pattern, eventWithDetail({ items: [{ kind: 'tool', price: 5 }, { kind: 'fruit', price: 30 }] }))).toBe(false);
  });

  it('exact values: numbers by value, booleans, and no coercion between types', () => {
    // Act / Assess
    expect(matches({ detail: { 'x-limit': [301.8] } }, eventWithDetail({ 'x-limit': 3.018e2 }))).toBe(true);
    expect(matches({ detail: { 'x-limit': [301.8] } }, eventWithDetail({ 'x-limit': '301.8' }))).toBe(false);
    expect(matches({ detail: { ok: [true] } }, eventWithDetail({ ok: true }))).toBe(true);
    expect(matches({ detail: { ok: [true] } }, eventWithDetail({ ok: 'true' }))).toBe(false);
  });

  it('$or: "Location" is "New York", or "Day" is "Monday"; and an or of numeric conditions inside detail', () => {
    // Prepare
    const either = { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] };
    const numericOr = {
      source: ['aws.ec2'],
      detail: {
        $or: [{ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }, { 'd-count': [{ numeric: ['<', 10] }] }, { 'x-limit': [{ numeric: ['=', 3.018e2] }] }],
      },
    };

    // Act / Assess
    expect(matches(either, { Location: 'New York', Day: 'Friday' })).toBe(true);
    expect(matches(either, { Location: 'Hanoi', Day: 'Monday' })).toBe(true);
    expect(matches(either, { Location: 'Hanoi', Day: 'Friday' })).toBe(false);
    expect(matches(numericOr, eventWithDetail({ 'c-count': 50, 'd-count': 50, 'x-limit': 301.8 }))).toBe(true);
    expect(matches(numericOr, eventWithDetail({ 'c-count': 50, 'd-count': 50, 'x-limit': 1 }))).toBe(false);
  });
});

describe('event pattern: the rules of the bus (functions/triggers.ts)', () => {
  const envelope = (source: string, detailType: string) => ({ ...ec2Event, source, 'detail-type': detailType, detail: { eventId: 'evt-00000001' } });
  const inbound = subscriptions.find((s) => s.id === 'project-inbound-events')!;
  const audit = subscriptions.find((s) => s.id === 'audit-every-event')!;

  it('every subscription pattern is valid', () => {
    // Act / Assess
    for (const subscription of subscriptions) expect(() => validatePattern(subscription.pattern)).not.toThrow();
  });

  it('project-inbound-events takes district and province events, unknown detail types included', () => {
    // Act / Assess
    expect(matches(inbound.pattern, envelope('ocop.district.842', 'ProductRegistered'))).toBe(true);
    expect(matches(inbound.pattern, envelope('ocop.province', 'IntellectualPropertyGranted'))).toBe(true);
    expect(matches(inbound.pattern, envelope('ocop.district.842', 'ProductRegisterd'))).toBe(true);
  });

  it('project-inbound-events leaves out what the system announces itself and foreign sources', () => {
    // Act / Assess
    for (const detailType of OUTBOUND_DETAIL_TYPES) expect(matches(inbound.pattern, envelope('ocop.province', detailType))).toBe(false);
    expect(matches(inbound.pattern, envelope('aws.ec2', 'ProductRegistered'))).toBe(false);
    expect(matches(inbound.pattern, envelope('OCOP.district.842', 'ProductRegistered'))).toBe(false);
  });

  it('audit-every-event takes every event, whatever its source', () => {
    // Act / Assess
    expect(matches(audit.pattern, envelope('ocop.province', 'EventRejected'))).toBe(true);
    expect(matches(audit.pattern, envelope('aws.ec2', 'anything'))).toBe(true);
    expect(matches(audit.pattern, envelope('', 'anything'))).toBe(true);
  });
});

describe('validatePattern', () => {
  it.each([
    ['not an object', ['source']],
    ['an empty pattern', {}],
    ['a bare value instead of a list', { source: 'ocop.province' }],
    ['an empty list', { source: [] }],
    ['an unknown operator', { source: [{ startsWith: 'ocop.' }] }],
    ['two operators in one object', { source: [{ prefix: 'a', suffix: 'b' }] }],
    ['a prefix that is not a string', { source: [{ prefix: 3 }] }],
    ['a mixed anything-but list', { source: [{ 'anything-but': ['a', 1] }] }],
    ['an anything-but of a boolean', { source: [{ 'anything-but': true }] }],
    ['an anything-but with an empty prefix', { source: [{ 'anything-but': { prefix: '' } }] }],
    ['a numeric with a string bound', { n: [{ numeric: ['>', '0'] }] }],
    ['a numeric range upside down', { n: [{ numeric: ['>', 10, '<', 5] }] }],
    ['a numeric with an unknown operator', { n: [{ numeric: ['!=', 1] }] }],
    ['a numeric out of range', { n: [{ numeric: ['<', 1e10] }] }],
    ['an exists that is not a boolean', { n: [{ exists: 'yes' }] }],
    ['consecutive wildcards', { n: [{ wildcard: 'a**b' }] }],
    ['a backslash escaping a letter in a wildcard', { n: [{ wildcard: 'a\\b' }] }],
    ['an $or with a single alternative', { $or: [{ a: ['x'] }] }],
    ['a nested empty object', { detail: {} }],
    ['a cidr whose prefix length is over 32 (Event Ruler CIDRTest)', { ip: [{ cidr: '192.168.0.1/33' }] }],
  ])('rejects %s', (_, pattern) => {
    // Act / Assess
    expect(() => validatePattern(pattern)).toThrow(InvalidEventPatternError);
  });

  it('names the faulty field in its message', () => {
    // Act / Assess
    expect(() => validatePattern({ detail: { state: [{ prefx: 'x' }] } })).toThrow('Event pattern is not valid at "detail.state": unrecognized match type "prefx"');
  });
});

describe('wildcard complexity (EventBridge refuses "Rule is too complex")', () => {
  const complexity = (...wildcards: string[]) => wildcardComplexity(wildcards.map((text) => ({ id: text, text })));

  it('scores a wildcard by the states one worst-case value holds at once', () => {
    // Act / Assess
    expect(complexity('a\\*b')).toBe(1);
    expect(complexity('Simple*Service')).toBe(2);
    expect(complexity('arn:aws:events:us-east-1:*:event-bus/*')).toBe(3);
    expect(complexity('*:*:*:*:*:event-bus/*')).toBe(11);
  });

  it('adds up the wildcards of one field, and counts a prefix shared before the first star once per pattern', () => {
    // Act / Assess
    expect(complexity('*.bif', '*.tiff', '*.tif', '*.svs')).toBe(8);
    expect(complexity('*/datasync/*.bif', '*/datasync/*.tif')).toBe(8);
    expect(complexity('*/datasync/*.bif', '*/datasync/*.tiff', '*/datasync/*.tif', '*/datasync/*.svs')).toBe(16);
    expect(wildcardComplexity(['*/bin/*.jar', '*/bin/*.class'].map((text) => ({ id: 'one anything-but list', text })))).toBe(7);
  });

  it('refuses a field whose wildcards score over the limit, naming the field, and takes one at the limit or under', () => {
    // Prepare
    const fourFolders = ['bif', 'tiff', 'tif', 'svs'].map((ext) => ({ wildcard: `*/datasync/*.${ext}` }));

    // Act / Assess
    expect(WILDCARD_COMPLEXITY_LIMIT).toBe(10);
    expect(() => validatePattern({ detail: { object: { key: fourFolders } } })).toThrow(
      /^Event pattern is not valid at "detail\.object\.key": Rule is too complex - try using fewer wildcard characters .*\(wildcard complexity 16 on this field; EventBridge accepts at most 10\)$/,
    );
    expect(() => validatePattern({ detail: { object: { key: fourFolders.slice(0, 2) } } })).not.toThrow();
    expect(() => validatePattern({ n: [{ wildcard: '*:*:*:*:*' }] })).not.toThrow();
  });

  it('counts each field alone, anything-but wildcards with the others, and $or alternatives on the same field together', () => {
    // Prepare
    const twoFolders = (ext: string) => [{ wildcard: `*/datasync/*.${ext}` }, { wildcard: `*/datasync/*.${ext}x` }];

    // Act / Assess
    expect(() => validatePattern({ a: twoFolders('bif'), b: twoFolders('tif') })).not.toThrow();
    expect(() => validatePattern({ a: [...twoFolders('bif'), { 'anything-but': { wildcard: ['*/datasync/*.tif', '*/datasync/*.svs'] } }] })).toThrow(/Rule is too complex/);
    expect(() => validatePattern({ $or: [{ a: twoFolders('bif') }, { a: twoFolders('tif') }] })).toThrow(/at "a": Rule is too complex/);
  });
});
