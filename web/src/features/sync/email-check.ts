/**
 * A light check of an email address before it is sent: present, one `@`, a dot in the domain, no
 * spaces. The server normalizes and validates it again; this only catches typos early.
 */
export type EmailProblem = 'empty' | 'invalid';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(value: string): EmailProblem | null {
  const email = value.trim();
  if (email === '') return 'empty';
  if (email.length > 320 || !EMAIL.test(email)) return 'invalid';
  return null;
}
