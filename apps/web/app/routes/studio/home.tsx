// /studio/:lang — the programs list is where editors start.
import { Navigate } from 'react-router';
import { useStudioLocale } from '../../studio/session';

export default function StudioHome() {
  const { path } = useStudioLocale();
  return <Navigate to={path('programs')} replace />;
}
