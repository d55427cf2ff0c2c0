/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
exports.up = function (knex) {
  return knex.schema
    .createTable('users', function (table) {
      table.increments('id');
      table.string('email', 320).notNullable().unique();
      table.string('name');
      table.boolean('is_admin').notNullable().defaultTo(false);
      table.enu('status', ['active', 'banned']).defaultTo('active');
      table.timestamps(true, true);
    })
    .createTable('posts', (table) => {
      table.bigIncrements();
      table.integer('author_id').unsigned().notNullable()
        .references('id').inTable('users').onDelete('CASCADE');
      table.text('body');
      table.decimal('price', 10, 2);
      table.jsonb('meta').defaultTo('{}');
      table.timestamp('published_at', { useTz: false });
      table.index(['author_id', 'published_at']);
    });
};

/**
 * @param { import("knex").Knex } knex
 * @returns { Promise<void> }
 */
exports.down = function (knex) {
  return knex.schema.dropTable('posts').dropTable('users');
};
