/** A headline figure with its label and an optional note (e.g. change against last quarter). */
export function Stat({ label, value, note, help }: { label: string; value: string; note?: string; help?: string }) {
  return (
    <div className="stat" title={help}>
      <div className="stat__label">{label}</div>
      <div className="stat__value">{value}</div>
      {note ? <div className="stat__note">{note}</div> : null}
    </div>
  );
}
