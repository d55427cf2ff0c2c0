'use strict';

module.exports = {
  up: (queryInterface, Sequelize) => queryInterface.addIndex('Users', ['email'], { unique: true, name: 'users_email_unique' }),
  down: function (queryInterface, Sequelize) {
    return queryInterface.removeIndex('Users', 'users_email_unique');
  }
};
