import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidEventPatternError, matchesPattern, validatePattern } from '../../../local/eventbridge/event-pattern';
import type { EventPattern } from '../../../events/subscriptions';

/**
 * The local bus against two files of cases, each case naming its source:
 * - test/fixtures/event-patterns/aws-cases.json: patterns, events and outcomes from AWS's
 *   EventBridge documentation and from AWS's Event Ruler (EventBridge's engine) README and tests;
 * - test/fixtures/event-patterns/localstack-cases.json: all 155 of LocalStack's event-pattern
 *   templates, each run by LocalStack against AWS's TestEventPattern API (matches, does not
 *   match, or refused, with the reason AWS gave).
 */
interface MatchCase {
  name: string;
  source: string;
  pattern: EventPattern;
  event: unknown;
  matches: boolean;
}
interface RefusedCase {
  name: string;
  source: string;
  pattern: unknown;
  reason: string;
  awsReason?: string;
}
interface CaseFile {
  matches: MatchCase[];
  refused: RefusedCase[];
}
const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '../../fixtures/event-patterns', file), 'utf8')) as CaseFile;
const files = { aws: read('aws-cases.json'), localstack: read('localstack-cases.json') };
const cases = { matches: [...files.aws.matches, ...files.localstack.matches], refused: [...files.aws.refused, ...files.localstack.refused] };
const total = cases.matches.length + cases.refused.length;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let ran = 0;

describe('event pattern: the AWS cases', () => {
  it('holds every case of both files: 99 from AWS documentation and Event Ruler, 155 AWS-validated from LocalStack', () => {
    // Assess
    expect({
      aws: { matches: files.aws.matches.length, refused: files.aws.refused.length },
      localstack: { matches: files.localstack.matches.length, refused: files.localstack.refused.length },
    }).toEqual({ aws: { matches: 68, refused: 31 }, localstack: { matches: 117, refused: 38 } });
  });

  it.each(cases.matches.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    // Prepare
    validatePattern(c.pattern);

    // Act
    const matched = matchesPattern(c.pattern, c.event);
    ran += 1;

    // Assess
    expect({ source: c.source, matched }).toEqual({ source: c.source, matched: c.matches });
  });

  it.each(cases.refused.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => {
    // Act
    const attempt = () => validatePattern(c.pattern);
    ran += 1;

    // Assess
    expect(attempt).toThrow(InvalidEventPatternError);
    expect(attempt).toThrow(new RegExp(escapeRegExp(c.reason), 'i'));
  });

  it(`ran ${total} cases, as many as both files hold`, () => {
    // Assess: the cases above run first, in file order
    expect(ran).toBe(total);
    expect(total).toBe(254);
  });
});
