// Placeholder replaced by the record feature.
export function RecordEditorPage() {
  return <h2>RecordEditorPage</h2>;
}
