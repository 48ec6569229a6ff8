/**
 * A form's submit, the same way everywhere: ignored while busy, the last attempt's messages cleared
 * first (so the same message is announced again on a second failure), the input checked, the work
 * run with the form busy, and focus moved to what the person has to fix.
 */
import { type Accessor, createSignal } from 'solid-js';
import { focusFirstInvalid } from './focus-first-invalid.ts';

export interface SubmitSteps {
  /** Another reason to ignore a submit besides being busy, such as a check still running. */
  readonly blocked?: () => boolean;
  /** Clears what the last attempt showed. */
  readonly clear?: () => void;
  /** Checks the input and shows what is wrong; false stops here and focuses the invalid field. */
  readonly validate?: () => boolean | Promise<boolean>;
  /** The work, while the form is busy. A refusal it shows itself may simply return. */
  readonly run: () => void | Promise<void>;
  /**
   * Shows why `run` threw, once the form is enabled again (a disabled field cannot take focus),
   * and moves focus where it should go, if anywhere. Without it the error is not caught.
   */
  readonly fail?: (error: unknown, failed: Failed) => void;
  /** Where focus goes when the input is refused; by default the first field marked invalid. */
  readonly focusInvalid?: (form: HTMLFormElement) => void;
  /** Stays busy after success: the form is about to be replaced (a navigation, the next step). */
  readonly keepBusy?: boolean;
}

export interface Failed {
  readonly form: HTMLFormElement;
  /** Moves focus as for a refused input (the first invalid field, unless `focusInvalid` says). */
  readonly focusInvalid: () => void;
}

export interface Submit {
  readonly busy: Accessor<boolean>;
  /** The form's `onSubmit`. */
  readonly submit: (event: SubmitEvent) => Promise<void>;
}

export function createSubmit(steps: SubmitSteps): Submit {
  const [busy, setBusy] = createSignal(false);
  const focusInvalid = steps.focusInvalid ?? focusFirstInvalid;

  async function submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // Read now: `currentTarget` is null once the event has been dispatched.
    const form = event.currentTarget as HTMLFormElement;
    if (busy() || steps.blocked?.()) return;
    steps.clear?.();
    if (steps.validate && !(await steps.validate())) {
      focusInvalid(form);
      return;
    }
    setBusy(true);
    try {
      await steps.run();
    } catch (error) {
      setBusy(false);
      if (!steps.fail) throw error;
      steps.fail(error, { form, focusInvalid: () => focusInvalid(form) });
      return;
    }
    if (!steps.keepBusy) setBusy(false);
  }

  return { busy, submit };
}
