'use server';
// The LIMS's sign-in and sign-out, as server actions on its own session.
import { redirect } from 'next/navigation';
import { checkPassword } from '../lib/labUsers';
import { endSession, startSession } from '../lib/session';

export async function signIn(form: FormData): Promise<void> {
  const user = await checkPassword(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
  if (!user) redirect('/sign-in?failed=1');
  await startSession(user);
  redirect('/');
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect('/sign-in');
}
