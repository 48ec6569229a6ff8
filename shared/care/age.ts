/** Ages in whole calendar months, and month arithmetic on `YYYY-MM-DD` dates (the 31st clamps to the month's end). */

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole months from `birth` to `today`: 2 on the day a baby is two months old, not the day before. */
export function ageInMonths(birth: string, today: string): number {
  const [by, bm, bd] = parts(birth);
  const [ty, tm, td] = parts(today);
  let months = (ty - by) * 12 + (tm - bm);
  // Born on the 31st: a month is complete on the last day of a shorter month.
  if (td < Math.min(bd, daysIn(ty, tm))) months -= 1;
  return months;
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysIn(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
