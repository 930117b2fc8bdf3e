import fc from 'fast-check';
import { inertText, needsInerting, restoreInertText } from '../../../report/inert-text';

describe('inertText', () => {
  it('prefixes with an apostrophe every value a spreadsheet would evaluate, as OWASP advises', () => {
    // Prepare
    const hostile = ['=HYPERLINK("http://x","Bấm vào đây")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'];

    // Act
    const written = hostile.map(inertText);

    // Assess
    expect(written).toEqual(hostile.map((value) => `'${value}`));
    expect(written.filter(needsInerting)).toEqual([]);
    expect(inertText('Mứt dừa sáp')).toBe('Mứt dừa sáp');
  });

  it('is read back to the original value, whatever the value (apostrophes included)', () => {
    // Assess
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ', 'ă') }), (value) => {
        expect(restoreInertText(inertText(value))).toBe(value);
        expect(needsInerting(inertText(value))).toBe(false);
      }),
    );
  });
});
