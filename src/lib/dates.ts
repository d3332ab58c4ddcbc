/**
 * Dates as Blogger showed them, always in the blog's time zone, whatever the
 * machine's TZ. Intl does the zone arithmetic, so daylight-saving changes are right.
 */

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  weekday: string;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'long',
      hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const p of partsFormatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: parts.weekday ?? '',
  };
}

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (!name) throw new RangeError(`month must be 1-12, got ${month}`);
  return name;
}

/** Two digits, as months, days and hours are written in addresses and timestamps. */
export const pad2 = (n: number) => String(n).padStart(2, '0');

/** "Saturday, November 29, 2008": Blogger's date header (%A, %B %d, %Y, zero-padded day). */
export function formatDateHeader(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.weekday}, ${monthName(p.month)} ${pad2(p.day)}, ${p.year}`;
}

/** "6:47 AM": 12-hour clock, hour not padded. */
export function formatTime(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${h12}:${pad2(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** "November 29, 2008 at 9:14 AM": the comment timestamp. */
export function formatCommentTimestamp(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${monthName(p.month)} ${p.day}, ${p.year} at ${formatTime(date, timeZone)}`;
}

/** "2008-11-29" in the blog's zone: the key that groups posts under one date header. */
export function dayKey(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** ISO 8601 with the blog zone's offset, e.g. 2008-11-29T06:47:00-05:00 (for <time datetime>). */
export function isoInZone(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const seconds = date.getUTCSeconds();
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, seconds);
  const offsetMinutes = Math.round((asUtc - (date.getTime() - date.getUTCMilliseconds())) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(seconds)}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/**
 * Noon of a calendar day ("2008-11-29") in a zone: the instant that stands for a post
 * whose time of day is unknown. Noon keeps the same calendar date in the blog's zone
 * and, in feeds, from UTC-12 to UTC+6 (the Americas, Europe and Africa).
 */
export function zonedNoon(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = new Date(Date.UTC(y, m - 1, d, 12));
  const p = zonedParts(guess, timeZone);
  const shownAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return new Date(guess.getTime() - (shownAsUtc - guess.getTime()));
}
