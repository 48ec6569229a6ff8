// Placeholder replaced by the profiles feature.
export function ProfilesPage() {
  return <h2>ProfilesPage</h2>;
}
