// Unknown paths under /studio/:lang.
import { Link } from 'react-router';
import { useStudioLocale } from '../../studio/session';

export default function StudioNotFound() {
  const { t, path } = useStudioLocale();
  return (
    <section>
      <h1>{t.notFound}</h1>
      <Link to={path('programs')}>{t.backToList}</Link>
    </section>
  );
}
