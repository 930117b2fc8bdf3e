import { readFileSync } from 'node:fs';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { CHART_ASSETS, chartAssetPath } from '../../../report/charts/assets';

/**
 * The font the email's charts are drawn with has every letter of Vietnamese:
 * each is drawn alone by resvg (with no system font) and must leave ink that
 * differs from the "missing glyph" box.
 */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LETTERS = [
  ...VOWELS.flatMap((vowel) => TONES.map((tone) => `${vowel}${tone}`.normalize('NFC'))),
  'đ',
  ...'bcdghklmnpqrstvx',
].flatMap((letter) => [letter, letter.toUpperCase()]);

let fonts: Uint8Array[];
beforeAll(async () => {
  await initWasm(readFileSync(chartAssetPath(CHART_ASSETS.resvgWasm)));
  fonts = [readFileSync(chartAssetPath(CHART_ASSETS.fontRegular)), readFileSync(chartAssetPath(CHART_ASSETS.fontBold))];
});

function draw(text: string, weight: 400 | 700): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><text x="8" y="44" font-family="Be Vietnam Pro" font-weight="${weight}" font-size="36">${text}</text></svg>`;
  const resvg = new Resvg(svg, { font: { fontBuffers: fonts, loadSystemFonts: false, defaultFontFamily: 'Be Vietnam Pro' }, background: '#ffffff' });
  const image = resvg.render();
  const pixels = image.pixels.slice();
  image.free();
  resvg.free();
  return pixels;
}

const ink = (pixels: Uint8Array) => pixels.filter((value, i) => i % 4 === 0 && value < 128).length;
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((value, i) => value === b[i]);

describe('the chart font (Be Vietnam Pro, OFL)', () => {
  it('has every letter of the Vietnamese alphabet, with each of the five tone marks, in regular and bold', () => {
    // Prepare: a private-use character, which no font has, draws the missing-glyph box (or nothing).
    const missing = { 400: draw('\uE000', 400), 700: draw('\uE000', 700) };

    // Act
    const absent = ([400, 700] as const).flatMap((weight) =>
      LETTERS.filter((letter) => {
        const pixels = draw(letter, weight);
        return ink(pixels) === 0 || same(pixels, missing[weight]);
      }).map((letter) => `${letter} (${weight})`),
    );

    // Assess
    expect(LETTERS).toHaveLength(2 * (12 * 6 + 1 + 16));
    expect(absent).toEqual([]);
  });
});
