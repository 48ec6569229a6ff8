/**
 * Confirms a deletion in a modal <dialog>: the browser traps focus inside, Escape cancels, and
 * focus returns to the Delete button when it closes. "Keep it" has the initial focus, so a stray
 * Enter does not delete anything.
 */
import { createSignal } from 'solid-js';

export interface DeleteDialogProps {
  buttonLabel: string;
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Called once the dialog has closed; shows its own error if the deletion fails. */
  onConfirm(): Promise<void>;
}

export function DeleteButton(props: DeleteDialogProps) {
  let dialog: HTMLDialogElement | undefined;
  let keep: HTMLButtonElement | undefined;
  const [busy, setBusy] = createSignal(false);

  const show = () => {
    dialog?.showModal();
    keep?.focus();
  };
  const confirm = async () => {
    setBusy(true);
    dialog?.close();
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" class="button button--danger" onClick={show}>
        {props.buttonLabel}
      </button>
      <dialog
        ref={dialog}
        class="confirm-dialog"
        aria-labelledby="record-delete-title"
        aria-describedby="record-delete-text"
      >
        <div class="stack">
          <h2 id="record-delete-title">{props.title}</h2>
          <p id="record-delete-text">{props.text}</p>
          <div class="form-actions">
            <button ref={keep} type="button" class="button button--secondary" onClick={() => dialog?.close()}>
              {props.cancelLabel}
            </button>
            <button type="button" class="button button--danger" disabled={busy()} onClick={confirm}>
              {props.confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
