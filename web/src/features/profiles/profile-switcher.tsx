// Placeholder replaced by the profiles feature.
export function ProfileSwitcher() {
  return <h2>ProfileSwitcher</h2>;
}
