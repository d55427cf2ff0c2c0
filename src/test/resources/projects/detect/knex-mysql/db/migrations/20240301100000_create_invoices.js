exports.up = function (knex) {
  return knex.schema.createTable('invoices', (t) => {
    t.increments('id');
    t.string('number', 32).notNullable().unique();
    t.decimal('amount', 12, 2).notNullable();
    t.timestamps(true, true);
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable('invoices');
};
