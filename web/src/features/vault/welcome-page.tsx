// Placeholder replaced by the vault feature.
export function WelcomePage() {
  return <h2>WelcomePage</h2>;
}
