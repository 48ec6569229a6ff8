import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createSubmit, type SubmitSteps } from './create-submit.ts';

/** A form stand-in: the tests run in Node, and createSubmit only reads the event's form. */
function fakeSubmit() {
  const focused: string[] = [];
  const form = {
    querySelector: () => ({ focus: () => focused.push('first invalid') }),
  } as unknown as HTMLFormElement;
  const event = { preventDefault: () => undefined, currentTarget: form } as unknown as SubmitEvent;
  return { event, form, focused };
}

function withSubmit(steps: SubmitSteps) {
  return createRoot(() => createSubmit(steps));
}

describe('createSubmit', () => {
  it('clears, validates, then runs while busy and ends not busy', async () => {
    const seen: string[] = [];
    const { busy, submit } = withSubmit({
      clear: () => seen.push('clear'),
      validate: () => {
        seen.push('validate');
        return true;
      },
      run: async () => {
        seen.push(`run busy=${busy()}`);
      },
    });
    await submit(fakeSubmit().event);
    expect(seen).toEqual(['clear', 'validate', 'run busy=true']);
    expect(busy()).toBe(false);
  });

  it('stops on a refused input and focuses the first invalid field', async () => {
    let ran = false;
    const { event, focused } = fakeSubmit();
    const { busy, submit } = withSubmit({
      validate: async () => false,
      run: () => {
        ran = true;
      },
    });
    await submit(event);
    expect(ran).toBe(false);
    expect(busy()).toBe(false);
    expect(focused).toEqual(['first invalid']);
  });

  it('hands a failure over once the form is enabled again, with its focus', async () => {
    const { event, focused } = fakeSubmit();
    const failures: string[] = [];
    const { busy, submit } = withSubmit({
      run: async () => {
        throw new Error('refused');
      },
      fail: (error, { focusInvalid }) => {
        failures.push(`${(error as Error).message} busy=${busy()}`);
        focusInvalid();
      },
      focusInvalid: () => focused.push('custom'),
    });
    await submit(event);
    expect(failures).toEqual(['refused busy=false']);
    expect(focused).toEqual(['custom']);
  });

  it('ignores a submit while busy or blocked, and can stay busy after success', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    let blocked = false;
    const { busy, submit } = withSubmit({
      blocked: () => blocked,
      run: () => {
        runs += 1;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      keepBusy: true,
    });
    blocked = true;
    await submit(fakeSubmit().event);
    expect(runs).toBe(0);
    blocked = false;
    const first = submit(fakeSubmit().event);
    await Promise.resolve();
    await submit(fakeSubmit().event);
    expect(runs).toBe(1);
    release();
    await first;
    expect(busy()).toBe(true);
  });

  it('lets an error through when the form has no way to show it', async () => {
    const { submit } = withSubmit({
      run: () => {
        throw new Error('bug');
      },
    });
    await expect(submit(fakeSubmit().event)).rejects.toThrow('bug');
  });
});
