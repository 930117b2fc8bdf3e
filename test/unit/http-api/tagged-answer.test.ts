import { jsonOfTagged, TaggedAnswer } from '../../../functions/http-api/api-request';

describe('jsonOfTagged', () => {
  it('serializes a body once, and answers the same JSON for every answer of that body', () => {
    // Prepare
    let serializations = 0;
    const snapshot = { asOf: '2026-12-06T00:00:00Z', products: 1137, toJSON: () => (serializations++, { asOf: '2026-12-06T00:00:00Z', products: 1137 }) };

    // Act
    const first = jsonOfTagged(new TaggedAnswer(snapshot, '"a"', 1));
    const second = jsonOfTagged(new TaggedAnswer(snapshot, '"a"', 1));

    // Assess
    expect(JSON.parse(first)).toEqual({ asOf: '2026-12-06T00:00:00Z', products: 1137 });
    expect(second).toBe(first);
    expect(serializations).toBe(1);
  });

  it('serializes a new body (the next refresh) on its own', () => {
    // Prepare
    const before = { asOf: '2026-12-06T00:00:00Z', products: 1137 };
    const after = { asOf: '2026-12-06T00:05:00Z', products: 1138 };

    // Act
    const answers = [before, after].map((body) => JSON.parse(jsonOfTagged(new TaggedAnswer(body, `"${body.asOf}"`, 1))));

    // Assess
    expect(answers).toEqual([before, after]);
  });
});
