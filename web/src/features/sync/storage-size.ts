/**
 * A byte count as a person reads it, in the UI's language ("480 MB", "480 Mo"). Binary multiples
 * (the server's quota is 512 × 1024 × 1024 bytes) under the common unit names, as phones show them.
 */
type FormatNumber = (value: number, options?: Intl.NumberFormatOptions) => string;

const KIB = 1024;

export function formatBytes(formatNumber: FormatNumber, bytes: number): string {
  const [value, unit] =
    bytes >= KIB ** 3
      ? [bytes / KIB ** 3, 'gigabyte']
      : bytes >= KIB ** 2
        ? [bytes / KIB ** 2, 'megabyte']
        : bytes >= KIB
          ? [bytes / KIB, 'kilobyte']
          : [bytes, 'byte'];
  return formatNumber(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
}
