/** Record ids of the demo company: a prefix and a zero-padded sequence number (`L-000042`). */
export function padId(prefix: string, n: number, width: number): string {
  return `${prefix}-${String(n).padStart(width, '0')}`;
}
