import { createSignal } from 'solid-js';

/**
 * Whether the start page asks for the recovery-key check. Asked again after each unlock (the unlock
 * page calls `askRecoveryCheckAgain`); "Later" puts it off until then, while the banner stays.
 */
const [postponed, setPostponed] = createSignal(false);

export const recoveryCheckPostponed = postponed;
export const postponeRecoveryCheck = () => setPostponed(true);
export const askRecoveryCheckAgain = () => setPostponed(false);
