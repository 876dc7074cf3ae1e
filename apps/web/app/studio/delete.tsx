// "Move to trash" on an edit screen: a soft delete with If-Match (restorable from the trash view).
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { cms, etagOf, problemOf } from './cms';
import type { StudioMessages } from './messages';

export function DeleteButton({ type, id, version, disabled, listPath, t }: { type: 'program' | 'episode'; id: string; version: number; disabled: boolean; listPath: string; t: StudioMessages }) {
  const navigate = useNavigate();
  const [message, setMessage] = useState<string>();
  async function remove() {
    const params = { params: { path: { id }, header: { 'if-match': etagOf(version) } } };
    const { data, error, response } = type === 'program'
      ? await cms().DELETE('/api/cms/programs/{id}', params)
      : await cms().DELETE('/api/cms/episodes/{id}', params);
    if (data) navigate(listPath);
    else setMessage(response.status === 412 ? t.conflictText : problemOf(error, response).detail ?? t.errorGeneric);
  }
  return (
    <div className="danger-zone">
      <button type="button" className="button secondary" disabled={disabled} onClick={() => void remove()}>{t.moveToTrash}</button>
      {message ? <p role="alert" className="field-error">{message}</p> : null}
    </div>
  );
}
