// Placeholder replaced by the record feature.
export function MeasurementsPage() {
  return <h2>MeasurementsPage</h2>;
}
