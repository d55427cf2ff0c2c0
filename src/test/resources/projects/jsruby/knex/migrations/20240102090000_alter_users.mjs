const TABLE = 'users';

export async function up(knex) {
  await knex.schema.alterTable(TABLE, (t) => {
    t.string('phone', 32);
    t.dropColumn('name'); // db-migrate-ignore ban-drop-column
    t.renameColumn('is_admin', 'admin');
    t.string('email', 512).notNullable().alter();
    t.unique(['phone'], { indexName: 'users_phone_uq' });
  });
  await knex.raw('CREATE INDEX CONCURRENTLY users_created_at_idx ON users (created_at)');
  await knex('users').update({ status: 'active' });
  await knex('users').where('status', 'banned').del();
}

export async function down(knex) {
  await knex.schema.alterTable(TABLE, (t) => {
    t.dropUnique(['phone'], 'users_phone_uq');
    t.dropColumn('phone');
  });
}

export const config = { transaction: false };
