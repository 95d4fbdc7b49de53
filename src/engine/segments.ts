/** Company-size segments from an account's employee count (the "segment" of filters and breakdowns). */
export const SEGMENTS = ['SMB', 'Mid-market', 'Enterprise', 'Unknown'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** SMB under 200 employees, Mid-market 200–1,999, Enterprise 2,000 and over. */
export function segmentOf(employees: number): Segment {
  if (!Number.isFinite(employees)) return 'Unknown';
  if (employees < 200) return 'SMB';
  if (employees < 2000) return 'Mid-market';
  return 'Enterprise';
}
