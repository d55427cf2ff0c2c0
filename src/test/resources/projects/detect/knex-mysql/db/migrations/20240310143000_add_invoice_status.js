exports.up = (knex) => knex.schema.alterTable('invoices', (t) => {
  t.string('status', 16).notNullable().defaultTo('draft');
});

exports.down = (knex) => knex.schema.alterTable('invoices', (t) => {
  t.dropColumn('status');
});
