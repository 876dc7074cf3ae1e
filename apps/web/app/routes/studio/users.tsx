// /studio/:lang/users — the CMS users (admins only; editors get no link to it and the API says 403).
import { cms } from '../../studio/cms';
import { useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { AdminOnly } from '../../studio/admin-only';

export default function UsersScreen() {
  return <AdminOnly><Users /></AdminOnly>;
}

function Users() {
  const { t } = useStudioLocale();
  const users = useLoad('users', () => cms().GET('/api/cms/users'));
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t.users}</h1>
      {users.loading ? <p role="status">{t.loading}</p> : null}
      {users.data ? (
        <table className="studio-table">
          <thead><tr><th scope="col">{t.userName}</th><th scope="col">{t.userSub}</th><th scope="col">{t.userRoles}</th></tr></thead>
          <tbody>
            {users.data.items.map((u) => (
              <tr key={u.sub}><td><bdi>{u.name}</bdi></td><td dir="ltr">{u.sub}</td><td>{u.roles.join(', ')}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
