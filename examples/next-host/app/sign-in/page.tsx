import { signIn } from '../actions';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ failed?: string }> }) {
  const { failed } = await searchParams;
  return (
    <main className="lims-main">
      <h1>Sign in to Northwind LIMS</h1>
      <form className="lims-form" action={signIn}>
        <label>
          E-mail
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {failed && (
          <p role="alert" className="lims-error">
            E-mail or password is not correct.
          </p>
        )}
        <button type="submit" className="lims-button">
          Sign in
        </button>
      </form>
    </main>
  );
}
