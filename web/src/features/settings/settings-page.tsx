// Placeholder replaced by the settings feature.
export function SettingsPage() {
  return <h2>SettingsPage</h2>;
}
