// Placeholder replaced by the profiles feature.
export function ProfileForm() {
  return <h2>ProfileForm</h2>;
}
