/**
 * A minimal YAML writer for the dbt package files: mappings, lists and scalars, every string
 * written as a JSON string (a valid YAML double-quoted scalar), so no value can change the shape.
 */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

const scalar = (v: string | number | boolean | null): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));
const isScalar = (v: YamlValue): v is string | number | boolean | null => v === null || typeof v !== 'object';

function lines(v: YamlValue, indent: string): string[] {
  if (isScalar(v)) return [`${indent}${scalar(v)}`];
  if (Array.isArray(v)) {
    if (v.length === 0) return [`${indent}[]`];
    return (v as readonly YamlValue[]).flatMap((item) => {
      if (isScalar(item)) return [`${indent}- ${scalar(item)}`];
      const inner = lines(item, `${indent}  `);
      return [`${indent}- ${inner[0]!.trimStart()}`, ...inner.slice(1)];
    });
  }
  const entries = Object.entries(v as Record<string, YamlValue>);
  if (entries.length === 0) return [`${indent}{}`];
  return entries.flatMap(([k, x]) => {
    const key = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k);
    if (isScalar(x) || (Array.isArray(x) && x.length === 0))
      return [`${indent}${key}: ${isScalar(x) ? scalar(x) : '[]'}`];
    return [`${indent}${key}:`, ...lines(x, `${indent}  `)];
  });
}

export function toYaml(v: YamlValue): string {
  return `${lines(v, '').join('\n')}\n`;
}
