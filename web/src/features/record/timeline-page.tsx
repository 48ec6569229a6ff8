// Placeholder replaced by the record feature.
export function TimelinePage() {
  return <h2>TimelinePage</h2>;
}
