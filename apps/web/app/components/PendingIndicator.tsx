// A navigation that takes a while shows a thin progress line; one that answers fast shows nothing (the
// line appears only after 300 ms), so quick pages never flash a loading state.
import { useEffect, useState } from 'react';
import { useNavigation } from 'react-router';
import { useLocale } from '../i18n/use-locale';

export const PENDING_DELAY_MS = 300;

export function PendingIndicator() {
  const navigation = useNavigation();
  const { t } = useLocale();
  const [visible, setVisible] = useState(false);
  const busy = navigation.state !== 'idle';
  useEffect(() => {
    if (!busy) {
      setVisible(false);
      return;
    }
    const timer = setTimeout(() => setVisible(true), PENDING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [busy]);
  return (
    <div className={`pending${visible ? ' visible' : ''}`} role="progressbar" aria-label={t.loading} aria-hidden={!visible} aria-busy={visible} />
  );
}
