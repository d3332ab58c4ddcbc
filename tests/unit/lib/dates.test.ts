import { describe, expect, it } from 'vitest';
import { dayKey, formatCommentTimestamp, formatDateHeader, formatTime, isoInZone, zonedParts } from '../../../src/lib/dates';

const NY = 'America/New_York';

describe('Blogger date formats in the blog zone', () => {
  it('formats the seed post date header and time', () => {
    const d = new Date('2008-11-29T06:47:00-05:00');
    expect(formatDateHeader(d, NY)).toBe('Saturday, November 29, 2008');
    expect(formatTime(d, NY)).toBe('6:47 AM');
  });

  it('zero-pads the day in the header but not the hour in the time', () => {
    const d = new Date('2018-08-01T21:05:00-04:00');
    expect(formatDateHeader(d, NY)).toBe('Wednesday, August 01, 2018');
    expect(formatTime(d, NY)).toBe('9:05 PM');
  });

  it('uses 12 for noon and midnight', () => {
    expect(formatTime(new Date('2010-01-01T00:05:00-05:00'), NY)).toBe('12:05 AM');
    expect(formatTime(new Date('2010-01-01T12:30:00-05:00'), NY)).toBe('12:30 PM');
  });

  it('files a late-evening UTC-stamped post under the New York day', () => {
    // 03:30 UTC on the 30th is 23:30 EDT on the 29th.
    const d = new Date('2007-04-30T03:30:00Z');
    expect(dayKey(d, NY)).toBe('2007-04-29');
    expect(formatDateHeader(d, NY)).toBe('Sunday, April 29, 2007');
  });

  it('is right on both sides of the daylight-saving changes', () => {
    // US DST began 2008-03-09 at 2:00 AM local.
    expect(formatTime(new Date('2008-03-09T06:59:00Z'), NY)).toBe('1:59 AM');
    expect(formatTime(new Date('2008-03-09T07:00:00Z'), NY)).toBe('3:00 AM');
    // ...and ended 2008-11-02 at 2:00 AM local (1 AM happens twice).
    expect(formatTime(new Date('2008-11-02T05:30:00Z'), NY)).toBe('1:30 AM');
    expect(formatTime(new Date('2008-11-02T06:30:00Z'), NY)).toBe('1:30 AM');
    expect(isoInZone(new Date('2008-11-02T05:30:00Z'), NY)).toBe('2008-11-02T01:30:00-04:00');
    expect(isoInZone(new Date('2008-11-02T06:30:00Z'), NY)).toBe('2008-11-02T01:30:00-05:00');
  });

  it('formats comment timestamps', () => {
    expect(formatCommentTimestamp(new Date('2008-11-29T14:14:00Z'), NY)).toBe('November 29, 2008 at 9:14 AM');
  });

  it('honours another configured zone', () => {
    const d = new Date('2008-11-29T06:47:00-05:00');
    expect(zonedParts(d, 'Europe/London')).toMatchObject({ year: 2008, month: 11, day: 29, hour: 11, minute: 47 });
    expect(isoInZone(d, 'Asia/Kolkata')).toBe('2008-11-29T17:17:00+05:30');
  });
});
