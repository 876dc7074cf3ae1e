// "Move to trash" on an edit screen: a soft delete with If-Match (restorable from the trash view).
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { cms, etagOf, problemOf, type EntityType } from './cms';
import type { StudioMessages } from './messages';

/** DELETE /api/cms/{collection}/{id}; one typed call per type. */
function remove(type: EntityType, id: string, version: number) {
  const params = { params: { path: { id }, header: { 'if-match': etagOf(version) } } };
  switch (type) {
    case 'program': return cms().DELETE('/api/cms/programs/{id}', params);
    case 'episode': return cms().DELETE('/api/cms/episodes/{id}', params);
    case 'category': return cms().DELETE('/api/cms/categories/{id}', params);
    case 'person': return cms().DELETE('/api/cms/people/{id}', params);
  }
}

export function DeleteButton({ type, id, version, disabled, listPath, t }: { type: EntityType; id: string; version: number; disabled: boolean; listPath: string; t: StudioMessages }) {
  const navigate = useNavigate();
  const [message, setMessage] = useState<string>();
  async function onClick() {
    const { data, error, response } = await remove(type, id, version);
    if (data) navigate(listPath);
    // 409: e.g. a category that still has subcategories or programs; the server says which.
    else setMessage(response.status === 412 ? t.conflictText : problemOf(error, response).detail ?? t.errorGeneric);
  }
  return (
    <div className="danger-zone">
      <button type="button" className="button secondary" disabled={disabled} onClick={() => void onClick()}>{t.moveToTrash}</button>
      {message ? <p role="alert" className="field-error">{message}</p> : null}
    </div>
  );
}
