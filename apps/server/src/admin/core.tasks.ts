// Tasks of the platform itself: migrations and CMS users.
import { Type } from 'typebox';
import { appliedMigrations, migrate } from '../platform/db/migrate.js';
import { CMS_ROLES } from '../platform/auth/roles.js';
import { HttpProblem } from '../platform/http/problem.js';
import { defineTask } from '../platform/tasks.js';

const NoArgs = Type.Object({}, { additionalProperties: false });
const Sub = Type.String({ minLength: 1, maxLength: 200 });

export const migrateTask = defineTask({
  name: 'migrate',
  description: 'Apply pending database migrations',
  args: NoArgs,
  async run({ platform }) {
    const applied = await migrate(platform.db);
    return { applied: applied.map((m) => `${m.version}_${m.name}`), current: (await appliedMigrations(platform.db)).map((m) => `${m.version}_${m.name}`) };
  },
});

export const usersListTask = defineTask({
  name: 'users.list',
  description: 'List CMS users (everyone who signed in, and pre-registered users)',
  args: NoArgs,
  run: async ({ platform }) => ({ users: await platform.users.list() }),
});

export const usersAddTask = defineTask({
  name: 'users.add',
  description: 'Register a user ahead of sign-in, or change their name or roles',
  args: Type.Object(
    { sub: Sub, name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), roles: Type.Optional(Type.Array(Type.Union(CMS_ROLES.map((r) => Type.Literal(r))), { maxItems: 3 })) },
    { additionalProperties: false },
  ),
  run: async ({ platform }, args) => ({ user: await platform.users.upsert(args as { sub: string; name?: string; roles?: string[] }) }),
});

function setDisabledTask(name: string, disabled: boolean, description: string) {
  return defineTask({
    name,
    description,
    args: Type.Object({ sub: Sub }, { additionalProperties: false }),
    async run({ platform }, args) {
      const user = await platform.users.setDisabled((args as { sub: string }).sub, disabled);
      if (!user) throw new HttpProblem('not-found', `No user with subject ${(args as { sub: string }).sub}.`);
      return { user };
    },
  });
}

export const usersDisableTask = setDisabledTask('users.disable', true, 'Block a user from the CMS even with a valid token');
export const usersEnableTask = setDisabledTask('users.enable', false, 'Allow a disabled user again');
