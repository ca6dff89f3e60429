// The water-level bands, their colours and the level label.
import { describe, expect, it } from 'vitest';
import { SEVERITY_CSS, WATER_NO_DATA_CSS, WATER_NORMAL_CSS } from './palette.ts';
import { waterBand, waterBandCss, waterLevelText } from './water-band.ts';

const T = { blueCm: 10, yellowCm: 20, orangeCm: 30, redCm: 50 };

describe('waterBand', () => {
  it('has no band without a reading', () => {
    expect(waterBand(null, T)).toBe('none');
    expect(waterBand(Number.NaN, T)).toBe('none');
  });
  it('is normal below blue', () => {
    expect(waterBand(0, T)).toBe('normal');
    expect(waterBand(9.9, T)).toBe('normal');
  });
  it('takes the highest threshold reached, thresholds inclusive', () => {
    expect(waterBand(10, T)).toBe('BLUE');
    expect(waterBand(19, T)).toBe('BLUE');
    expect(waterBand(20, T)).toBe('YELLOW');
    expect(waterBand(30, T)).toBe('ORANGE');
    expect(waterBand(49.9, T)).toBe('ORANGE');
    expect(waterBand(50, T)).toBe('RED');
    expect(waterBand(500, T)).toBe('RED');
  });
  it('colours by band', () => {
    expect(waterBandCss('none')).toBe(WATER_NO_DATA_CSS);
    expect(waterBandCss('normal')).toBe(WATER_NORMAL_CSS);
    expect(waterBandCss('ORANGE')).toBe(SEVERITY_CSS.ORANGE);
  });
});

describe('waterLevelText', () => {
  it('rounds to whole centimetres and is empty without a reading', () => {
    expect(waterLevelText(23.6)).toBe('24 cm');
    expect(waterLevelText(0)).toBe('0 cm');
    expect(waterLevelText(null)).toBe('');
  });
});
