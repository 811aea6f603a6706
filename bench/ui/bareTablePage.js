// The baseline page: the same pages of the same API fetched with fetch() and appended to a plain
// HTML table as the user scrolls — no framework, no virtualisation, no validation.
const { token } = window.benchUi;
const columns = ['number', 'title', 'state', 'severity', 'area', 'createdAt'];

const scroller = document.createElement('div');
scroller.className = 'bench-scroller';
scroller.style.cssText = 'height:600px;overflow:auto';
const table = document.createElement('table');
const body = document.createElement('tbody');
const head = document.createElement('thead');
head.innerHTML = `<tr>${columns.map((column) => `<th>${column}</th>`).join('')}</tr>`;
table.append(head, body);
scroller.append(table);
document.getElementById('root').append(scroller);

let cursor = null;
let done = false;
let loading = false;
let rows = 0;

async function loadPage() {
  if (loading || done) return;
  loading = true;
  const query = new URLSearchParams({ limit: '50' });
  if (cursor) query.set('cursor', cursor);
  const response = await fetch(`/api/v1/deviations?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = await response.json();
  const fragment = document.createDocumentFragment();
  for (const record of page.items) {
    const row = document.createElement('tr');
    row.dataset.index = String(rows++);
    for (const column of columns) {
      const cell = document.createElement('td');
      cell.textContent = record[column] ?? '';
      row.append(cell);
    }
    fragment.append(row);
  }
  body.append(fragment);
  cursor = page.nextCursor;
  done = cursor === null;
  table.setAttribute('aria-rowcount', done ? String(rows + 1) : '-1');
  loading = false;
  // Like the RecordTable: the next page loads before the last row comes into view.
  if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 10 * 44) void loadPage();
}

scroller.addEventListener('scroll', () => {
  if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 10 * 44) void loadPage();
});
void loadPage();
