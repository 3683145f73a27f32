import { describe, expect, it } from 'vitest';
import { countSms } from '../../../renderer/src/format/sms-segments';

describe('countSms', () => {
  it('counts nothing for an empty text', () => {
    expect(countSms('')).toMatchObject({ encoding: 'GSM-7', units: 0, segments: 0 });
  });

  it('fits 160 GSM-7 characters in one SMS and 153 per part after that', () => {
    expect(countSms('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1, perSegment: 160, remaining: 0 });
    expect(countSms('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remaining: 145 });
    expect(countSms('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countSms('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('keeps accented letters of the GSM alphabet in GSM-7', () => {
    expect(countSms('Café à Zürich, ¿Qué? £5 @ 9:00')).toMatchObject({ encoding: 'GSM-7' });
  });

  it('counts extension characters as two septets and never splits them', () => {
    expect(countSms('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSms('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
    // 152 plain septets then a two-septet character: it does not fit in the first part's last septet.
    const text = 'a'.repeat(152) + '{' + 'b'.repeat(10);
    expect(countSms(text)).toMatchObject({ units: 164, segments: 2, remaining: 153 - 12 });
  });

  it('switches the whole text to UCS-2 for one character outside GSM-7: 70, then 67 per part', () => {
    expect(countSms('ê')).toMatchObject({ encoding: 'UCS-2', units: 1, segments: 1, perSegment: 70 });
    expect(countSms('ê'.repeat(70))).toMatchObject({ segments: 1 });
    expect(countSms('ê'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(countSms('a'.repeat(100) + 'ê')).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('counts an emoji as two UTF-16 units and never splits the pair', () => {
    expect(countSms('😀'.repeat(35))).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSms('😀'.repeat(36))).toMatchObject({ units: 72, segments: 2 });
    expect(countSms('a' + '😀'.repeat(34))).toMatchObject({ units: 69, segments: 1 });
    // 66 units, then a pair that would straddle the 67-unit boundary: it moves whole to part two.
    expect(countSms('x'.repeat(66) + '😀' + 'y'.repeat(5))).toMatchObject({ units: 73, segments: 2, remaining: 67 - 7 });
  });
});
