/** Moves focus to the first field marked invalid inside `root`, so its error is read out with it. */
export function focusFirstInvalid(root: HTMLElement | undefined): void {
  root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
