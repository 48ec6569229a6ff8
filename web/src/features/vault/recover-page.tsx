// Placeholder replaced by the vault feature.
export function RecoverPage() {
  return <h2>RecoverPage</h2>;
}
