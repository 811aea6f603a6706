// The set-up link carries its token after `#`, so it never reaches a server log or a Referer
// header. A separate file rather than an inline script, so the page works under the strict CSP.
const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
// Out of the address bar and the history: the page holds the token from here on.
window.history.replaceState(null, '', window.location.pathname);

const form = document.getElementById('setup');
const status = document.getElementById('status');

if (!token) {
  form.hidden = true;
  status.textContent =
    'This page needs the set-up link you were given. Ask your administrator for a new one.';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const password = form.elements.password.value;
  const otp = form.elements.otp.value.trim();
  if (password !== form.elements.repeat.value) {
    status.textContent = 'The two passwords differ.';
    return;
  }
  const response = await fetch('/api/v1/auth/setup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, newPassword: password, ...(otp ? { otp } : {}) }),
  });
  if (response.ok) {
    form.hidden = true;
    status.innerHTML = 'Your password is set. <a href="/">Sign in</a>.';
    return;
  }
  const problem = await response.json().catch(() => ({}));
  // An account with an authenticator needs its code too; the link stays good meanwhile.
  if (problem.code === 'otp_required') {
    document.getElementById('otp-field').hidden = false;
    form.elements.otp.focus();
  }
  status.textContent = problem.detail || problem.title || 'The password could not be set.';
});
