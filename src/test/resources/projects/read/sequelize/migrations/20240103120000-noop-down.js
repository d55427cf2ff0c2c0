'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.sequelize.query("UPDATE \"Users\" SET email = lower(email)");
  },
  async down() {}
};
