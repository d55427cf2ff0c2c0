'use strict';

exports.up = (knex) =>
  knex.schema.hasTable('tags').then((exists) => {
    if (!exists) {
      return knex.schema.createTable('tags', function () {
        this.increments();
        this.string('label', 64).notNullable().index();
      });
    }
  });

exports.down = (knex) => knex.schema.dropTableIfExists('tags');
