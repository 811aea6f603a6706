import { type FormEvent, useState } from 'react';

export function SignInPage({
  signIn,
}: {
  signIn: (email: string, password: string) => Promise<string | undefined>;
}) {
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(await signIn(String(data.get('email')), String(data.get('password'))));
  };
  return (
    <main className="lims-main">
      <h1>Sign in to Northwind LIMS</h1>
      <form className="lims-form" onSubmit={submit}>
        <label>
          E-mail
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="lims-error">
            {error}
          </p>
        )}
        <button type="submit" className="lims-button">
          Sign in
        </button>
      </form>
    </main>
  );
}
