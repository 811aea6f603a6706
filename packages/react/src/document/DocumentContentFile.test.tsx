import type { ControlledDocument } from '@masetra/core';
import { fixtureDocuments } from '@masetra/fixtures';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRecord } from '../hooks/useRecord';
import { renderWithQms, seriousViolations } from '../testing/renderWithQms';
import { DocumentContentFile } from './DocumentContentFile';
import { sopVersionRecords, sopVersions } from './sopVersions.fixtures';

/** The section as a record page draws it: from the record as loaded, so an upload shows at once. */
function Live({ id }: { id: string }) {
  const { data } = useRecord('document', id);
  return data ? <DocumentContentFile document={data} /> : null;
}

const sha256Of = async (bytes: Uint8Array<ArrayBuffer>) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');

const pdfFile = (text: string) =>
  new File([`%PDF-1.7 ${text}`], 'SOP-QC-031 OOS.pdf', { type: 'application/pdf' });

describe('DocumentContentFile', () => {
  const saved: { url: string; name: string }[] = [];
  beforeEach(() => {
    saved.length = 0;
    // jsdom has no object URLs and does not download: the link handed to the browser is what is checked.
    URL.createObjectURL = vi.fn(() => 'blob:fixture');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ url: this.href, name: this.download });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('uploads a file to a draft by keyboard: name, size and the SHA-256 of exactly those bytes', async () => {
    const user = userEvent.setup();
    const { server } = renderWithQms(<Live id={fixtureDocuments.draft.id} />, { actor: 'dora' });
    const input = await screen.findByLabelText('Upload the content file');
    expect(input.getAttribute('aria-describedby')).toBeTruthy();
    const file = pdfFile('cold chain');
    await user.upload(input, file);
    await screen.findByText('SOP-QC-031 OOS.pdf');
    // jsdom's File has no arrayBuffer(): the bytes are the text it was made of.
    const sha256 = await sha256Of(new TextEncoder().encode('%PDF-1.7 cold chain'));
    expect(screen.getByText(`${sha256.slice(0, 12)}…`).getAttribute('title')).toBe(sha256);
    expect(screen.getByText(sha256)).toBeTruthy();
    const upload = server.requests.find((request) => request.method === 'PUT');
    expect(upload?.path).toBe(`/documents/${fixtureDocuments.draft.id}/content`);
    expect(upload?.headers.get('content-type')).toBe('application/pdf');
    expect(screen.getByLabelText('Replace the content file')).toBeTruthy();
    expect((server.record(fixtureDocuments.draft.id) as ControlledDocument).contentFile?.sha256).toBe(sha256);
  });

  it('takes a file dropped on it, and says so while it uploads', async () => {
    const { server } = renderWithQms(<Live id={fixtureDocuments.draft.id} />, {
      actor: 'dora',
      serverOptions: { latencyMs: 50 },
    });
    const input = await screen.findByLabelText('Upload the content file');
    const zone = input.parentElement as HTMLElement;
    const file = pdfFile('dropped');
    const dataTransfer = { files: [file], types: ['Files'], dropEffect: 'none' };
    fireEvent.dragOver(zone, { dataTransfer });
    expect(zone.dataset.dragging).toBe('true');
    fireEvent.drop(zone, { dataTransfer });
    const status = await screen.findByRole('status');
    expect(status.textContent).toMatch(/^Uploading SOP-QC-031 OOS\.pdf… \(\d+ B\)$/);
    expect(screen.getByRole('progressbar')).toBeTruthy();
    await screen.findByText('SOP-QC-031 OOS.pdf');
    expect(server.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);
  });

  it('keeps the file of a version past draft, and says why', async () => {
    renderWithQms(<DocumentContentFile document={sopVersions.effective} />, {
      actor: 'dora',
      serverOptions: { records: sopVersionRecords },
    });
    const input = screen.getByLabelText('Replace the content file') as HTMLInputElement;
    expect(input.disabled).toBe(true);
    const description = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toMatch(
      /^This version has left draft: .* start a revision of the effective version\.$/,
    );
  });

  it('downloads a PDF as a controlled copy to view or print, under the name the server gave', async () => {
    const user = userEvent.setup();
    const { server } = renderWithQms(<DocumentContentFile document={sopVersions.effective} />, {
      actor: 'vic',
      serverOptions: { records: sopVersionRecords },
    });
    expect(screen.queryByLabelText(/content file/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Download controlled copy' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Print copy' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved.map((file) => file.name)).toEqual(['SOP-0001 v2.0.pdf', 'SOP-0001 v2.0 print.pdf']);
    expect(
      server.requests
        .filter((request) => request.path.endsWith('/controlled-copy'))
        .map((request) => request.url.searchParams.get('purpose')),
    ).toEqual(['view', 'print']);
  });

  it('downloads another format unchanged, with its signature page apart', async () => {
    const user = userEvent.setup();
    const { server } = renderWithQms(<DocumentContentFile document={sopVersions.draft} />, {
      actor: 'dora',
      serverOptions: { records: sopVersionRecords },
    });
    expect(screen.queryByRole('button', { name: 'Download controlled copy' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Download file' }));
    await user.click(screen.getByRole('button', { name: 'Signature page' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[0]!.name).toBe('SOP-0001 Cold-chain receipt v2.1.docx');
    expect(server.requests.map((request) => request.path).filter((path) => !path.endsWith('/me'))).toEqual([
      `/documents/${sopVersions.draft.id}/content`,
      `/documents/${sopVersions.draft.id}/signature-page`,
    ]);
  });

  it('shows a refused upload as an alert', async () => {
    renderWithQms(<Live id={fixtureDocuments.draft.id} />, { actor: 'dora' });
    const input = await screen.findByLabelText('Upload the content file');
    await act(async () => {
      fireEvent.change(input, { target: { files: [new File(['x'], 'notes.txt', { type: 'text/plain' })] } });
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(/PDF, DOCX or XLSX/);
  });

  it('has no serious accessibility violations', async () => {
    const { container } = renderWithQms(<DocumentContentFile document={sopVersions.draft} />, {
      actor: 'dora',
      serverOptions: { records: sopVersionRecords },
    });
    expect(await seriousViolations(container)).toEqual([]);
  });
});
