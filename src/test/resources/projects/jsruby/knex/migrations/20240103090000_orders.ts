import type { Knex } from 'knex';

const ORDERS = 'orders';

export async function up(knex: Knex): Promise<void> {
  const exists: boolean = await knex.schema.hasTable(ORDERS);
  if (!exists) {
    await knex.schema.createTable(ORDERS, (table: Knex.CreateTableBuilder) => {
      table.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
      table.integer('user_id').notNullable();
      table.foreign('user_id').references('users.id').onDelete('SET NULL');
      table.specificType('tags', 'text[]');
      table.datetime('placed_at').notNullable().defaultTo(knex.fn.now());
    });
  }
  await knex.schema.alterTable('posts', (table) => {
    table.dropForeign('author_id');
    table.index('body', undefined, 'gin');
  });
  const columns = ['a', 'b', 'c'];
  for (const c of columns) {
    await knex.schema.alterTable(ORDERS, (t) => t.string(c));
  }
  await addAuditColumns(knex, ORDERS);
  await knex.raw(`
    UPDATE orders
       SET placed_at = now()
     WHERE placed_at IS NULL
  `);
}

async function addAuditColumns(knex: Knex, table: string) {
  await knex.schema.alterTable(table, (t) => t.string('created_by'));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists(ORDERS);
}
