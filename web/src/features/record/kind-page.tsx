// Placeholder replaced by the record feature.
export function KindPage() {
  return <h2>KindPage</h2>;
}
