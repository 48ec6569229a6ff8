// Placeholder replaced by the pwa feature.
export function UpdatePrompt() {
  return null;
}
