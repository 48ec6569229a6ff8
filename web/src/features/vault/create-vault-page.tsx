// Placeholder replaced by the vault feature.
export function CreateVaultPage() {
  return <h2>CreateVaultPage</h2>;
}
