// Placeholder replaced by the documents feature.
export function DocumentsPage() {
  return <h2>DocumentsPage</h2>;
}
