import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidEventPatternError, matchesPattern, validatePattern } from '../../../local/eventbridge/event-pattern';
import type { EventPattern } from '../../../events/subscriptions';

/**
 * The local bus against the cases of test/fixtures/event-patterns/aws-cases.json:
 * patterns, events and outcomes from AWS's EventBridge documentation and from
 * AWS's Event Ruler (EventBridge's engine) README and test suite, and one AWS-validated case of
 * LocalStack's suite (the wildcard AWS refuses as too complex), each case naming its source.
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
}
const cases = JSON.parse(readFileSync(join(__dirname, '../../fixtures/event-patterns/aws-cases.json'), 'utf8')) as { matches: MatchCase[]; refused: RefusedCase[] };

describe('event pattern: the AWS cases', () => {
  it('runs every case of the file: 68 matches and 32 refusals', () => {
    // Assess
    expect({ matches: cases.matches.length, refused: cases.refused.length }).toEqual({ matches: 68, refused: 32 });
  });

  it.each(cases.matches.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    // Prepare
    validatePattern(c.pattern);

    // Act
    const matched = matchesPattern(c.pattern, c.event);

    // Assess
    expect({ source: c.source, matched }).toEqual({ source: c.source, matched: c.matches });
  });

  it.each(cases.refused.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => {
    // Act
    const attempt = () => validatePattern(c.pattern);

    // Assess
    expect(attempt).toThrow(InvalidEventPatternError);
    expect(attempt).toThrow(new RegExp(c.reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));
  });
});
