/**
 * Control characters of the data (terminal escape sequences, carriage returns, bidirectional
 * overrides) written as visible `\u001b`-style text, so that a value read from a file cannot drive
 * the terminal. Line breaks and tabs of the output itself stay.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
