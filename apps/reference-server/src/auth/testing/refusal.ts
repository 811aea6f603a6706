import { expect } from 'vitest';
import { AuthError } from '../authError';

/** The AuthError a call is refused with; fails the test when it succeeds or throws anything else. */
export async function refusal(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

/** Just the code of {@link refusal}. */
export async function refusalCode(promise: Promise<unknown>): Promise<string> {
  return (await refusal(promise)).code;
}
