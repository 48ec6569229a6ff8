// Placeholder replaced by the vault feature.
export function UnlockPage() {
  return <h2>UnlockPage</h2>;
}
